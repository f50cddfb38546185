import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { forOperation, type OperationResult } from '../../shared/operation';
import { organizationIdOf, showpassJson } from '../../shared/transport';
import { basketItemsField, linkSettings, linkTypeOptions, QUICK_PURCHASE, trackingLinkBody } from './fields';

export const properties = forOperation('trackingLink', 'create', [
	{
		displayName: 'Link Type',
		name: 'via',
		type: 'options',
		required: true,
		default: 3,
		options: linkTypeOptions,
		description: 'Who the link attributes sales to',
	},
	{ ...basketItemsField, displayOptions: { show: { via: [QUICK_PURCHASE] } } },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: linkSettings,
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const via = this.getNodeParameter('via', itemIndex) as number;
	const basketItems =
		via === QUICK_PURCHASE
			? (this.getNodeParameter('basketItems', itemIndex, {}) as IDataObject)
			: {};
	const body = trackingLinkBody(
		await organizationIdOf(this, itemIndex),
		via,
		this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
		basketItems,
	);
	if (via === QUICK_PURCHASE && body.extra === undefined) {
		throw new NodeOperationError(this.getNode(), 'A Quick Purchase link needs at least one Basket Item', {
			itemIndex,
		});
	}
	return await showpassJson.call(
		this,
		{ method: 'POST', path: '/analytics/tracking/links/', body },
		itemIndex,
	);
}
