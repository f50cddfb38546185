import { defineResource } from '../../helpers/operation';
import * as get from './get';
import * as getAll from './getAll';
import * as getScanStats from './getScanStats';
import * as getScanTimeline from './getScanTimeline';
import * as scan from './scan';
import * as verify from './verify';

export const ticket = defineResource({
	value: 'ticket',
	name: 'Ticket',
	defaultOperation: 'get',
	operations: [
		get.operation,
		getAll.operation,
		getScanStats.operation,
		getScanTimeline.operation,
		scan.operation,
		verify.operation,
	],
});
