import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { defineOperation, type OperationResult } from '../../helpers/operation';
import { showpassJson } from '../../helpers/transport';
import { dateTimeFilter, withoutEmpty } from '../../helpers/values';
import { SCAN_STATS_PATH, scanStatsEventIdFields, scanStatsEventQuery } from './fields';

const properties: INodeProperties[] = [
	...scanStatsEventIdFields,
	{
		displayName: 'Breakdown by Ticket Type',
		name: 'breakdownByType',
		type: 'boolean',
		default: false,
		description:
			'Whether to add the counts of each ticket type (breakdown_by_type), e.g. for a door dashboard per entrance or tier',
	},
	{
		displayName: 'Scanned After',
		name: 'createdAfter',
		type: 'dateTime',
		default: '',
		description:
			'Only count scans recorded at or after this time, e.g. the doors opening. Leave empty to count from the first scan.',
	},
	{
		displayName: 'Scanned Before',
		name: 'createdBefore',
		type: 'dateTime',
		default: '',
		description:
			'Only count scans recorded at or before this time. Leave empty to count up to now.',
	},
];

/** Output: one item, Showpass's totals (`total_picked_up`, `total_used`, …) and `breakdown_by_type` when asked. */
async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const breakdown = this.getNodeParameter('breakdownByType', itemIndex, false) as boolean;
	let period: IDataObject;
	try {
		period = withoutEmpty({
			created__gte: dateTimeFilter(
				this.getNodeParameter('createdAfter', itemIndex, ''),
				'Scanned After',
			),
			created__lte: dateTimeFilter(
				this.getNodeParameter('createdBefore', itemIndex, ''),
				'Scanned Before',
			),
		});
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex });
	}
	const qs: IDataObject = {
		...scanStatsEventQuery(this, itemIndex),
		...(breakdown ? { breakdown_by_type: 'true' } : {}),
		...period,
	};
	return await showpassJson.call(this, { method: 'GET', path: SCAN_STATS_PATH, qs }, itemIndex);
}

export const operation = defineOperation({
	value: 'getScanStats',
	name: 'Get Scan Stats',
	action: 'Get door scan stats of an event',
	description:
		"Count an event's check-ins, undone check-ins and voids from its scan history, optionally per ticket type and period",
	properties,
	execute,
});
