import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { defineOperation, type OperationResult } from '../../helpers/operation';
import { showpassJson } from '../../helpers/transport';
import { discountBody, discountSettings, DISCOUNTS_PATH } from './fields';
import { restrictionFields, restrictionOf } from './restrictions';

/** Showpass's type for a customer-entered discount code. */
const DISCOUNT_CODE_TYPE = 1;

const properties: INodeProperties[] = [
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		default: '',
		placeholder: 'SORRY-REFUND-10',
		description:
			'The code customers enter. Showpass uppercases it; leave empty to let Showpass generate one.',
	},
	{
		displayName: 'Discount Type',
		name: 'valueType',
		type: 'options',
		default: 'percentage',
		options: [
			{ name: 'Percentage Off', value: 'percentage' },
			{ name: 'Fixed Amount Off', value: 'amount' },
		],
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'number',
		required: true,
		default: 10,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		description: "Percent off (e.g. 25 for 25%) or amount off in the event's currency",
	},
	...restrictionFields('create'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: discountSettings,
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const valueType = this.getNodeParameter('valueType', itemIndex) as 'percentage' | 'amount';
	const value = this.getNodeParameter('value', itemIndex) as number;
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	let body: IDataObject;
	try {
		body = discountBody({
			...additional,
			code: this.getNodeParameter('code', itemIndex, '') as string,
			[valueType]: value,
		});
	} catch (error) {
		throw new NodeOperationError(this.getNode(), `Value: ${(error as Error).message}`, {
			itemIndex,
		});
	}
	try {
		Object.assign(body, restrictionOf(this, itemIndex, 'create'));
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex });
	}
	body.type = DISCOUNT_CODE_TYPE;
	return await showpassJson.call(this, { method: 'POST', path: DISCOUNTS_PATH, body }, itemIndex);
}

export const operation = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a discount code',
	description:
		'Create a percentage or fixed-amount discount code, for every event or limited to chosen events or ticket types',
	properties,
	execute,
});
