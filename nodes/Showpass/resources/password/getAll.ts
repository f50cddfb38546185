import { defineOperation } from '../../helpers/operation';
import { getManyOperation } from '../../helpers/records';
import { PASSWORDS_PATH } from './fields';

export const operation = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many passwords',
	description: "List your organization's passwords, e.g. to review codes and their limits",
	...getManyOperation(PASSWORDS_PATH, [], {}),
});
