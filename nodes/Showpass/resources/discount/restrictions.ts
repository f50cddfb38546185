import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { addedInVersion2 } from '../../helpers/descriptions';
import { locatorField, recordIdOf } from '../../helpers/locator';
import { idList } from '../../helpers/values';
import { eventNumericIdLocator } from '../event/fields';

/** What a discount code is valid for (`appliesTo`); `unchanged` exists on Update only. */
export type AppliesTo = 'all' | 'events' | 'ticketTypes' | 'allExceptTicketTypes' | 'unchanged';

/**
 * Showpass's `permission_type`s this node sends: only the listed items (Showpass's default), or
 * everything except them. Whole events are "listed items" too: an entry without ticket types covers
 * its whole event.
 */
export const ONLY_LISTED = 'disc_level_ticket_type';
export const ALL_EXCEPT_LISTED = 'disc_level_excluded_ticket_type';

/**
 * Update → All Events: the state of a code created without a restriction, as Showpass answers it
 * (its default permission type and no entries), so the new choice replaces the old one.
 */
const NO_RESTRICTION: IDataObject = {
	permission_type: ONLY_LISTED,
	event_discount_permissions: [],
};

const TICKET_TYPE_CHOICES: AppliesTo[] = ['ticketTypes', 'allExceptTicketTypes'];

const APPLIES_TO_OPTIONS = [
	{
		name: 'All Events',
		value: 'all',
		description: 'No restriction: the code works for every event of your organization',
	},
	{
		name: 'All Except Selected Ticket Types',
		value: 'allExceptTicketTypes',
		description:
			'Everything except the chosen ticket types of one event, e.g. not for VIP (sends disc_level_excluded_ticket_type)',
	},
	{
		name: 'Selected Events',
		value: 'events',
		description: 'Every ticket type of the chosen events, e.g. one tour date',
	},
	{
		name: 'Selected Ticket Types',
		value: 'ticketTypes',
		description: 'Only the chosen ticket types of one event (sends disc_level_ticket_type)',
	},
];

const LABELS: Record<string, string> = Object.fromEntries(
	APPLIES_TO_OPTIONS.map((option) => [option.value, option.name]),
);

const appliesToOnCreate: INodeProperties = {
	displayName: 'Applies To',
	name: 'appliesTo',
	type: 'options',
	default: 'all',
	options: APPLIES_TO_OPTIONS,
	description: 'What the code is valid for',
};

const appliesToOnUpdate: INodeProperties = {
	...appliesToOnCreate,
	default: 'unchanged',
	options: [
		{
			name: 'Keep Current',
			value: 'unchanged',
			description: "Leave the code's restriction as it is (nothing is sent)",
		},
		...APPLIES_TO_OPTIONS,
	],
	description: 'Change what the code is valid for; the new choice replaces the current one',
};

/**
 * The restriction fields of Create (`all` by default: nothing is sent) or Update (`unchanged` by
 * default: nothing is sent, so workflows saved before restrictions existed send what they sent).
 * Version 2 only: version 1's Create and Update stay as released.
 */
export function restrictionFields(operation: 'create' | 'update'): INodeProperties[] {
	const forTicketTypes = { show: { appliesTo: TICKET_TYPE_CHOICES } };
	const fields: INodeProperties[] = [
		operation === 'create' ? appliesToOnCreate : appliesToOnUpdate,
		{
			displayName: 'Event Names or IDs',
			name: 'eventIds',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'loadEvents' },
			required: true,
			default: [],
			description:
				'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: 'An expression may give a list or comma-separated IDs, e.g. {{ $json.event_id }}',
			displayOptions: { show: { appliesTo: ['events'] } },
		},
		locatorField(
			{
				displayName: 'Event',
				name: 'eventId',
				type: 'string',
				required: true,
				default: '',
				description: 'The event whose ticket types are chosen below',
				displayOptions: forTicketTypes,
			},
			eventNumericIdLocator,
		),
		{
			displayName: 'Ticket Type Names or IDs',
			name: 'ticketTypeIds',
			type: 'multiOptions',
			typeOptions: {
				loadOptionsMethod: 'loadEventTicketTypes',
				loadOptionsDependsOn: ['eventId.value'],
			},
			required: true,
			default: [],
			description:
				'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: "The list shows the chosen event's ticket types",
			displayOptions: forTicketTypes,
		},
	];
	return fields.map(addedInVersion2);
}

/** Numeric IDs from a multi-select or an expression; throws, naming the field, on anything else. */
function numericIds(value: unknown, label: string): number[] {
	const ids = idList(value);
	const wrong = ids.find((id) => typeof id !== 'number');
	if (wrong !== undefined) throw new Error(`${label}: "${String(wrong)}" is not a numeric ID`);
	return [...new Set(ids as number[])];
}

export interface RestrictionValues {
	eventIds?: unknown;
	eventId?: string;
	ticketTypeIds?: unknown;
}

/**
 * The body fields of a restriction: `permission_type` and `event_discount_permissions`, or none.
 * All Events sends none on Create (Showpass's default applies broadly) and lifts a restriction on
 * Update. Throws a message that says what to fill in when the choice lacks its IDs.
 */
export function restrictionBody(
	appliesTo: AppliesTo,
	values: RestrictionValues,
	operation: 'create' | 'update',
): IDataObject {
	const label = LABELS[appliesTo] ?? appliesTo;
	if (appliesTo === 'unchanged') return {};
	if (appliesTo === 'all') return operation === 'create' ? {} : { ...NO_RESTRICTION };
	if (appliesTo === 'events') {
		const eventIds = numericIds(values.eventIds, 'Event Names or IDs');
		if (eventIds.length === 0) {
			throw new Error(
				`Applies To is "${label}" but no event is chosen: choose at least one under Event Names or IDs`,
			);
		}
		return {
			permission_type: ONLY_LISTED,
			event_discount_permissions: eventIds.map((event) => ({ event })),
		};
	}
	if (TICKET_TYPE_CHOICES.includes(appliesTo)) {
		const [event] = numericIds(values.eventId, 'Event');
		if (event === undefined) {
			throw new Error(
				`Applies To is "${label}" but no event is chosen: choose the event of the ticket types under Event`,
			);
		}
		const ticketTypes = numericIds(values.ticketTypeIds, 'Ticket Type Names or IDs');
		if (ticketTypes.length === 0) {
			throw new Error(
				`Applies To is "${label}" but no ticket type is chosen: choose at least one under Ticket Type Names or IDs`,
			);
		}
		return {
			permission_type: appliesTo === 'ticketTypes' ? ONLY_LISTED : ALL_EXCEPT_LISTED,
			event_discount_permissions: [
				{
					event,
					tt_discount_permissions: ticketTypes.map((ticketType) => ({ ticket_type: ticketType })),
				},
			],
		};
	}
	throw new Error(
		`Unknown Applies To "${String(appliesTo)}"; use all, events, ticketTypes or allExceptTicketTypes`,
	);
}

/**
 * The restriction an item asks for. Version 1 has no Applies To: Create then sends none and Update
 * leaves the code's restriction as it is, as they always did.
 */
export function restrictionOf(
	context: IExecuteFunctions,
	itemIndex: number,
	operation: 'create' | 'update',
): IDataObject {
	const fallback: AppliesTo = operation === 'create' ? 'all' : 'unchanged';
	const appliesTo = context.getNodeParameter('appliesTo', itemIndex, fallback) as AppliesTo;
	if (appliesTo === 'all' || appliesTo === 'unchanged') {
		return restrictionBody(appliesTo, {}, operation);
	}
	return restrictionBody(
		appliesTo,
		{
			eventIds: appliesTo === 'events' ? context.getNodeParameter('eventIds', itemIndex, []) : [],
			eventId: TICKET_TYPE_CHOICES.includes(appliesTo)
				? recordIdOf(context, 'eventId', itemIndex, '')
				: '',
			ticketTypeIds: TICKET_TYPE_CHOICES.includes(appliesTo)
				? context.getNodeParameter('ticketTypeIds', itemIndex, [])
				: [],
		},
		operation,
	);
}
