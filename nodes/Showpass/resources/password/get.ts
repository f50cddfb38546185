import { defineOperation } from '../../helpers/operation';
import { getOperation } from '../../helpers/records';
import { passwordAddress } from './fields';

export const operation = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a password',
	description: 'Get one password by its ID',
	...getOperation(passwordAddress),
});
