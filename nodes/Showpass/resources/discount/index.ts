import { defineResource } from '../../helpers/operation';
import * as create from './create';
import * as remove from './delete';
import { searchDiscounts } from './fields';
import * as get from './get';
import * as getAll from './getAll';
import * as update from './update';

export const discount = defineResource({
	value: 'discount',
	name: 'Discount',
	defaultOperation: 'create',
	operations: [
		create.operation,
		remove.operation,
		get.operation,
		getAll.operation,
		update.operation,
	],
	listSearch: { searchDiscounts },
});
