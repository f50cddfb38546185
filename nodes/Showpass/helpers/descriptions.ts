import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { MAX_PAGE_SIZE } from './pagination';

/** "Return All" and "Limit" for a Get Many operation. */
export function returnAllAndLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			description: 'Max number of results to return',
			hint: `Showpass sends at most ${MAX_PAGE_SIZE} per page; further pages are fetched for you`,
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** The limit chosen in the editor, or undefined for Return All. */
export function limitOf(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return context.getNodeParameter('limit', itemIndex, 50) as number;
}

/** Maps a collection of filters (editor names) to Showpass query parameters. */
export function queryFrom(values: IDataObject, names: Record<string, string>): IDataObject {
	const query: IDataObject = {};
	for (const [field, parameter] of Object.entries(names)) {
		const value = values[field];
		if (value === undefined || value === null || value === '') continue;
		query[parameter] = typeof value === 'string' ? value.trim() : value;
	}
	return query;
}
