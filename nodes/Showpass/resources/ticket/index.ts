import type { INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../../shared/operation';
import * as get from './get';
import * as getAll from './getAll';
import * as scan from './scan';

export const ticketProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['ticket'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get a ticket', description: 'Get one ticket by its ID' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many tickets',
				description: 'List tickets by invoice, event, status or barcode',
			},
			{
				name: 'Scan',
				value: 'scan',
				action: 'Scan a ticket',
				description: 'Check a ticket in, undo a check-in, or void it',
			},
		],
		default: 'get',
	},
	...get.properties,
	...getAll.properties,
	...scan.properties,
];

export const ticketOperations: Record<string, OperationHandler> = {
	get: get.execute,
	getAll: getAll.execute,
	scan: scan.execute,
};
