import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';

import { searchRecords } from '../../helpers/listSearch';
import { versionedIdField } from '../../helpers/locator';
import type { RecordAddress } from '../../helpers/records';
import { dateTimeText, idList, idValue, withoutEmpty } from '../../helpers/values';

export const PASSWORDS_PATH = '/passwords/';
export const MAX_PASSWORD_LENGTH = 256;
export const MAX_ITEM_PURCHASE_LIMIT = 10000;

export type PasswordScope = 'ticketType' | 'event' | 'eventTicketTypes';

export const passwordAddress: RecordAddress = {
	collectionPath: PASSWORDS_PATH,
	idName: 'passwordId',
	idLabel: 'Password ID',
	idFields: versionedIdField(
		{
			displayName: 'Password ID',
			name: 'passwordId',
			type: 'string',
			// n8n's lint masks every text box whose name contains "password"; this one holds an ID.
			typeOptions: { password: true },
			required: true,
			default: '',
			description: "The password's numeric ID (its ID in the output of Create or Get Many)",
		},
		{ searchListMethod: 'searchPasswords', idPlaceholder: 'e.g. 5501' },
	),
};

export const scopeOptions = [
	{
		name: 'Event',
		value: 'event',
		description: 'Every ticket type of one event (sends event_id)',
	},
	{
		name: 'Event Ticket Types',
		value: 'eventTicketTypes',
		description: 'Selected ticket types of one event (sends event_id and ticket_type_ids)',
	},
	{
		name: 'Ticket Type',
		value: 'ticketType',
		description: 'One ticket type (sends ticket_type)',
	},
];

export const passwordField: INodeProperties = {
	displayName: 'Password',
	name: 'password',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	placeholder: 'MEMBER-7QX4',
	description: `The access code customers enter to unlock tickets (up to ${MAX_PASSWORD_LENGTH} characters). Showpass does not generate codes.`,
};

export const ticketTypeIdField: INodeProperties = {
	displayName: 'Ticket Type ID',
	name: 'ticketTypeId',
	type: 'string',
	default: '',
	placeholder: '3001',
	description: 'The ticket type the code unlocks (its numeric ID)',
};

export const ticketTypeIdsField: INodeProperties = {
	displayName: 'Ticket Type IDs',
	name: 'ticketTypeIds',
	type: 'string',
	default: '',
	placeholder: '3001,3002',
	description: 'The ticket types of the event the code unlocks (comma-separated IDs)',
};

/** Settings a password can have beside its code and scope; used by Create and Update. */
export const passwordSettings: INodeProperties[] = [
	{
		displayName: 'End Time',
		name: 'endTime',
		type: 'dateTime',
		default: '',
		description: 'When the code stops working. Leave empty for no end.',
	},
	{
		displayName: 'Is Active',
		name: 'isActive',
		type: 'boolean',
		default: true,
		description:
			'Whether the code works. Turning it off retires the code but keeps it (Delete removes it).',
	},
	{
		displayName: 'Max Item Purchase Limit',
		name: 'maxItemPurchaseLimit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_ITEM_PURCHASE_LIMIT },
		default: 1,
		description: `How many tickets the code unlocks in total (1–${MAX_ITEM_PURCHASE_LIMIT.toLocaleString('en-US')}); 1 makes a one-use code. Leave out for a reusable code.`,
	},
	{
		displayName: 'Regex Match',
		name: 'isRegexMatch',
		type: 'boolean',
		default: false,
		description:
			'Whether Password is a pattern (a case-insensitive regular expression matched from the start) that a family of codes matches',
	},
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		default: '',
		description: 'When the code starts working',
	},
];

/** The body fields of a scope; throws a message naming the missing field. */
export function scopeBody(scope: PasswordScope, values: IDataObject): IDataObject {
	const required = (field: string, label: string) => {
		const value = String(values[field] ?? '').trim();
		if (value === '')
			throw new Error(`${label} is empty; the scope "${scopeLabel(scope)}" needs it`);
		return value;
	};
	if (scope === 'ticketType')
		return { ticket_type: idValue(required('ticketTypeId', 'Ticket Type ID')) };
	const eventId = idValue(required('eventId', 'Event ID'));
	if (scope === 'event') return { event_id: eventId };
	if (scope === 'eventTicketTypes') {
		const ticketTypeIds = idList(required('ticketTypeIds', 'Ticket Type IDs'));
		return { event_id: eventId, ticket_type_ids: ticketTypeIds };
	}
	throw new Error(`Unknown scope "${String(scope)}"; use ticketType, event or eventTicketTypes`);
}

function scopeLabel(scope: PasswordScope): string {
	return scopeOptions.find((option) => option.value === scope)?.name ?? scope;
}

/** The password and its settings (editor names) → Showpass's fields; throws on values Showpass refuses. */
export function settingsBody(values: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (values.password !== undefined) {
		const password = String(values.password);
		if (password.trim() === '') throw new Error('Password is empty');
		if (password.length > MAX_PASSWORD_LENGTH) {
			throw new Error(
				`Password is ${password.length} characters long; Showpass allows at most ${MAX_PASSWORD_LENGTH}`,
			);
		}
		body.password = password;
	}
	if (values.maxItemPurchaseLimit !== undefined && values.maxItemPurchaseLimit !== '') {
		const limit = Number(values.maxItemPurchaseLimit);
		if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ITEM_PURCHASE_LIMIT) {
			throw new Error(
				`Max Item Purchase Limit must be a whole number from 1 to ${MAX_ITEM_PURCHASE_LIMIT.toLocaleString('en-US')}, not ${String(values.maxItemPurchaseLimit)}`,
			);
		}
		body.max_item_purchase_limit = limit;
	}
	return withoutEmpty({
		...body,
		is_active: values.isActive,
		start_time: dateTimeText(values.startTime),
		end_time: dateTimeText(values.endTime),
		is_regex_match: values.isRegexMatch,
	});
}

/** Lists the organization's passwords for the Password picker, by code. */
export async function searchPasswords(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchRecords(
		this,
		{
			path: PASSWORDS_PATH,
			nameOf: (password) => {
				const code = String(password.password ?? `Password ${String(password.id)}`);
				return password.is_active === false ? `${code} (inactive)` : code;
			},
		},
		filter,
		paginationToken,
	);
}
