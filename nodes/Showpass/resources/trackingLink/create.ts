import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { defineOperation, type OperationResult } from '../../helpers/operation';
import { organizationIdOf, showpassJson } from '../../helpers/transport';
import {
	basketItemsField,
	linkSettings,
	linkTypeOptions,
	QUICK_PURCHASE,
	TRACKING_LINKS_PATH,
	trackingLinkBody,
} from './fields';

const properties: INodeProperties[] = [
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
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
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
		throw new NodeOperationError(
			this.getNode(),
			'A Quick Purchase link needs at least one Basket Item',
			{
				itemIndex,
			},
		);
	}
	return await showpassJson.call(
		this,
		{ method: 'POST', path: TRACKING_LINKS_PATH, body },
		itemIndex,
	);
}

export const operation = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a tracking link',
	description: 'Create a short link that attributes sales to a partner, employee or campaign',
	properties,
	execute,
});
