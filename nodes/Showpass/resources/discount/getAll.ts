import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	addedInVersion2,
	asReleasedInVersion1,
	byDisplayName,
	limitOf,
	queryFrom,
	returnAllAndLimit,
} from '../../helpers/descriptions';
import { defineOperation, type OperationResult } from '../../helpers/operation';
import { showpassList } from '../../helpers/transport';
import { commaList } from '../../helpers/values';
import { DISCOUNTS_PATH } from './fields';

/** The filters version 1 was released with. */
const releasedFilters: INodeProperties[] = [
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		default: '',
		description: 'Only the discount with exactly this code',
	},
	{
		displayName: 'Customer Email',
		name: 'invoiceEmail',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Only discounts used on invoices with this email',
	},
	{
		displayName: 'Event IDs',
		name: 'events',
		type: 'string',
		default: '',
		placeholder: '12345,12346',
		description: 'Only discounts restricted to these events (comma-separated IDs)',
	},
	{
		displayName: 'Is Active',
		name: 'isPublic',
		type: 'boolean',
		default: true,
		description: 'Whether to return only active (true) or only inactive (false) discounts',
	},
	{
		displayName: 'Reference',
		name: 'reference',
		type: 'string',
		default: '',
		description: 'Only discounts with exactly this reference',
	},
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		description: 'Only discounts whose code or description contains this text',
	},
];

/** Filters added with version 2: lists that Showpass matches any of. */
const addedFilters: INodeProperties[] = [
	{
		displayName: 'Codes',
		name: 'codes',
		type: 'string',
		default: '',
		placeholder: 'SORRY-ADA,SUMMER25',
		description: 'Only discounts with one of these codes (comma-separated)',
	},
	{
		displayName: 'Ticket Type IDs',
		name: 'ticketTypeIds',
		type: 'string',
		default: '',
		placeholder: '3001,3002',
		description: 'Only discounts restricted to one of these ticket types (comma-separated IDs)',
	},
];

const ORDER_FIELDS = [
	{ name: 'Created', value: 'created' },
	{ name: 'ID', value: 'id' },
	{ name: 'Is Active', value: 'is_public' },
	{ name: 'Last Updated', value: 'updated' },
];

const sortOptions: INodeProperties[] = [
	{
		displayName: 'Sort By',
		name: 'ordering',
		type: 'options',
		default: '-created',
		// Showpass's `ordering`: a field, `-` first for descending.
		options: ORDER_FIELDS.flatMap(({ name, value }) => [
			{ name: `${name} (Ascending)`, value },
			{ name: `${name} (Descending)`, value: `-${value}` },
		]),
		description: "The order of the discounts. Without it, Showpass's own order.",
	},
];

const QUERY_NAMES: Record<string, string> = {
	code: 'code',
	invoiceEmail: 'invoice__email',
	events: 'events',
	isPublic: 'is_public',
	reference: 'reference',
	search: 'search',
	codes: 'code__in',
	ticketTypeIds: 'tt_discount_permissions__ticket_type__in',
	ordering: 'ordering',
};

const filtersCollection = (options: INodeProperties[]): INodeProperties => ({
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options,
});

/** Output: one item per discount. */
async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const filters = { ...(this.getNodeParameter('filters', itemIndex, {}) as IDataObject) };
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	for (const list of ['codes', 'ticketTypeIds']) {
		if (filters[list] !== undefined) filters[list] = commaList(filters[list]);
	}
	return await showpassList.call(
		this,
		DISCOUNTS_PATH,
		queryFrom({ ...filters, ...options }, QUERY_NAMES),
		limitOf(this, itemIndex),
		itemIndex,
	);
}

export const operation = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many discount codes',
	description: 'List discounts by code, event, ticket type, email or reference',
	properties: [
		...returnAllAndLimit(),
		asReleasedInVersion1(filtersCollection(releasedFilters)),
		addedInVersion2(filtersCollection(byDisplayName([...releasedFilters, ...addedFilters]))),
		addedInVersion2({
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: sortOptions,
		}),
	],
	execute,
});
