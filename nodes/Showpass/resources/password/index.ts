import { defineResource } from '../../helpers/operation';
import * as create from './create';
import * as remove from './delete';
import { searchPasswords } from './fields';
import * as get from './get';
import * as getAll from './getAll';
import * as update from './update';

export const password = defineResource({
	value: 'password',
	name: 'Password',
	defaultOperation: 'create',
	operations: [
		create.operation,
		remove.operation,
		get.operation,
		getAll.operation,
		update.operation,
	],
	listSearch: { searchPasswords },
});
