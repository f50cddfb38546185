import { defineOperation } from '../../helpers/operation';
import { getManyOperation } from '../../helpers/records';

export const operation = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many tickets',
	description: 'List tickets by invoice, event, status or barcode',
	...getManyOperation(
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
	),
});
