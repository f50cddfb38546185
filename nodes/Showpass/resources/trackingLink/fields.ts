import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';

import { searchRecords } from '../../helpers/listSearch';
import { versionedIdField } from '../../helpers/locator';
import type { RecordAddress } from '../../helpers/records';
import { idList, idValue, withoutEmpty } from '../../helpers/values';

export const QUICK_PURCHASE = 4;

export const TRACKING_LINKS_PATH = '/analytics/tracking/links/';

export const trackingLinkAddress: RecordAddress = {
	collectionPath: TRACKING_LINKS_PATH,
	idName: 'trackingLinkId',
	idLabel: 'Tracking Link ID',
	idFields: versionedIdField(
		{
			displayName: 'Tracking Link ID',
			name: 'trackingLinkId',
			type: 'string',
			required: true,
			default: '',
			description: "The tracking link's numeric ID (its ID in the output of Create or Get Many)",
		},
		{ searchListMethod: 'searchTrackingLinks', idPlaceholder: 'e.g. 9901' },
	),
};

/** Lists the organization's tracking links for the Tracking Link picker, by description. */
export async function searchTrackingLinks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchRecords(
		this,
		{
			path: TRACKING_LINKS_PATH,
			nameOf: (link) => {
				const description = String(link.description ?? '').trim();
				if (description !== '') return description;
				return String(link.short_url ?? link.tiny_url ?? `Tracking link ${String(link.id)}`);
			},
			urlOf: (link) => (typeof link.long_url === 'string' ? link.long_url : undefined),
		},
		filter,
		paginationToken,
	);
}

export const linkTypeOptions = [
	{ name: 'Affiliate', value: 3, description: 'For an external partner or promoter' },
	{ name: 'Employee', value: 1, description: 'Shared by a staff member' },
	{
		name: 'Quick Purchase',
		value: QUICK_PURCHASE,
		description: 'Opens checkout with items already in the basket',
	},
	{ name: 'Venue', value: 2, description: 'For the organization as a whole' },
];

/** Settings a link can have beside its type; used by Create and Update. */
export const linkSettings: INodeProperties[] = [
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: "A label for the link, e.g. the partner's name (max 512 characters)",
	},
	{
		displayName: 'Event ID',
		name: 'eventId',
		type: 'string',
		default: '',
		description: 'The event the link opens. Leave empty for a link to your organization page.',
	},
	{
		displayName: 'Hide Public Ticket Types',
		name: 'hidePublicTicketTypes',
		type: 'boolean',
		default: false,
		description: 'Whether the link shows only the ticket types listed in Ticket Type IDs',
	},
	{
		displayName: 'Referred By (User ID)',
		name: 'referredBy',
		type: 'string',
		default: '',
		description: 'The Showpass user ID of the person sharing the link',
	},
	{
		displayName: 'Ticket Type IDs',
		name: 'ticketTypes',
		type: 'string',
		default: '',
		placeholder: '3001,3002',
		description: 'Restrict the link to these ticket types (comma-separated IDs)',
	},
];

export const basketItemsField: INodeProperties = {
	displayName: 'Basket Items',
	name: 'basketItems',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Item',
	default: {},
	description: 'What a Quick Purchase link puts in the basket (Showpass requires at least one)',
	options: [
		{
			displayName: 'Item',
			name: 'item',
			values: [
				{
					displayName: 'Product Attribute ID',
					name: 'productAttribute',
					type: 'string',
					default: '',
					description: 'A product attribute instead of a ticket type',
				},
				{
					displayName: 'Quantity',
					name: 'quantity',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 1,
				},
				{
					displayName: 'Ticket Type ID',
					name: 'ticketType',
					type: 'string',
					default: '',
				},
			],
		},
	],
};

/** Editor values → the tracking-link body Showpass expects. */
export function trackingLinkBody(
	organizationId: number | string,
	via: number | undefined,
	settings: IDataObject,
	basketItems: IDataObject,
): IDataObject {
	const items = ((basketItems.item as IDataObject[] | undefined) ?? []).map((item) =>
		withoutEmpty({
			ticket_type: item.ticketType === '' ? undefined : idValue(item.ticketType),
			product_attribute: item.productAttribute === '' ? undefined : idValue(item.productAttribute),
			quantity: item.quantity,
		}),
	);
	return withoutEmpty({
		venue: idValue(organizationId),
		via,
		description: settings.description,
		event:
			settings.eventId === undefined || settings.eventId === ''
				? undefined
				: idValue(settings.eventId),
		referred_by:
			settings.referredBy === undefined || settings.referredBy === ''
				? undefined
				: idValue(settings.referredBy),
		ticket_types: settings.ticketTypes === undefined ? undefined : idList(settings.ticketTypes),
		hide_public_ticket_types: settings.hidePublicTicketTypes,
		extra: items,
	});
}
