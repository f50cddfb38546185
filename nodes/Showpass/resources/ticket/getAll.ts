import { getManyOperation } from '../../shared/records';

export const { properties, execute } = getManyOperation(
	'ticket',
	'/tickets/items/',
	[
		{
			displayName: 'Barcode',
			name: 'barcode',
			type: 'string',
			default: '',
			description: 'Only the ticket with this barcode',
		},
		{
			displayName: 'Event ID',
			name: 'eventId',
			type: 'string',
			default: '',
			description: 'Only tickets for this event (its numeric ID)',
		},
		{
			displayName: 'Invoice',
			name: 'invoice',
			type: 'string',
			default: '',
			description: 'Only tickets of this invoice',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'payed',
			options: [
				{ name: 'Paid (Not Scanned)', value: 'payed' },
				{ name: 'Used (Scanned)', value: 'used' },
				{ name: 'Voided', value: 'voided' },
			],
			description: 'Only tickets in this state',
		},
	],
	{ invoice: 'invoice', eventId: 'event', status: 'status', barcode: 'barcode_string' },
);
