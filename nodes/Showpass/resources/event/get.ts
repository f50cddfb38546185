import { defineOperation } from '../../helpers/operation';
import { getOperation } from '../../helpers/records';
import { eventIdFields } from './fields';

export const operation = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get an event',
	description: 'Get one event of your organization',
	...getOperation({
		collectionPath: '/events/',
		idName: 'eventId',
		idLabel: 'Event ID or Slug',
		idFields: eventIdFields,
	}),
});
