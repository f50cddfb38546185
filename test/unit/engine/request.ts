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
}

export interface RecordedResponse {
	statusCode: number;
	body: unknown;
}

/** What n8n's request object carries to a webhook node, typed loosely as n8n's own middleware sets it. */
type IncomingRequest = {
	headers: Record<string, string | string[]>;
	rawBody: Buffer;
	body: unknown;
	ip: string;
	contentType?: string;
	encoding?: BufferEncoding;
	params: IDataObject;
	query: IDataObject;
	method: string;
};

/**
 * The request object n8n hands a webhook node: headers lower-cased as Node's HTTP server gives
 * them, `rawBody` the bytes, content type and charset read by n8n's own `parseIncomingMessage`,
 * and `body` parsed by the rules of n8n's body parser (JSON for application/json, the text for
 * text/plain, `{}` for anything else or nothing). A body that is not JSON under application/json
 * never reaches the node in n8n (it answers 422 first), so it is refused here too.
 */
export function requestOf(delivery: DeliveryRequest) {
	const headers: Record<string, string | string[]> = { 'content-type': delivery.contentType ?? 'application/json' };
	for (const [name, value] of Object.entries(delivery.headers ?? {})) headers[name.toLowerCase()] = value;
	const rawBody =
		delivery.rawBody !== undefined
			? Buffer.from(delivery.rawBody)
			: delivery.body === undefined
				? Buffer.alloc(0)
				: Buffer.from(typeof delivery.body === 'string' ? delivery.body : JSON.stringify(delivery.body));
	const request: IncomingRequest = {
		headers,
		rawBody,
		body: undefined,
		ip: delivery.ip ?? '127.0.0.1',
		params: {},
		query: {},
		method: 'POST',
	};
	parseIncomingMessage(request as never);
	if (rawBody.length > 0) {
		const text = rawBody.toString(request.encoding ?? 'utf-8');
		if (request.contentType === 'application/json') {
			try {
				request.body = jsonParse(text.replace(/^\uFEFF/, ''));
			} catch (error) {
				throw new UnexpectedError(`n8n answers 422 before the node runs: ${(error as Error).message}`);
			}
		} else if (request.contentType === 'text/plain') {
			request.body = text;
		}
	}
	request.body ??= {};
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
