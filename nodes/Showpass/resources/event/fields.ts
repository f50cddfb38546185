import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchRecords } from '../../helpers/listSearch';
import { EVENT_URL_REGEX, EVENT_URL_VALIDATION, versionedIdField } from '../../helpers/locator';

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
			path: '/events/',
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
