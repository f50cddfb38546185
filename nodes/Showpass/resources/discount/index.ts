import type { INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../../shared/operation';
import { deleteOperation, getManyOperation, getOperation } from '../../shared/records';
import * as create from './create';
import { discountIdField } from './fields';
import * as update from './update';

const address = { resource: 'discount', collectionPath: '/financials/discounts/', idField: discountIdField };
const get = getOperation(address);
const remove = deleteOperation(address);
const getAll = getManyOperation(
	'discount',
	'/financials/discounts/',
	[
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
	],
	{
		code: 'code',
		invoiceEmail: 'invoice__email',
		events: 'events',
		isPublic: 'is_public',
		reference: 'reference',
		search: 'search',
	},
);

export const discountProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['discount'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a discount code',
				description: 'Create a percentage or fixed-amount discount code',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a discount code',
				description: 'Deactivate a discount code (Showpass keeps it, inactive)',
			},
			{ name: 'Get', value: 'get', action: 'Get a discount code', description: 'Get one discount by its ID' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many discount codes',
				description: 'List discounts by code, event, email or reference',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a discount code',
				description: 'Change a discount\'s settings',
			},
		],
		default: 'create',
	},
	...create.properties,
	...remove.properties,
	...get.properties,
	...getAll.properties,
	...update.properties,
];

export const discountOperations: Record<string, OperationHandler> = {
	create: create.execute,
	delete: remove.execute,
	get: get.execute,
	getAll: getAll.execute,
	update: update.execute,
};
