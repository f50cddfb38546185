import type { INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../../shared/operation';
import * as get from './get';
import * as getAll from './getAll';
import * as getTickets from './getTickets';

export const invoiceProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['invoice'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get an invoice',
				description: 'Get one invoice by its transaction ID',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many invoices',
				description: 'List invoices, optionally for one customer email or event',
			},
			{
				name: 'Get Tickets',
				value: 'getTickets',
				action: 'Get the tickets of an invoice',
				description: 'One item per ticket of an invoice, with barcodes; waits while Showpass is still issuing them',
			},
		],
		default: 'get',
	},
	...get.properties,
	...getAll.properties,
	...getTickets.properties,
];

export const invoiceOperations: Record<string, OperationHandler> = {
	get: get.execute,
	getAll: getAll.execute,
	getTickets: getTickets.execute,
};
