import type { IExecuteFunctions } from 'n8n-workflow';

import { defineOperation, type OperationResult } from '../../helpers/operation';
import { showpassPages } from '../../helpers/transport';
import { SCAN_TIMELINE_PATH, scanStatsEventIdFields, scanStatsEventQuery } from './fields';

/**
 * Output: one item per day (`date`, `picked_up`, `returned`, `voided`). Showpass documents a bare
 * array; a `{results}` page (with `next` links) reads the same.
 */
async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	return await showpassPages.call(
		this,
		SCAN_TIMELINE_PATH,
		scanStatsEventQuery(this, itemIndex),
		undefined,
		itemIndex,
	);
}

export const operation = defineOperation({
	value: 'getScanTimeline',
	name: 'Get Scan Timeline',
	action: 'Get the daily door scan timeline of an event',
	description: "Count an event's check-ins, undone check-ins and voids per day, one item per day",
	properties: scanStatsEventIdFields,
	execute,
});
