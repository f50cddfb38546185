import {
	NodeOperationError,
	type IDataObject,
	type ILoadOptionsFunctions,
	type INodeListSearchResult,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { pathSegment } from '../../helpers/connection';
import { PAGES_PER_SEARCH, searchRecords } from '../../helpers/listSearch';
import {
	EVENT_URL_REGEX,
	EVENT_URL_VALIDATION,
	versionedIdField,
	type LocatorSpec,
} from '../../helpers/locator';
import { MAX_PAGE_SIZE } from '../../helpers/pagination';
import { showpassJson, showpassPages } from '../../helpers/transport';

export const EVENTS_PATH = '/events/';

/** An event where Showpass takes its numeric ID only (a filter or a body field, not the event's path). */
export const eventNumericIdLocator: LocatorSpec = {
	searchListMethod: 'searchEvents',
	idPlaceholder: 'e.g. 98765',
	idError: "Enter the event's numeric ID",
};

/** An event to act on: version 1's ID-or-slug box, a picker from version 2 (also used by Password). */
export const eventIdFields = versionedIdField(
	{
		displayName: 'Event ID or Slug',
		name: 'eventId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'summer-music-festival-2025',
		description:
			"The event's numeric ID or its slug (the part of the event page address after showpass.com/)",
	},
	{
		searchListMethod: 'searchEvents',
		idModeName: 'By ID or Slug',
		idPlaceholder: 'e.g. 98765 or harbour-lights-2026',
		idRegex: '\\s*[^/?#\\s]+\\s*',
		idError: "Enter the event's numeric ID or its slug (no slashes or spaces)",
		modes: [
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://www.showpass.com/harbour-lights-2026/',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: EVENT_URL_VALIDATION,
							errorMessage: 'Enter an event page address on www.showpass.com or demo.showpass.com',
						},
					},
				],
				extractValue: { type: 'regex', regex: EVENT_URL_REGEX },
			},
		],
	},
);

/** An event as the pickers list it: its name and start date, so same-named shows are told apart. */
function eventName(event: IDataObject): string {
	const name = String(event.name ?? event.slug ?? `Event ${String(event.id)}`);
	const startsOn = typeof event.starts_on === 'string' ? event.starts_on.slice(0, 10) : '';
	return startsOn === '' ? name : `${name} (${startsOn})`;
}

/** Lists the organization's events for the Event pickers. */
export async function searchEvents(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchRecords(
		this,
		{
			path: EVENTS_PATH,
			nameOf: eventName,
			urlOf: (event, baseUrl) =>
				typeof event.frontend_details_url === 'string'
					? event.frontend_details_url
					: typeof event.slug === 'string'
						? `${baseUrl}/${event.slug}/`
						: undefined,
		},
		filter,
		paginationToken,
	);
}

/** The organization's events for a multi-select (up to as many pages as one list search reads). */
export async function loadEvents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const events = await showpassPages.call(
		this,
		EVENTS_PATH,
		{ page_size: MAX_PAGE_SIZE },
		MAX_PAGE_SIZE * PAGES_PER_SEARCH,
		0,
	);
	return events.map((event) => ({ name: eventName(event), value: String(event.id) }));
}

/** The event chosen in the node's `eventId` field (a picker or, in expressions, plain text). */
function chosenEventId(context: ILoadOptionsFunctions): string {
	const chosen = context.getCurrentNodeParameter('eventId') as unknown;
	const value =
		chosen !== null && typeof chosen === 'object' ? (chosen as IDataObject).value : chosen;
	return String(value ?? '').trim();
}

/**
 * The ticket types of the event chosen in `eventId`, from the event's own record: Showpass documents
 * no list of ticket types, but every event carries its `ticket_types`.
 */
export async function loadEventTicketTypes(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const eventId = chosenEventId(this);
	if (eventId === '' || eventId.startsWith('=')) {
		throw new NodeOperationError(
			this.getNode(),
			'Choose the event first: its ticket types are listed here',
		);
	}
	const event = await showpassJson.call(
		this,
		{ method: 'GET', path: `${EVENTS_PATH}${pathSegment(eventId, 'Event ID')}/` },
		0,
	);
	const ticketTypes = Array.isArray(event.ticket_types)
		? (event.ticket_types as IDataObject[])
		: [];
	return ticketTypes.map((ticketType) => ({
		name: String(ticketType.name ?? `Ticket type ${String(ticketType.id)}`),
		value: String(ticketType.id),
		description:
			ticketType.price === undefined
				? `ID ${String(ticketType.id)}`
				: `ID ${String(ticketType.id)} · ${String(ticketType.price)}`,
	}));
}
