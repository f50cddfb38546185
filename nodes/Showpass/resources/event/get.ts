import { getOperation } from '../../shared/records';

export const { properties, execute } = getOperation({
	resource: 'event',
	collectionPath: '/events/',
	idField: {
		displayName: 'Event ID or Slug',
		name: 'eventId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'summer-music-festival-2025',
		description:
			'The event\'s numeric ID or its slug (the part of the event page address after showpass.com/)',
	},
});
