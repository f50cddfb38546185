import type { INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../../shared/operation';
import * as get from './get';
import * as getAll from './getAll';

export const eventProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['event'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get an event', description: 'Get one event of your organization' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many events',
				description: 'List your organization\'s events',
			},
		],
		default: 'get',
	},
	...get.properties,
	...getAll.properties,
];

export const eventOperations: Record<string, OperationHandler> = {
	get: get.execute,
	getAll: getAll.execute,
};
