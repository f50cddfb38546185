import {
	NodeApiError,
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { discountOperations, discountProperties } from './resources/discount';
import { eventOperations, eventProperties } from './resources/event';
import { invoiceOperations, invoiceProperties } from './resources/invoice';
import { ticketOperations, ticketProperties } from './resources/ticket';
import { trackingLinkOperations, trackingLinkProperties } from './resources/trackingLink';
import type { OperationHandler } from './shared/operation';

const OPERATIONS: Record<string, Record<string, OperationHandler>> = {
	discount: discountOperations,
	event: eventOperations,
	invoice: invoiceOperations,
	ticket: ticketOperations,
	trackingLink: trackingLinkOperations,
};

export class Showpass implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Showpass',
		name: 'showpass',
		icon: { light: 'file:../../icons/showpass.svg', dark: 'file:../../icons/showpass.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Look up events, invoices and tickets, check tickets in, and manage discount codes and tracking links in Showpass',
		defaults: {
			name: 'Showpass',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'showpassApi',
				required: true,
			},
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Discount', value: 'discount' },
					{ name: 'Event', value: 'event' },
					{ name: 'Invoice', value: 'invoice' },
					{ name: 'Ticket', value: 'ticket' },
					{ name: 'Tracking Link', value: 'trackingLink' },
				],
				default: 'invoice',
			},
			...discountProperties,
			...eventProperties,
			...invoiceProperties,
			...ticketProperties,
			...trackingLinkProperties,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];

		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const resource = this.getNodeParameter('resource', itemIndex) as string;
				const operation = this.getNodeParameter('operation', itemIndex) as string;
				const handler = OPERATIONS[resource]?.[operation];
				if (handler === undefined) {
					throw new NodeOperationError(
						this.getNode(),
						`The operation "${operation}" is not supported for "${resource}"`,
						{ itemIndex },
					);
				}
				const result = await handler.call(this, itemIndex);
				for (const record of Array.isArray(result) ? result : [result]) {
					output.push({ json: record, pairedItem: { item: itemIndex } });
				}
			} catch (error) {
				if (this.continueOnFail()) {
					output.push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
					continue;
				}
				const failure =
					error instanceof NodeApiError || error instanceof NodeOperationError
						? error
						: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
				throw failure;
			}
		}
		return [output];
	}
}
