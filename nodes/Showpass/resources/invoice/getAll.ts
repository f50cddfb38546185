import { defineOperation } from '../../helpers/operation';
import { getManyOperation } from '../../helpers/records';

export const operation = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many invoices',
	description: 'List invoices, optionally for one customer email or event',
	...getManyOperation(
		'/financials/invoices/',
		[
			{
				displayName: 'Customer Email',
				name: 'customerEmail',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Only invoices bought with this email address',
			},
			{
				displayName: 'Event ID',
				name: 'eventId',
				type: 'string',
				default: '',
				description: 'Only invoices with tickets for this event (its numeric ID)',
			},
		],
		{ customerEmail: 'email', eventId: 'event' },
	),
});
