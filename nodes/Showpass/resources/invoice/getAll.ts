import { getManyOperation } from '../../shared/records';

export const { properties, execute } = getManyOperation(
	'invoice',
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
);
