import { defineOperation } from '../../helpers/operation';
import { getManyOperation } from '../../helpers/records';
import { linkTypeOptions, TRACKING_LINKS_PATH } from './fields';

export const operation = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many tracking links',
	description: 'List links by type, event or search text',
	...getManyOperation(
		TRACKING_LINKS_PATH,
		[
			{
				displayName: 'Event ID',
				name: 'eventId',
				type: 'string',
				default: '',
				description: 'Only links to this event',
			},
			{
				displayName: 'Link Type',
				name: 'via',
				type: 'options',
				default: 3,
				options: linkTypeOptions,
				description: 'Only links of this type',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Only links whose description, referrer username or slug contains this text',
			},
		],
		{ eventId: 'event', via: 'via', search: 'search' },
	),
});
