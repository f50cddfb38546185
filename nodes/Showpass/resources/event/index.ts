import { defineResource } from '../../helpers/operation';
import { searchEvents } from './fields';
import * as get from './get';
import * as getAll from './getAll';

export const event = defineResource({
	value: 'event',
	name: 'Event',
	defaultOperation: 'get',
	operations: [get.operation, getAll.operation],
	listSearch: { searchEvents },
});
