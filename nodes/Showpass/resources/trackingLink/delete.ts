import { defineOperation } from '../../helpers/operation';
import { deleteOperation } from '../../helpers/records';
import { trackingLinkAddress } from './fields';

export const operation = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a tracking link',
	description: 'Delete a link that has no completed purchases',
	...deleteOperation(trackingLinkAddress),
});
