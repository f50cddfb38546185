import { defineResource } from '../../helpers/operation';
import { loadEvents, loadEventTicketTypes, searchEvents } from './fields';
import * as get from './get';
import * as getAll from './getAll';
import * as getManyPublic from './getManyPublic';

export const event = defineResource({
	value: 'event',
	name: 'Event',
	defaultOperation: 'get',
	operations: [get.operation, getAll.operation, getManyPublic.operation],
	listSearch: { searchEvents },
	loadOptions: { loadEvents, loadEventTicketTypes },
});
