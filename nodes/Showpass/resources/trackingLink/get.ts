import { defineOperation } from '../../helpers/operation';
import { getOperation } from '../../helpers/records';
import { trackingLinkAddress } from './fields';

export const operation = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a tracking link',
	description: 'Get one link with its views and sales',
	...getOperation(trackingLinkAddress),
});
