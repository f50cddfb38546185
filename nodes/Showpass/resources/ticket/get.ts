import { getOperation } from '../../shared/records';
import { ticketIdField } from './shared';

export const { properties, execute } = getOperation({
	resource: 'ticket',
	collectionPath: '/tickets/items/',
	idField: ticketIdField,
});
