import type { IDataObject } from 'n8n-workflow';

/** Largest page asked for; Showpass's default is 20. */
export const MAX_PAGE_SIZE = 100;

export interface ShowpassPage {
	results: IDataObject[];
	next: string | null;
}

/** Reads `{count, next, previous, results}`; a bare array is one page with nothing after it. */
export function readPage(body: unknown): ShowpassPage {
	if (Array.isArray(body)) return { results: body as IDataObject[], next: null };
	if (body !== null && typeof body === 'object') {
		const page = body as IDataObject;
		const results = Array.isArray(page.results) ? (page.results as IDataObject[]) : [];
		const next = typeof page.next === 'string' && page.next !== '' ? page.next : null;
		return { results, next };
	}
	return { results: [], next: null };
}

/**
 * The query of Showpass's `next` link. The next page is asked for on the credential's own
 * address with this query, so the token never follows a link to another host.
 */
export function queryOfNextLink(next: string): IDataObject {
	const query: IDataObject = {};
	const start = next.indexOf('?');
	if (start === -1) return query;
	for (const [key, value] of new URLSearchParams(next.slice(start + 1))) query[key] = value;
	return query;
}

export function firstPageSize(limit: number | undefined): number {
	return limit === undefined ? MAX_PAGE_SIZE : Math.max(1, Math.min(limit, MAX_PAGE_SIZE));
}
