import { defineOperation } from '../../helpers/operation';
import { deleteOperation } from '../../helpers/records';
import { discountAddress } from './fields';

export const operation = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a discount code',
	description: 'Deactivate a discount code (Showpass keeps it, inactive)',
	...deleteOperation(discountAddress),
});
