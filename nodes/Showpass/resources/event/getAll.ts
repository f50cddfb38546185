import { getManyOperation } from '../../shared/records';

export const { properties, execute } = getManyOperation(
	'event',
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
);
