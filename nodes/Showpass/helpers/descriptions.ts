import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { LOCATOR_VERSIONS, PLAIN_ID_VERSIONS } from './locator';
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

function inVersions(versions: number[], property: INodeProperties): INodeProperties {
	return {
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, '@version': versions },
		},
	};
}

/** A field of an operation that version 1 has, shown there exactly as released. */
export function asReleasedInVersion1(property: INodeProperties): INodeProperties {
	return inVersions(PLAIN_ID_VERSIONS, property);
}

/** A field added to an operation version 1 already had: shown from version 2, so version 1 stays as released. */
export function addedInVersion2(property: INodeProperties): INodeProperties {
	return inVersions(LOCATOR_VERSIONS, property);
}

/** Fields listed by display name, as n8n's collections show them. */
export function byDisplayName(fields: INodeProperties[]): INodeProperties[] {
	return [...fields].sort((a, b) => a.displayName.localeCompare(b.displayName));
}
