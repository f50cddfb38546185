import { defineResource } from '../../helpers/operation';
import * as get from './get';
import * as getAll from './getAll';
import * as scan from './scan';
import * as verify from './verify';

export const ticket = defineResource({
	value: 'ticket',
	name: 'Ticket',
	defaultOperation: 'get',
	operations: [get.operation, getAll.operation, scan.operation, verify.operation],
});
