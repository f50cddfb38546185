import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { recordIdOf, versionedIdField } from '../../helpers/locator';
import { eventNumericIdLocator } from '../event/fields';

export const ticketIdField: INodeProperties = {
	displayName: 'Ticket ID',
	name: 'ticketId',
	type: 'string',
	required: true,
	default: '',
	description: "The ticket item's numeric ID, as in the output of Get Tickets or Get Many",
};

/** What a door scanner reads: the ticket's barcode, or a code Showpass accepts in its place. */
export const codeField: INodeProperties = {
	displayName: 'Barcode or Code',
	name: 'code',
	type: 'string',
	required: true,
	default: '',
	placeholder: '={{ $json.body.barcode }}',
	description:
		'The barcode (or code) read from the ticket, e.g. by a scanner app posting to a Webhook',
};

/** Showpass's door statistics of one event's scan history: totals, and (`timeline/`) per day. */
export const SCAN_STATS_PATH = '/tickets/items/histories/stats/';
export const SCAN_TIMELINE_PATH = `${SCAN_STATS_PATH}timeline/`;

/** The event whose scans are counted: Showpass filters the scan history by its numeric ID. */
export const scanStatsEventIdFields = versionedIdField(
	{
		displayName: 'Event ID',
		name: 'eventId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '98765',
		description: 'The event whose door scans to count (its numeric ID)',
	},
	eventNumericIdLocator,
);

/** `item__event_id` for the event chosen; Showpass filters by the numeric ID only, never a slug. */
export function scanStatsEventQuery(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const eventId = recordIdOf(context, 'eventId', itemIndex);
	if (!/^\d+$/.test(eventId)) {
		throw new NodeOperationError(
			context.getNode(),
			eventId === ''
				? 'Event ID is empty: choose the event whose scans to count'
				: `Event ID must be the event's numeric ID, not "${eventId}"`,
			{ itemIndex },
		);
	}
	return { item__event_id: eventId };
}
