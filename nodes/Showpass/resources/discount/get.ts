import { defineOperation } from '../../helpers/operation';
import { getOperation } from '../../helpers/records';
import { discountAddress } from './fields';

export const operation = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a discount code',
	description: 'Get one discount by its ID',
	...getOperation(discountAddress),
});
