import type { INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../../shared/operation';
import { deleteOperation, getManyOperation, getOperation } from '../../shared/records';
import * as create from './create';
import { linkTypeOptions, trackingLinkIdField } from './fields';
import * as update from './update';

const address = {
	resource: 'trackingLink',
	collectionPath: '/analytics/tracking/links/',
	idField: trackingLinkIdField,
};
const get = getOperation(address);
const remove = deleteOperation(address);
const getAll = getManyOperation(
	'trackingLink',
	'/analytics/tracking/links/',
	[
		{
			displayName: 'Event ID',
			name: 'eventId',
			type: 'string',
			default: '',
			description: 'Only links to this event',
		},
		{
			displayName: 'Link Type',
			name: 'via',
			type: 'options',
			default: 3,
			options: linkTypeOptions,
			description: 'Only links of this type',
		},
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			description: 'Only links whose description, referrer username or slug contains this text',
		},
	],
	{ eventId: 'event', via: 'via', search: 'search' },
);

export const trackingLinkProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['trackingLink'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a tracking link',
				description: 'Create a short link that attributes sales to a partner, employee or campaign',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a tracking link',
				description: 'Delete a link that has no completed purchases',
			},
			{ name: 'Get', value: 'get', action: 'Get a tracking link', description: 'Get one link with its views and sales' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many tracking links',
				description: 'List links by type, event or search text',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a tracking link',
				description: 'Change a Quick Purchase link',
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

export const trackingLinkOperations: Record<string, OperationHandler> = {
	create: create.execute,
	delete: remove.execute,
	get: get.execute,
	getAll: getAll.execute,
	update: update.execute,
};
