import { getOperation } from '../../shared/records';
import { transactionIdField } from './shared';

export const { properties, execute } = getOperation({
	resource: 'invoice',
	collectionPath: '/financials/invoices/',
	idField: transactionIdField,
});
