import { defineOperation } from '../../helpers/operation';
import { getOperation } from '../../helpers/records';
import { ticketIdField } from './fields';

export const operation = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a ticket',
	description: 'Get one ticket by its ID',
	...getOperation({
		collectionPath: '/tickets/items/',
		idName: ticketIdField.name,
		idLabel: ticketIdField.displayName,
		idFields: [ticketIdField],
	}),
});
