import { parse as parseQuery } from 'querystring';
import { jsonParse, UnexpectedError, type IDataObject } from 'n8n-workflow';

import { parseIncomingMessage } from './core';

/** An HTTP request as it arrives at n8n's webhook URL. */
export interface DeliveryRequest {
	/** The bytes sent; by default `body` serialized as JSON. */
	rawBody?: string | Buffer;
	/** A JSON body; serialized into `rawBody` when that is not given. */
	body?: unknown;
	/** Request headers (any case); `content-type` defaults to `application/json`. */
	headers?: Record<string, string | string[]>;
	/** Shorthand for the `content-type` header. */
	contentType?: string;
	/** The sender's address as n8n's Express app sees it (`req.ip`). */
	ip?: string;
	/** The body stream fails when read (a client that aborted), as n8n's `readRawBody()` reports it. */
	unreadable?: boolean;
}

export interface RecordedResponse {
	statusCode: number;
	body: unknown;
}

/** What n8n's request object carries to a webhook node, typed loosely as n8n's own middleware sets it. */
type IncomingRequest = {
	headers: Record<string, string | string[]>;
	rawBody?: Buffer;
	body?: unknown;
	readRawBody: () => Promise<void>;
	ip: string;
	contentType?: string;
	encoding?: BufferEncoding;
	params: IDataObject;
	query: IDataObject;
	method: string;
};

/** The content types n8n's webhook handler parses for a node of version 2 or more. */
function isParsableContentType(contentType: string | undefined): boolean {
	if (contentType === undefined) return false;
	return (
		contentType.startsWith('application/json') ||
		contentType.startsWith('text/plain') ||
		contentType.startsWith('application/x-www-form-urlencoded') ||
		contentType.endsWith('/xml') ||
		contentType.endsWith('+xml')
	);
}

/**
 * The request object n8n hands a webhook node of version `nodeVersion`, following n8n 2.41's
 * webhook handler (`parseRequestBody` and the `parseBody`/`rawBodyReader` middlewares; the
 * global body parser does not run on webhook routes): headers lower-cased as Node's HTTP server
 * gives them; content type and charset read by n8n's own `parseIncomingMessage`; `readRawBody()`
 * on every request. A version-1 node gets the body read (`rawBody`) and parsed (JSON for
 * application/json, the text for text/plain, fields for a form; other types leave `body`
 * undefined). From version 2 n8n reads nothing for a type it cannot parse: `rawBody` and `body`
 * stay undefined until the node calls `readRawBody()`. A body that is not JSON under
 * application/json never reaches the node (n8n answers 422), so it is refused here too.
 */
export async function requestOf(delivery: DeliveryRequest, nodeVersion: number) {
	const headers: Record<string, string | string[]> = { 'content-type': delivery.contentType ?? 'application/json' };
	for (const [name, value] of Object.entries(delivery.headers ?? {})) headers[name.toLowerCase()] = value;
	const bytes =
		delivery.rawBody !== undefined
			? Buffer.from(delivery.rawBody)
			: delivery.body === undefined
				? Buffer.alloc(0)
				: Buffer.from(typeof delivery.body === 'string' ? delivery.body : JSON.stringify(delivery.body));
	const request: IncomingRequest = {
		headers,
		async readRawBody() {
			if (delivery.unreadable) throw new UnexpectedError('Request body stream was aborted or is not readable');
			request.rawBody ??= bytes;
		},
		ip: delivery.ip ?? '127.0.0.1',
		params: {},
		query: {},
		method: 'POST',
	};
	parseIncomingMessage(request as never);
	if (request.contentType?.startsWith('multipart/')) {
		throw new UnexpectedError('multipart/form-data requests are not modelled by the engine harness');
	}
	if (nodeVersion > 1 && !isParsableContentType(request.contentType)) return request as never;
	await request.readRawBody();
	if (bytes.length > 0) {
		const text = bytes.toString(request.encoding ?? 'utf-8');
		const withoutBom = text.replace(/^\uFEFF/, '');
		if (request.contentType === 'application/json') {
			try {
				request.body = jsonParse(withoutBom);
			} catch (error) {
				throw new UnexpectedError(`n8n answers 422 before the node runs: ${(error as Error).message}`);
			}
		} else if (request.contentType === 'application/x-www-form-urlencoded') {
			request.body = parseQuery(withoutBom, undefined, undefined, { maxKeys: 1000 });
		} else if (request.contentType === 'text/plain') {
			request.body = text;
		} else if (request.contentType?.endsWith('/xml') || request.contentType?.endsWith('+xml')) {
			throw new UnexpectedError('XML bodies are not modelled by the engine harness');
		}
	}
	return request as never;
}

/**
 * n8n hands a webhook node Express's response object; Express is not a dependency, so this
 * records the two calls a node makes on it (`status(code).json(body)`, or `send`/`end`).
 */
export function responseRecorder() {
	const recorded: RecordedResponse = { statusCode: 200, body: undefined };
	let answered = false;
	const response = {
		status(code: number) {
			recorded.statusCode = code;
			return response;
		},
		json(body: unknown) {
			recorded.body = body;
			answered = true;
			return response;
		},
		send(body: unknown) {
			recorded.body = body;
			answered = true;
			return response;
		},
		end() {
			answered = true;
			return response;
		},
		setHeader() {
			return response;
		},
	};
	return { response: response as never, recorded, answered: () => answered };
}
