import {
	NodeOperationError,
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { pathSegment } from '../../helpers/connection';
import { defineOperation, type OperationResult } from '../../helpers/operation';
import { queryOfNextLink, readPage } from '../../helpers/pagination';
import { showpassPages, showpassRequest } from '../../helpers/transport';
import { transactionIdField } from './fields';

const DEFAULT_ATTEMPTS = 5;
const DEFAULT_WAIT_SECONDS = 2;

const properties: INodeProperties[] = [
	transactionIdField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Max Attempts',
				name: 'maxAttempts',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 30 },
				default: DEFAULT_ATTEMPTS,
				description:
					'How many times to ask while Showpass answers "202 Accepted" (tickets not issued yet) before failing',
			},
			{
				displayName: 'Wait Between Attempts (Seconds)',
				name: 'waitSeconds',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 60 },
				default: DEFAULT_WAIT_SECONDS,
				description: 'Pause before asking again after a "202 Accepted"',
			},
		],
	},
];

/**
 * Showpass answers 202 until an invoice's tickets exist (right after a purchase).
 * Asks again up to Max Attempts times, then fails with a message that says so.
 */
async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const transactionId = pathSegment(
		this.getNodeParameter('transactionId', itemIndex),
		'Transaction ID',
	);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const maxAttempts = Math.max(1, Math.floor(Number(options.maxAttempts ?? DEFAULT_ATTEMPTS)));
	const waitSeconds = Math.max(0, Number(options.waitSeconds ?? DEFAULT_WAIT_SECONDS));
	const path = `/financials/invoices/${transactionId}/tickets/`;

	for (let attempt = 1; attempt <= maxAttempts; attempt++) {
		const response = await showpassRequest.call(this, { method: 'GET', path }, itemIndex);
		if (response.statusCode !== 202) {
			const page = readPage(response.body);
			if (page.next === null) return page.results;
			const rest = await showpassPages.call(
				this,
				path,
				queryOfNextLink(page.next),
				undefined,
				itemIndex,
			);
			return [...page.results, ...rest];
		}
		if (attempt < maxAttempts && waitSeconds > 0) await sleep(waitSeconds * 1000);
	}
	throw new NodeOperationError(
		this.getNode(),
		`Showpass has not issued the tickets of invoice ${decodeURIComponent(transactionId)} yet`,
		{
			itemIndex,
			description: `Showpass answered "202 Accepted" (tickets still being prepared) ${maxAttempts} time(s), ${waitSeconds} s apart. Raise Max Attempts or Wait Between Attempts under Options, or run this step later.`,
		},
	);
}

export const operation = defineOperation({
	value: 'getTickets',
	name: 'Get Tickets',
	action: 'Get the tickets of an invoice',
	description:
		'One item per ticket of an invoice, with barcodes; waits while Showpass is still issuing them',
	properties,
	execute,
});
