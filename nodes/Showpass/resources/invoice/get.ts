import { defineOperation } from '../../helpers/operation';
import { getOperation } from '../../helpers/records';
import { transactionIdField } from './fields';

export const operation = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get an invoice',
	description: 'Get one invoice by its transaction ID',
	...getOperation({
		collectionPath: '/financials/invoices/',
		idName: transactionIdField.name,
		idLabel: transactionIdField.displayName,
		idFields: [transactionIdField],
	}),
});
