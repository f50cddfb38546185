import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { pathSegment } from '../../helpers/connection';
import { byDisplayName } from '../../helpers/descriptions';
import { recordIdOf } from '../../helpers/locator';
import { defineOperation, type OperationResult } from '../../helpers/operation';
import { showpassJson } from '../../helpers/transport';
import { discountAddress, discountBody, discountSettings, DISCOUNTS_PATH } from './fields';
import { restrictionFields, restrictionOf } from './restrictions';

const properties: INodeProperties[] = [
	...discountAddress.idFields,
	...restrictionFields('update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: byDisplayName([
			...discountSettings,
			{
				displayName: 'Amount Off',
				name: 'amount',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description: 'Fixed amount off. Showpass refuses changes once the code has been used.',
			},
			{
				displayName: 'Code',
				name: 'code',
				type: 'string',
				default: '',
				description: 'New code. Showpass refuses changes once the code has been used.',
			},
			{
				displayName: 'Percentage Off',
				name: 'percentage',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 },
				default: 0,
				description: 'Percent off. Showpass refuses changes once the code has been used.',
			},
		]),
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const discountId = pathSegment(recordIdOf(this, 'discountId', itemIndex), 'Discount ID');
	const body = discountBody(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	try {
		Object.assign(body, restrictionOf(this, itemIndex, 'update'));
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex });
	}
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Add at least one field under Update Fields', {
			itemIndex,
		});
	}
	return await showpassJson.call(
		this,
		{ method: 'PUT', path: `${DISCOUNTS_PATH}${discountId}/`, body },
		itemIndex,
	);
}

export const operation = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a discount code',
	description: "Change a discount's settings or what it is valid for",
	properties,
	execute,
});
