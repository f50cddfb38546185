import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type ILoadOptionsFunctions,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type JsonObject,
} from 'n8n-workflow';

import {
	baseUrlOf,
	organizationUrlOf,
	publicApiUrlOf,
	type ShowpassCredentials,
} from './connection';
import { describeShowpassError } from './errors';
import { firstPageSize, queryOfNextLink, readPage } from './pagination';

export const CREDENTIAL_NAME = 'showpassApi';

/** A running node (execute) or the editor asking for a list (listSearch): both may call Showpass. */
export type ShowpassContext = IExecuteFunctions | ILoadOptionsFunctions;

/**
 * Which of Showpass's APIs a path belongs to: the organization's (below `/api/venue/{organizationId}`,
 * asked with the API token) or the public one (below `/api/public`, asked without it: it needs none,
 * and a token that is never sent cannot leak or make a public list fail when it is revoked).
 */
export type ShowpassApi = 'organization' | 'public';

export interface ShowpassRequest {
	method: IHttpRequestMethods;
	/** Path below the API's root, e.g. `/events/` (organization) or `/discovery/` (public). */
	path: string;
	/** The organization's API unless told otherwise. */
	api?: ShowpassApi;
	qs?: IDataObject;
	body?: IDataObject;
	/** Statuses of 400 or more that are an answer for this request rather than a failure. */
	answerStatuses?: number[];
}

export interface ShowpassResponse {
	statusCode: number;
	body: unknown;
}

async function credentialsOf(context: ShowpassContext, itemIndex: number) {
	return await context.getCredentials<ShowpassCredentials & IDataObject>(
		CREDENTIAL_NAME,
		itemIndex,
	);
}

/** The organization (venue) the credential acts for, as Showpass bodies carry it. */
export async function organizationIdOf(
	context: ShowpassContext,
	itemIndex: number,
): Promise<string | number> {
	return (await credentialsOf(context, itemIndex)).organizationId;
}

async function apiUrl(
	context: ShowpassContext,
	api: ShowpassApi,
	itemIndex: number,
): Promise<string> {
	const credentials = await credentialsOf(context, itemIndex);
	try {
		// The organization ID is checked for the public API too: its lists are asked for by organization.
		const organizationUrl = organizationUrlOf(credentials);
		return api === 'public' ? publicApiUrlOf(credentials) : organizationUrl;
	} catch (error) {
		throw new NodeOperationError(context.getNode(), (error as Error).message, { itemIndex });
	}
}

/** The address of the credential's Showpass (for links shown in the editor). */
export async function baseUrlOfCredential(context: ShowpassContext): Promise<string> {
	const credentials = await credentialsOf(context, 0);
	try {
		return baseUrlOf(credentials);
	} catch (error) {
		throw new NodeOperationError(context.getNode(), (error as Error).message);
	}
}

/**
 * One request to Showpass: to the organization API through n8n's authenticated request helper, to
 * the public API through the plain one. Any status of 400 or more becomes an n8n API error carrying Showpass's own message,
 * unless the request lists it in `answerStatuses`.
 */
export async function showpassRequest(
	this: ShowpassContext,
	request: ShowpassRequest,
	itemIndex: number,
): Promise<ShowpassResponse> {
	const api = request.api ?? 'organization';
	const url = `${await apiUrl(this, api, itemIndex)}${request.path}`;
	const options: IHttpRequestOptions = {
		method: request.method,
		url,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	if (request.qs && Object.keys(request.qs).length > 0) options.qs = request.qs;
	if (request.body !== undefined) options.body = request.body;

	let response: IN8nHttpFullResponse;
	try {
		response = (
			api === 'public'
				? await this.helpers.httpRequest(options)
				: await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_NAME, options)
		) as IN8nHttpFullResponse;
	} catch (error) {
		const description = `Request: ${request.method} ${url}. Check the environment (and Base URL) in the Showpass API credential.`;
		// n8n's request helper already throws a NodeApiError worded from the error code ("The service
		// refused the connection…"); n8n 2.x hands that original back when it is wrapped, so the
		// description and item are set on it as well as passed.
		if (error instanceof NodeApiError) {
			error.description = description;
			error.context.itemIndex = itemIndex;
			throw new NodeApiError(this.getNode(), error as unknown as JsonObject, {
				itemIndex,
				description,
			});
		}
		throw new NodeApiError(this.getNode(), error as JsonObject, {
			itemIndex,
			message: `Could not reach Showpass: ${(error as Error).message}`,
			description,
		});
	}

	if (response.statusCode >= 400 && !request.answerStatuses?.includes(response.statusCode)) {
		const { message, description } = describeShowpassError(response.statusCode, response.body);
		throw new NodeApiError(
			this.getNode(),
			{ statusCode: response.statusCode, body: response.body } as JsonObject,
			{ itemIndex, httpCode: String(response.statusCode), message, description },
		);
	}
	return { statusCode: response.statusCode, body: response.body };
}

/** The JSON object Showpass answered (or `{}` for an empty answer such as 204). */
export async function showpassJson(
	this: ShowpassContext,
	request: ShowpassRequest,
	itemIndex: number,
): Promise<IDataObject> {
	const { body } = await showpassRequest.call(this, request, itemIndex);
	return body !== null && typeof body === 'object' ? (body as IDataObject) : {};
}

/**
 * Lists a collection, following Showpass's `next` links until `limit` records
 * (or, with `limit` undefined, all of them) are collected.
 */
export async function showpassList(
	this: ShowpassContext,
	path: string,
	filters: IDataObject,
	limit: number | undefined,
	itemIndex: number,
	api?: ShowpassApi,
): Promise<IDataObject[]> {
	const query = { ...filters, page_size: firstPageSize(limit) };
	return await showpassPages.call(this, path, query, limit, itemIndex, api);
}

export interface PageRead {
	results: IDataObject[];
	/** The query of the page after this one, or null for the last page. */
	nextQuery: IDataObject | null;
}

/** One page of a list, and the query of the page after it (asked on the credential's address). */
export async function showpassPage(
	this: ShowpassContext,
	path: string,
	query: IDataObject,
	itemIndex: number,
	api?: ShowpassApi,
): Promise<PageRead> {
	const { body } = await showpassRequest.call(
		this,
		{ method: 'GET', path, qs: query, api },
		itemIndex,
	);
	const page = readPage(body);
	const nextQuery =
		page.next === null || page.results.length === 0 ? null : queryOfNextLink(page.next);
	// A `next` link that repeats the page just read would loop for ever.
	const repeats = nextQuery !== null && JSON.stringify(nextQuery) === JSON.stringify(query);
	return { results: page.results, nextQuery: repeats ? null : nextQuery };
}

/** Reads pages starting with `query`, then as Showpass's `next` links say. */
export async function showpassPages(
	this: ShowpassContext,
	path: string,
	query: IDataObject,
	limit: number | undefined,
	itemIndex: number,
	api?: ShowpassApi,
): Promise<IDataObject[]> {
	const collected: IDataObject[] = [];
	const queriesAsked = new Set<string>();
	let nextQuery: IDataObject | null = query;
	while (nextQuery !== null) {
		queriesAsked.add(JSON.stringify(nextQuery));
		const page: PageRead = await showpassPage.call(this, path, nextQuery, itemIndex, api);
		collected.push(...page.results);
		if (limit !== undefined && collected.length >= limit) return collected.slice(0, limit);
		nextQuery = page.nextQuery;
		// A `next` link back to any page already read would loop for ever.
		if (nextQuery !== null && queriesAsked.has(JSON.stringify(nextQuery))) nextQuery = null;
	}
	return collected;
}
