// Builds and signs Showpass deliveries exactly as Showpass does (HMAC-SHA1 of the `id` text,
// lower-case hex in X-SHOWPASS-SIGNATURE), and posts them.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { rawRequest } from './load.mjs';
import { projectRoot } from './n8n-versions.mjs';

export const EVENT_TYPES = [
	'invoice.purchase',
	'invoice.refund',
	'invoice.void',
	'invoice.transfer',
	'invoice.transferred',
	'webhook.test',
];

export const FIXTURES_DIR = path.join(projectRoot, 'test', 'fixtures');

export function loadFixture(name = 'invoice.purchase') {
	const file = name.endsWith('.json') ? path.resolve(name) : path.join(FIXTURES_DIR, `${name}.json`);
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const TICKET_STATUS_BY_EVENT = {
	'invoice.void': 'voided',
	'invoice.transferred': 'transferred',
};

/** A delivery of the given event type, built from a published sample, with a fresh webhook_event_uuid. */
export function buildDelivery(eventType = 'invoice.purchase', { base = loadFixture(), uuid, id } = {}) {
	const delivery = structuredClone(base);
	delivery.event_type = eventType;
	delivery.webhook_event_uuid = uuid ?? crypto.randomUUID();
	if (id !== undefined) delivery.id = id;
	const invoice = delivery.data ?? {};
	if (eventType === 'invoice.refund') invoice.invoice_type = 'refund';
	for (const ticket of invoice.ticket_items ?? []) {
		if (TICKET_STATUS_BY_EVENT[eventType]) ticket.ticket_status = TICKET_STATUS_BY_EVENT[eventType];
		if (eventType === 'invoice.transfer') ticket.created_by_transfer = true;
	}
	return delivery;
}

export function parseJsonOrUndefined(text) {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

export function sign(secretKey, idText) {
	return crypto.createHmac('sha1', secretKey).update(String(idText), 'utf8').digest('hex');
}

/** Posts a delivery (an object, or exact JSON text) signed with `secretKey` unless a signature is given. */
export async function postDelivery(url, delivery, { secretKey, signature, headers = {}, idText } = {}) {
	const body = typeof delivery === 'string' ? delivery : JSON.stringify(delivery);
	const signedId = idText ?? (typeof delivery === 'object' ? delivery.id : undefined);
	const signatureHeader = signature ?? (secretKey !== undefined ? sign(secretKey, signedId) : undefined);
	const started = performance.now();
	const response = await fetch(url, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			...(signatureHeader !== undefined ? { 'x-showpass-signature': signatureHeader } : {}),
			...headers,
		},
		body,
	});
	const text = await response.text();
	return { status: response.status, text, json: parseJsonOrUndefined(text), ms: performance.now() - started };
}

/**
 * Resolves once the Showpass Trigger at `url` answers an unsigned probe with 401: n8n has registered
 * its webhook (after an activation or a restart). A refused connection or n8n's 404 counts as not yet.
 */
export async function waitForTrigger(url, { timeoutMs, intervalMs = 200 }) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const reply = await rawRequest(url, { headers: { 'content-type': 'application/json' }, body: '{"id":"probe"}' });
		if (reply.status === 401) return;
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
	throw new Error(`the Showpass Trigger at ${url} did not answer within ${timeoutMs / 1000} s`);
}
