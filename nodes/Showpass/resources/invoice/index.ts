import { defineResource } from '../../helpers/operation';
import * as get from './get';
import * as getAll from './getAll';
import * as getTickets from './getTickets';

export const invoice = defineResource({
	value: 'invoice',
	name: 'Invoice',
	defaultOperation: 'get',
	operations: [get.operation, getAll.operation, getTickets.operation],
});
