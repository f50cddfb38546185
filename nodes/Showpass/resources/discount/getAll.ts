import { defineOperation } from '../../helpers/operation';
import { getManyOperation } from '../../helpers/records';
import { DISCOUNTS_PATH } from './fields';

export const operation = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many discount codes',
	description: 'List discounts by code, event, email or reference',
	...getManyOperation(
		DISCOUNTS_PATH,
		[
			{
				displayName: 'Code',
				name: 'code',
				type: 'string',
				default: '',
				description: 'Only the discount with exactly this code',
			},
			{
				displayName: 'Customer Email',
				name: 'invoiceEmail',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Only discounts used on invoices with this email',
			},
			{
				displayName: 'Event IDs',
				name: 'events',
				type: 'string',
				default: '',
				placeholder: '12345,12346',
				description: 'Only discounts restricted to these events (comma-separated IDs)',
			},
			{
				displayName: 'Is Active',
				name: 'isPublic',
				type: 'boolean',
				default: true,
				description: 'Whether to return only active (true) or only inactive (false) discounts',
			},
			{
				displayName: 'Reference',
				name: 'reference',
				type: 'string',
				default: '',
				description: 'Only discounts with exactly this reference',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Only discounts whose code or description contains this text',
			},
		],
		{
			code: 'code',
			invoiceEmail: 'invoice__email',
			events: 'events',
			isPublic: 'is_public',
			reference: 'reference',
			search: 'search',
		},
	),
});
