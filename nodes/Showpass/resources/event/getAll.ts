import { defineOperation } from '../../helpers/operation';
import { getManyOperation } from '../../helpers/records';

export const operation = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many events',
	description: "List your organization's events",
	...getManyOperation(
		'/events/',
		[
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Only events whose name or details contain this text',
			},
		],
		{ search: 'search' },
	),
});
