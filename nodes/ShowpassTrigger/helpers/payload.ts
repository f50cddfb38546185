import type { IDataObject } from 'n8n-workflow';

export interface DeliveryBody {
	contentType?: string;
	/** What n8n parsed from the request (an object for JSON, a string for text, often {} otherwise). */
	parsedBody: unknown;
	/** The request body exactly as received, when n8n kept it. */
	rawBody?: Buffer | string;
}

export type ParsedDelivery =
	| { ok: true; delivery: IDataObject; idText: string }
	| { ok: false; reason: string };

/**
 * Reads the body when n8n left it unread. From node version 1.1 n8n parses only the content types it
 * knows (JSON, text, form, XML) and reads nothing else; version 1 read every body. A body n8n already
 * consumed (multipart) or an aborted stream cannot be read and stays empty.
 */
export async function readBodyIfUnread(request: {
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
}): Promise<void> {
	if (request.rawBody !== undefined || typeof request.readRawBody !== 'function') return;
	try {
		await request.readRawBody();
	} catch {
		// Answered as an empty body.
	}
}

const JSON_CONTENT_TYPE = /(^|\/|\+)json(\s*;|$)/i;
const BYTE_ORDER_MARK = /^\uFEFF/;
const EMPTY_BODY = 'The request body is empty; a Showpass delivery is a JSON object.';

/**
 * The delivery's `webhook_event_uuid` as the duplicate check keys it. Every item the trigger emits
 * carries the field at its top level, so the same key is read back from an item.
 */
export function deliveryIdOf(delivery: IDataObject): string | undefined {
	const id = delivery.webhook_event_uuid;
	if (typeof id === 'string' && id.trim() !== '') return id.trim();
	if (typeof id === 'number' && Number.isFinite(id)) return String(id);
	return undefined;
}

export function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rawBodyText(rawBody: DeliveryBody['rawBody']): string | undefined {
	if (rawBody === undefined || rawBody === null) return undefined;
	const text = typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody).toString('utf8');
	return text.replace(BYTE_ORDER_MARK, '');
}

/**
 * Returns the JSON text of the top-level `id` value as written in the body (e.g. `12345678901234567890`),
 * so a number beyond 2^53 keeps every digit. Iterative: deep nesting cannot exhaust the stack.
 * Returns undefined when the text is not a JSON object with a top-level `id`.
 */
export function findTopLevelIdToken(jsonText: string): string | undefined {
	let depth = 0;
	let index = 0;
	let found: string | undefined;
	let expectingKey = false;
	const length = jsonText.length;
	while (index < length) {
		const char = jsonText[index];
		if (char === '"') {
			const end = endOfString(jsonText, index);
			if (end < 0) return undefined;
			if (depth === 1 && expectingKey) {
				const key = safeParse(jsonText.slice(index, end + 1));
				let next = skipWhitespace(jsonText, end + 1);
				if (key === 'id' && jsonText[next] === ':') {
					next = skipWhitespace(jsonText, next + 1);
					const valueEnd = endOfScalar(jsonText, next);
					found = jsonText.slice(next, valueEnd).trim();
				}
				expectingKey = false;
			}
			index = end + 1;
			continue;
		}
		if (char === '{' || char === '[') {
			depth++;
			expectingKey = char === '{' && depth === 1;
		} else if (char === '}' || char === ']') {
			depth--;
		} else if (char === ',' && depth === 1) {
			expectingKey = true;
		}
		index++;
	}
	return found;
}

function endOfString(text: string, openingQuote: number): number {
	for (let index = openingQuote + 1; index < text.length; index++) {
		if (text[index] === '\\') index++;
		else if (text[index] === '"') return index;
	}
	return -1;
}

function skipWhitespace(text: string, index: number): number {
	while (index < text.length && /\s/.test(text[index])) index++;
	return index;
}

function endOfScalar(text: string, start: number): number {
	if (text[start] === '"') return endOfString(text, start) + 1;
	let index = start;
	while (index < text.length && !/[,}\]\s]/.test(text[index])) index++;
	return index;
}

function safeParse(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

function readBody({
	contentType,
	parsedBody,
	rawBody,
}: DeliveryBody):
	| { ok: true; body: unknown; text: () => string | undefined }
	| { ok: false; reason: string } {
	// n8n already parsed a JSON body: reuse it; the raw text is decoded only if the exact id needs it.
	if (contentType && JSON_CONTENT_TYPE.test(contentType) && isPlainObject(parsedBody)) {
		if (Object.keys(parsedBody).length > 0 || rawBody === undefined || rawBody === null) {
			return { ok: true, body: parsedBody, text: () => rawBodyText(rawBody) };
		}
	}
	const text = rawBodyText(rawBody);
	const source = text ?? (typeof parsedBody === 'string' ? parsedBody : undefined);
	if (source === undefined) {
		return isPlainObject(parsedBody) && Object.keys(parsedBody).length > 0
			? { ok: true, body: parsedBody, text: () => undefined }
			: { ok: false, reason: EMPTY_BODY };
	}
	if (source.trim() === '') return { ok: false, reason: EMPTY_BODY };
	try {
		return { ok: true, body: JSON.parse(source), text: () => source };
	} catch {
		return {
			ok: false,
			reason: 'The request body is not valid JSON; a Showpass delivery is a JSON object.',
		};
	}
}

/** Reads a Showpass delivery from the request and finds the exact text of its signed `id`. */
export function parseDelivery(request: DeliveryBody): ParsedDelivery {
	const read = readBody(request);
	if (!read.ok) return read;
	const { body, text } = read;
	if (!isPlainObject(body)) {
		return {
			ok: false,
			reason: 'The request body must be a JSON object, like every Showpass delivery.',
		};
	}
	const id = body.id;
	if (id === undefined || id === null) {
		return {
			ok: false,
			reason: 'The delivery has no "id" field, so its signature cannot be checked.',
		};
	}
	if (typeof id === 'string') {
		if (id.trim() === '') return { ok: false, reason: 'The delivery\'s "id" field is empty.' };
		return { ok: true, delivery: body, idText: id };
	}
	if (typeof id === 'number' && Number.isFinite(id)) {
		const rawText = text();
		const token = rawText === undefined ? undefined : findTopLevelIdToken(rawText);
		const idText = token !== undefined && /^-?\d/.test(token) ? token : String(id);
		const delivery =
			Number.isSafeInteger(id) || idText === String(id) ? body : { ...body, id: idText };
		return { ok: true, delivery, idText };
	}
	return { ok: false, reason: 'The delivery\'s "id" field must be a string or a number.' };
}
