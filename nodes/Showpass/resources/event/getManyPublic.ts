import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { limitOf, returnAllAndLimit } from '../../helpers/descriptions';
import { defineOperation, type OperationResult } from '../../helpers/operation';
import { organizationIdOf, showpassList } from '../../helpers/transport';
import { commaList, dateTimeFilter, withoutEmpty } from '../../helpers/values';

/** Showpass's public listing of experiences, below `/api/public`. */
export const DISCOVERY_PATH = '/discovery/';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Categories',
				name: 'categories',
				type: 'string',
				default: '',
				placeholder: 'music,comedy',
				description: 'Only events in these categories (comma-separated, as Showpass names them)',
			},
			{
				displayName: 'Include Recurring Instances',
				name: 'includeRecurringInstances',
				type: 'boolean',
				default: false,
				description:
					'Whether to list each date of a recurring event as well. Off: one item per recurring event (its parent), as Showpass lists by default.',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Only events whose name or details contain this text',
			},
			{
				displayName: 'Starts After',
				name: 'startsAfter',
				type: 'dateTime',
				default: '',
				description:
					'Only events starting at or after this time, e.g. {{ $now }} for upcoming events',
			},
			{
				displayName: 'Starts Before',
				name: 'startsBefore',
				type: 'dateTime',
				default: '',
				description:
					"Only events starting at or before this time, e.g. {{ $now.plus({ days: 7 }) }} for the week's events",
			},
			{
				displayName: 'Tags',
				name: 'tags',
				type: 'string',
				default: '',
				placeholder: 'family,outdoor',
				description: 'Only events with these tags (comma-separated, as Showpass names them)',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Sort By',
				name: 'ordering',
				type: 'options',
				default: 'starts_on',
				options: [
					{ name: 'Start Time (Soonest First)', value: 'starts_on' },
					{ name: 'Start Time (Latest First)', value: '-starts_on' },
				],
				description: "The order of the events. Without it, Showpass's own order.",
			},
		],
	},
];

/** The query of the first page: the credential's organization and the filters set, in Showpass's names. */
function discoveryQuery(
	organizationId: string | number,
	filters: IDataObject,
	options: IDataObject,
): IDataObject {
	const startsAfter = dateTimeFilter(filters.startsAfter, 'Starts After');
	const startsBefore = dateTimeFilter(filters.startsBefore, 'Starts Before');
	if (
		startsAfter !== undefined &&
		startsBefore !== undefined &&
		Date.parse(startsAfter) > Date.parse(startsBefore)
	) {
		throw new Error(
			`Starts After (${startsAfter}) is later than Starts Before (${startsBefore}): no event can match`,
		);
	}
	return withoutEmpty({
		venue: String(organizationId).trim(),
		starts_on__gte: startsAfter,
		starts_on__lte: startsBefore,
		search_string: String(filters.search ?? '').trim(),
		tags: commaList(filters.tags),
		categories: commaList(filters.categories),
		// Showpass lists only the parents of recurring events unless told `only_parents=false`.
		only_parents: filters.includeRecurringInstances === true ? 'false' : undefined,
		ordering: options.ordering,
	});
}

/** Output: one item per event, as Showpass's public listing answers it. */
async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	let query: IDataObject;
	try {
		query = discoveryQuery(await organizationIdOf(this, itemIndex), filters, options);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex });
	}
	return await showpassList.call(
		this,
		DISCOVERY_PATH,
		query,
		limitOf(this, itemIndex),
		itemIndex,
		'public',
	);
}

export const operation = defineOperation({
	value: 'getManyPublic',
	name: 'Get Many (Public)',
	action: 'Get many public events',
	description:
		"List your organization's events as Showpass's public pages show them, by date, tag or category (no API token is sent)",
	properties,
	execute,
});
