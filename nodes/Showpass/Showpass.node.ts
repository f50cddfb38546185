import {
	NodeApiError,
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { listSearchOf, loadOptionsOf, resourceParameter, routerOf } from './helpers/router';
import { RESOURCES } from './resources';

const handlerOf = routerOf(RESOURCES);

export class Showpass implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Showpass',
		name: 'showpass',
		icon: { light: 'file:../../icons/showpass.svg', dark: 'file:../../icons/showpass.dark.svg' },
		group: ['transform'],
		// Version 2: events, discounts, tracking links and passwords are picked from a list, by ID or (events)
		// by URL; fields added since (e.g. discount restrictions) appear from version 2 only.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Check tickets in at the door by barcode, manage access codes (passwords), discount codes and tracking links, and look up events, invoices and tickets in Showpass',
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
			resourceParameter(RESOURCES, 'invoice'),
			...RESOURCES.flatMap((resource) => resource.properties),
		],
	};

	methods = { listSearch: listSearchOf(RESOURCES), loadOptions: loadOptionsOf(RESOURCES) };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];

		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const resource = this.getNodeParameter('resource', itemIndex) as string;
				const operation = this.getNodeParameter('operation', itemIndex) as string;
				const handler = handlerOf(resource, operation);
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
					output.push({
						json: { error: (error as Error).message },
						pairedItem: { item: itemIndex },
					});
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
