import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { MAX_PAGE_SIZE } from './pagination';
import { baseUrlOfCredential, showpassPage, type PageRead } from './transport';

/** Pages of Showpass's list read for one request of the editor's list (more load as the user scrolls). */
export const PAGES_PER_SEARCH = 5;

export interface ListedRecord {
	/** Collection path below the organization, e.g. `/events/`. */
	path: string;
	/** What the list shows for a record; the typed filter is matched against it and the id. */
	nameOf: (record: IDataObject) => string;
	/** A page to open the record at, when Showpass has one. */
	urlOf?: (record: IDataObject, baseUrl: string) => string | undefined;
}

function matches(record: IDataObject, name: string, filter: string): boolean {
	if (filter === '') return true;
	return `${name} ${String(record.id ?? '')}`.toLowerCase().includes(filter);
}

/**
 * A `listSearch` method: reads up to PAGES_PER_SEARCH pages of the collection on the credential's own
 * address (a `next` link only lends its query, as for Get Many), keeps the records whose name or id
 * contains the typed text (any case), and hands the editor a token to read on from.
 */
export async function searchRecords(
	context: ILoadOptionsFunctions,
	listed: ListedRecord,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const wanted = (filter ?? '').trim().toLowerCase();
	const baseUrl = await baseUrlOfCredential(context);
	let query: IDataObject | null =
		paginationToken === undefined || paginationToken === ''
			? { page_size: MAX_PAGE_SIZE }
			: (JSON.parse(paginationToken) as IDataObject);
	const results: INodeListSearchResult['results'] = [];
	for (let pagesRead = 0; query !== null && pagesRead < PAGES_PER_SEARCH; pagesRead++) {
		const page: PageRead = await showpassPage.call(context, listed.path, query, 0);
		for (const record of page.results) {
			const name = listed.nameOf(record);
			if (!matches(record, name, wanted)) continue;
			const url = listed.urlOf?.(record, baseUrl);
			results.push(
				url === undefined
					? { name, value: String(record.id) }
					: { name, value: String(record.id), url },
			);
		}
		query = page.nextQuery;
	}
	return query === null ? { results } : { results, paginationToken: JSON.stringify(query) };
}
