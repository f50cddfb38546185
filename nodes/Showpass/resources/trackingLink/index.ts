import { defineResource } from '../../helpers/operation';
import * as create from './create';
import * as remove from './delete';
import { searchTrackingLinks } from './fields';
import * as get from './get';
import * as getAll from './getAll';
import * as update from './update';

export const trackingLink = defineResource({
	value: 'trackingLink',
	name: 'Tracking Link',
	defaultOperation: 'create',
	operations: [
		create.operation,
		remove.operation,
		get.operation,
		getAll.operation,
		update.operation,
	],
	listSearch: { searchTrackingLinks },
});
