import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type JsonObject,
} from 'n8n-workflow';

import { organizationUrlOf, type ShowpassCredentials } from './connection';
import { describeShowpassError } from './errors';
import { firstPageSize, queryOfNextLink, readPage } from './pagination';

export const CREDENTIAL_NAME = 'showpassApi';

export interface ShowpassRequest {
	method: IHttpRequestMethods;
	/** Path below `/api/venue/{organizationId}`, e.g. `/events/`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
}

export interface ShowpassResponse {
	statusCode: number;
	body: unknown;
}

async function credentialsOf(context: IExecuteFunctions, itemIndex: number) {
	return await context.getCredentials<ShowpassCredentials & IDataObject>(CREDENTIAL_NAME, itemIndex);
}

/** The organization (venue) the credential acts for, as Showpass bodies carry it. */
export async function organizationIdOf(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<string | number> {
	return (await credentialsOf(context, itemIndex)).organizationId;
}

async function organizationUrl(context: IExecuteFunctions, itemIndex: number): Promise<string> {
	const credentials = await credentialsOf(context, itemIndex);
	try {
		return organizationUrlOf(credentials);
	} catch (error) {
		throw new NodeOperationError(context.getNode(), (error as Error).message, { itemIndex });
	}
}

/**
 * One request to the organization API through n8n's authenticated request helper.
 * Any status of 400 or more becomes an n8n API error carrying Showpass's own message.
 */
export async function showpassRequest(
	this: IExecuteFunctions,
	request: ShowpassRequest,
	itemIndex: number,
): Promise<ShowpassResponse> {
	const url = `${await organizationUrl(this, itemIndex)}${request.path}`;
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
		response = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			CREDENTIAL_NAME,
			options,
		)) as IN8nHttpFullResponse;
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

	if (response.statusCode >= 400) {
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
	this: IExecuteFunctions,
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
	this: IExecuteFunctions,
	path: string,
	filters: IDataObject,
	limit: number | undefined,
	itemIndex: number,
): Promise<IDataObject[]> {
	const query = { ...filters, page_size: firstPageSize(limit) };
	return await showpassPages.call(this, path, query, limit, itemIndex);
}

/** Reads pages starting with `query`, then as Showpass's `next` links say. */
export async function showpassPages(
	this: IExecuteFunctions,
	path: string,
	query: IDataObject,
	limit: number | undefined,
	itemIndex: number,
): Promise<IDataObject[]> {
	const collected: IDataObject[] = [];
	const queriesAsked = new Set<string>();
	for (;;) {
		queriesAsked.add(JSON.stringify(query));
		const { body } = await showpassRequest.call(this, { method: 'GET', path, qs: query }, itemIndex);
		const page = readPage(body);
		collected.push(...page.results);
		if (limit !== undefined && collected.length >= limit) return collected.slice(0, limit);
		if (page.next === null || page.results.length === 0) return collected;
		query = queryOfNextLink(page.next);
		// A `next` link that repeats a page already read would loop for ever.
		if (queriesAsked.has(JSON.stringify(query))) return collected;
	}
}
