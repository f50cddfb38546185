import { createHmac } from 'crypto';
import { CredentialTestContext } from 'n8n-core';
import nock from 'nock';
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { ShowpassTrigger } from '../../nodes/ShowpassTrigger/ShowpassTrigger.node';
import { deliveryMemory } from '../../nodes/ShowpassTrigger/helpers/deliveryMemory';
import legacy from '../fixtures/invoice.purchase.legacy.json';
import purchase from '../fixtures/invoice.purchase.json';
import {
	API_TOKEN,
	chain,
	CREDENTIALS,
	node,
	ORGANIZATION_ID,
	runWebhook,
	runWebhookMethod,
	showpassNode,
	showpassTrigger,
	WEBHOOK_SECRET as SECRET,
	type DeliveryRequest,
	type WorkflowJson,
} from './engine';

const PREVIOUS_SECRET = 'sp-previous-secret-9876543210';

function hmac(secret: string, idText: string): string {
	return createHmac('sha1', secret).update(idText, 'utf8').digest('hex');
}

function purchaseDelivery(overrides: IDataObject = {}): IDataObject {
	return { ...(JSON.parse(JSON.stringify(purchase)) as IDataObject), ...overrides };
}

/** A request signed with `secret` over the delivery's id, as Showpass sends it. */
function signedRequest(delivery: IDataObject, secret = SECRET, extra: Partial<DeliveryRequest> = {}): DeliveryRequest {
	return {
		body: delivery,
		headers: { 'x-showpass-signature': hmac(secret, String(delivery.id)) },
		...extra,
	};
}

interface Setup {
	parameters?: INodeParameters;
	credentials?: IDataObject | 'missing';
	mode?: 'webhook' | 'manual';
	staticData?: IDataObject;
	workflowId?: string;
	nodeId?: string;
}

function triggerWorkflow(setup: Setup): WorkflowJson {
	const trigger = showpassTrigger(setup.parameters ?? {}, {
		id: setup.nodeId ?? 'showpass-trigger-node',
		...(setup.credentials === 'missing' && { credentials: undefined }),
	});
	return { ...chain(trigger), id: setup.workflowId ?? 'workflow-1' };
}

/** One request to the trigger's Production URL (or Test URL), through n8n's webhook context. */
async function deliver(request: DeliveryRequest, setup: Setup = {}) {
	const call = await runWebhook(triggerWorkflow(setup), {
		request,
		mode: setup.mode,
		staticData: setup.staticData,
		credentials: {
			showpassWebhookApi:
				setup.credentials === undefined || setup.credentials === 'missing'
					? CREDENTIALS.showpassWebhookApi
					: setup.credentials,
		},
		execute: false,
	});
	return {
		result: call.result,
		items: call.items,
		statusCode: call.response.statusCode,
		body: call.response.body as IDataObject,
		logs: call.logs,
		staticData: call.staticData,
	};
}

beforeEach(() => deliveryMemory.forget());

describe('answer table, in order', () => {
	it('answers 403 and runs nothing when the address is not allowed', async () => {
		const reply = await deliver(signedRequest(purchaseDelivery(), SECRET, { ip: '203.0.113.9' }), {
			parameters: { options: { allowedIps: '34.83.8.110, 35.230.0.0/16' } },
		});
		expect(reply.statusCode).toBe(403);
		expect(reply.result.workflowData).toBeUndefined();
		expect(reply.result.noWebhookResponse).toBe(true);
	});

	it('checks the address before anything else, even a malformed body', async () => {
		const reply = await deliver(
			{ rawBody: 'not json', contentType: 'text/plain', ip: '198.51.100.1' },
			{
				parameters: { options: { allowedIps: '34.83.8.110' } },
			},
		);
		expect(reply.statusCode).toBe(403);
	});

	it('lets an allowed address through, IPv4-mapped IPv6 included', async () => {
		for (const ip of ['34.83.8.110', '::ffff:34.83.8.110', '35.230.81.80']) {
			deliveryMemory.forget();
			const reply = await deliver(signedRequest(purchaseDelivery(), SECRET, { ip }), {
				parameters: { options: { allowedIps: '34.83.8.110, 35.230.0.0/16' } },
			});
			expect(reply.statusCode).toBe(200);
			expect(reply.items).toHaveLength(1);
		}
	});

	it.each([
		['an empty body', { rawBody: '' }],
		['a body that is not JSON', { rawBody: '{"id": "abc",', contentType: 'text/plain' }],
		['a JSON array', { rawBody: '[{"id":"a"}]', contentType: 'text/plain' }],
		['a JSON array sent as JSON', { rawBody: '[{"id":"a"}]' }],
		['a JSON string', { rawBody: '"abc"', contentType: 'application/octet-stream' }],
		['a JSON number', { rawBody: '42', contentType: 'application/octet-stream' }],
		['null', { rawBody: 'null', contentType: 'application/octet-stream' }],
		['an object without id', { body: { event_type: 'invoice.purchase', data: {} } }],
		['an empty id', { body: { id: '', event_type: 'invoice.purchase' } }],
		['a blank id', { body: { id: '   ', event_type: 'invoice.purchase' } }],
		['a null id', { body: { id: null } }],
		['an object id', { body: { id: { nested: 1 } } }],
		['an array id', { body: { id: ['a'] } }],
		['a boolean id', { body: { id: true } }],
	] as Array<[string, DeliveryRequest]>)(
		'answers 400 with a one-line reason for %s',
		async (_label, request) => {
			const reply = await deliver({
				...request,
				headers: { 'x-showpass-signature': 'a'.repeat(40) },
			});
			expect(reply.statusCode).toBe(400);
			expect(reply.body.status).toBe('rejected');
			expect(String(reply.body.message)).not.toContain('\n');
			expect(reply.result.workflowData).toBeUndefined();
		},
	);

	it('answers 401 when the signature header is missing or blank', async () => {
		const headerSets: Array<Record<string, string>> = [
			{},
			{ 'x-showpass-signature': '' },
			{ 'x-showpass-signature': '  ""  ' },
		];
		for (const headers of headerSets) {
			const reply = await deliver({ body: purchaseDelivery(), headers });
			expect(reply.statusCode).toBe(401);
			expect(String(reply.body.message)).toMatch(/missing/);
			expect(reply.result.workflowData).toBeUndefined();
		}
	});

	it.each([
		['signed with another key', hmac('someone-else', 'f1-1068-4af6-be8f-1222417da0f2')],
		['too short', 'abc123'],
		['too long', 'a'.repeat(41)],
		['not hex', 'z'.repeat(40)],
		['over another field', hmac(SECRET, '09117c09-e1f8-4913-b2f5-52cc161cf5f7')],
		['a sha256 length', 'a'.repeat(64)],
	])('answers 401 for a signature %s, never throwing', async (_label, signature) => {
		const reply = await deliver({
			body: purchaseDelivery(),
			headers: { 'x-showpass-signature': signature },
		});
		expect(reply.statusCode).toBe(401);
		expect(reply.result.workflowData).toBeUndefined();
	});

	it('answers 200 without running when Invalid Signature Response is acknowledge', async () => {
		const reply = await deliver(signedRequest(purchaseDelivery(), 'wrong-key'), {
			parameters: { options: { invalidSignatureResponse: 'acknowledge' } },
		});
		expect(reply.statusCode).toBe(200);
		expect(reply.body.status).toBe('ignored');
		expect(reply.result.workflowData).toBeUndefined();
	});

	it('still answers 401 for a missing signature when acknowledging invalid ones', async () => {
		const reply = await deliver(
			{ body: purchaseDelivery() },
			{
				parameters: { options: { invalidSignatureResponse: 'acknowledge' } },
			},
		);
		expect(reply.statusCode).toBe(401);
	});

	it('answers 200 "ignored" for a valid delivery of an unselected event, webhook.test included', async () => {
		for (const eventType of ['invoice.void', 'webhook.test']) {
			const reply = await deliver(signedRequest(purchaseDelivery({ event_type: eventType })), {
				parameters: { events: ['invoice.purchase', 'invoice.refund'] },
			});
			expect(reply.statusCode).toBe(200);
			expect(reply.body.status).toBe('ignored');
			expect(String(reply.body.message)).toContain(eventType);
			expect(reply.result.workflowData).toBeUndefined();
		}
	});

	it('answers 200 "duplicate" for a resend and runs the workflow once', async () => {
		const delivery = purchaseDelivery();
		const first = await deliver(signedRequest(delivery));
		const second = await deliver(signedRequest(delivery));
		expect(first.body.status).toBe('accepted');
		expect(first.items).toHaveLength(1);
		expect(second.statusCode).toBe(200);
		expect(second.body.status).toBe('duplicate');
		expect(second.result.workflowData).toBeUndefined();
	});

	it('does not remember ignored events, so selecting them later still runs them', async () => {
		const delivery = purchaseDelivery({ event_type: 'invoice.refund' });
		await deliver(signedRequest(delivery), { parameters: { events: ['invoice.purchase'] } });
		const later = await deliver(signedRequest(delivery), {
			parameters: { events: ['invoice.refund'] },
		});
		expect(later.body.status).toBe('accepted');
	});

	it('answers 200 "accepted" with its own JSON and runs once for a valid selected delivery', async () => {
		const reply = await deliver(signedRequest(purchaseDelivery()), {
			parameters: { events: ['invoice.purchase'] },
		});
		expect(reply.statusCode).toBe(200);
		expect(reply.body).toEqual({
			status: 'accepted',
			message: 'Delivery received.',
			webhook_event_uuid: '09117c09-e1f8-4913-b2f5-52cc161cf5f7',
		});
		expect(reply.items).toHaveLength(1);
		expect(reply.items[0].json).toEqual(purchaseDelivery());
	});
});

describe('Event IDs', () => {
	const OTHER_EVENT = '474999';

	/** The sample purchase (event 474708) with a second ticket and line of `OTHER_EVENT`. */
	function twoEventPurchase(): IDataObject {
		const delivery = purchaseDelivery();
		const data = delivery.data as IDataObject;
		const [ticket] = data.ticket_items as IDataObject[];
		const [line] = data.invoice_items as IDataObject[];
		data.ticket_items = [
			ticket,
			{ ...ticket, id: 2, event_id: Number(OTHER_EVENT), barcode_string: 'OTHER' },
		];
		data.invoice_items = [line, { ...line, id: 3, event_id: OTHER_EVENT }];
		return delivery;
	}

	it('answers 200 "ignored" and starts nothing for a delivery of no chosen event', async () => {
		const reply = await deliver(signedRequest(purchaseDelivery()), {
			parameters: { options: { eventIds: `${OTHER_EVENT}, 1` } },
		});
		expect(reply.statusCode).toBe(200);
		expect(reply.body.status).toBe('ignored');
		expect(String(reply.body.message)).toMatch(/not for the events chosen/);
		expect(String(reply.body.message)).toContain('474708');
		expect(reply.body.webhook_event_uuid).toBe(purchase.webhook_event_uuid);
		expect(reply.result.workflowData).toBeUndefined();
	});

	it('accepts a delivery with any ticket or line of a chosen event, however the ID is written', async () => {
		for (const eventIds of ['474708', ' 474708 ,', `${OTHER_EVENT},474708`, '0474708']) {
			deliveryMemory.forget();
			const reply = await deliver(signedRequest(purchaseDelivery()), {
				parameters: { options: { eventIds } },
			});
			expect(reply.body.status).toBe('accepted');
		}
		deliveryMemory.forget();
		const numericIds = purchaseDelivery();
		((numericIds.data as IDataObject).ticket_items as IDataObject[])[0].event_id = 474708;
		const reply = await deliver(signedRequest(numericIds), {
			parameters: { options: { eventIds: '474708' } },
		});
		expect(reply.body.status).toBe('accepted');
	});

	it("outputs only the chosen events' tickets and lines; the invoice and the whole event stay whole", async () => {
		const outputs: Record<string, IDataObject[]> = {};
		for (const output of ['tickets', 'lineItems', 'invoice', 'event']) {
			deliveryMemory.forget();
			const reply = await deliver(signedRequest(twoEventPurchase()), {
				parameters: { output, options: { eventIds: OTHER_EVENT } },
			});
			outputs[output] = reply.items.map((item) => item.json);
		}
		expect(outputs.tickets).toEqual([expect.objectContaining({ id: 2, barcode_string: 'OTHER' })]);
		expect(outputs.lineItems).toEqual([expect.objectContaining({ id: 3, event_id: OTHER_EVENT })]);
		expect(outputs.invoice[0].ticket_items).toHaveLength(2);
		expect(outputs.event).toEqual([twoEventPurchase()]);
	});

	it('still verifies first: a bad signature is 401 and a missing one too', async () => {
		const setup = { parameters: { options: { eventIds: OTHER_EVENT } } };
		expect((await deliver(signedRequest(purchaseDelivery(), 'wrong-key'), setup)).statusCode).toBe(
			401,
		);
		expect((await deliver({ body: purchaseDelivery() }, setup)).statusCode).toBe(401);
	});

	it('screens the event type first, and does not remember an ignored delivery', async () => {
		const refund = purchaseDelivery({ event_type: 'invoice.refund' });
		const unselected = await deliver(signedRequest(refund), {
			parameters: { events: ['invoice.purchase'], options: { eventIds: OTHER_EVENT } },
		});
		expect(String(unselected.body.message)).toMatch(/invoice\.refund is not selected/);

		const delivery = purchaseDelivery();
		const ignored = await deliver(signedRequest(delivery), {
			parameters: { options: { eventIds: OTHER_EVENT } },
		});
		expect(ignored.body.status).toBe('ignored');
		const later = await deliver(signedRequest(delivery), {
			parameters: { options: { eventIds: '474708' } },
		});
		expect(later.body.status).toBe('accepted');
		const resend = await deliver(signedRequest(delivery), {
			parameters: { options: { eventIds: '474708' } },
		});
		expect(resend.body.status).toBe('duplicate');
	});

	it("runs Send Test's sample whatever its event IDs, with all its items", async () => {
		const sample = twoEventPurchase();
		sample.event_type = 'webhook.test';
		const reply = await deliver(signedRequest(sample), {
			parameters: { output: 'tickets', options: { eventIds: '1' } },
		});
		expect(reply.body.status).toBe('accepted');
		expect(reply.items).toHaveLength(2);
	});

	it('runs every event when the option is empty', async () => {
		const reply = await deliver(signedRequest(twoEventPurchase()), {
			parameters: { output: 'tickets', options: { eventIds: ' , ' } },
		});
		expect(reply.items).toHaveLength(2);
	});
});

describe('signatures', () => {
	it('accepts the previous key too, so a key can be rotated', async () => {
		const credentials = { secretKey: SECRET, previousSecretKey: PREVIOUS_SECRET };
		const byOld = await deliver(
			signedRequest(purchaseDelivery({ webhook_event_uuid: 'a' }), PREVIOUS_SECRET),
			{ credentials },
		);
		const byNew = await deliver(
			signedRequest(purchaseDelivery({ webhook_event_uuid: 'b' }), SECRET),
			{ credentials },
		);
		expect(byOld.body.status).toBe('accepted');
		expect(byNew.body.status).toBe('accepted');
	});

	it('rejects the previous key once it is cleared', async () => {
		const reply = await deliver(signedRequest(purchaseDelivery(), PREVIOUS_SECRET), {
			credentials: { secretKey: SECRET, previousSecretKey: '' },
		});
		expect(reply.statusCode).toBe(401);
	});

	it.each([
		['upper-case', (hex: string) => hex.toUpperCase()],
		['double-quoted', (hex: string) => `"${hex}"`],
		['single-quoted with spaces', (hex: string) => `  '${hex}' `],
		['prefixed with sha1=', (hex: string) => `sha1=${hex}`],
		['with a trailing newline', (hex: string) => `${hex}\n`],
	])('accepts a %s signature header', async (_label, transform) => {
		const delivery = purchaseDelivery();
		const reply = await deliver({
			body: delivery,
			headers: { 'x-showpass-signature': transform(hmac(SECRET, String(delivery.id))) },
		});
		expect(reply.body.status).toBe('accepted');
	});

	it('accepts a header that arrives as an array', async () => {
		const delivery = purchaseDelivery();
		const reply = await deliver({
			body: delivery,
			headers: { 'x-showpass-signature': ['', hmac(SECRET, String(delivery.id))] },
		});
		expect(reply.body.status).toBe('accepted');
	});

	it('signs the exact digits of a numeric id beyond 2^53', async () => {
		const rawBody =
			'{"id": 12345678901234567891, "event_type": "invoice.purchase", "webhook_event_uuid": "big", "data": {}}';
		const reply = await deliver({
			rawBody,
			headers: { 'x-showpass-signature': hmac(SECRET, '12345678901234567891') },
		});
		expect(reply.body.status).toBe('accepted');
		expect(reply.items[0].json.id).toBe('12345678901234567891');
	});

	it('rejects a numeric id signed over its rounded value', async () => {
		const rawBody = '{"id": 12345678901234567891, "event_type": "invoice.purchase"}';
		const reply = await deliver({
			rawBody,
			headers: { 'x-showpass-signature': hmac(SECRET, String(JSON.parse(rawBody).id)) },
		});
		expect(reply.statusCode).toBe(401);
	});

	it('accepts a small numeric id and keeps it a number', async () => {
		const delivery = purchaseDelivery({ id: 987654 });
		const reply = await deliver(signedRequest(delivery));
		expect(reply.body.status).toBe('accepted');
		expect(reply.items[0].json.id).toBe(987654);
	});

	it('verifies unicode ids over their UTF-8 bytes', async () => {
		const delivery = purchaseDelivery({ id: 'café-🎟️-票' });
		const reply = await deliver(signedRequest(delivery));
		expect(reply.body.status).toBe('accepted');
	});

	it('answers 401 with a clear message when no credential can be read', async () => {
		const reply = await deliver(signedRequest(purchaseDelivery()), { credentials: 'missing' });
		expect(reply.statusCode).toBe(401);
		expect(String(reply.body.message)).toMatch(/no Secret Key/);
	});

	it('never puts a secret in items, answers or log lines', async () => {
		const credentials = { secretKey: SECRET, previousSecretKey: PREVIOUS_SECRET };
		const outputs = [
			await deliver(signedRequest(purchaseDelivery()), {
				credentials,
				parameters: { options: { includeHeaders: true } },
			}),
			await deliver(signedRequest(purchaseDelivery(), 'bad'), { credentials }),
			await deliver({ body: purchaseDelivery() }, { credentials }),
			await deliver(signedRequest(purchaseDelivery()), { credentials: 'missing' }),
		];
		const text = JSON.stringify(outputs.map(({ items, body, logs }) => ({ items, body, logs })));
		expect(text).not.toContain(SECRET);
		expect(text).not.toContain(PREVIOUS_SECRET);
	});
});

describe('payloads and options', () => {
	it('accepts the legacy sample with numbers and capitalised enums', async () => {
		const delivery = JSON.parse(JSON.stringify(legacy)) as IDataObject;
		const reply = await deliver(signedRequest(delivery), { parameters: { output: 'tickets' } });
		expect(reply.body.status).toBe('accepted');
		expect(reply.items[0].json).toMatchObject({
			barcode_string: 'J6S5UA9OQ',
			transaction_id: 'b3-3eb2-405b-b640-39ec45d04fda',
			customer_email: 'test.user0@test.com',
			currency: 'CAD',
			event_type: 'invoice.purchase',
			webhook_event_uuid: '06d5dc13-2eea-48ad-9f40-2a5bfc9e4c2c',
		});
	});

	it('reads a delivery sent without a JSON content type from the raw body', async () => {
		const delivery = purchaseDelivery();
		const reply = await deliver({
			rawBody: JSON.stringify(delivery),
			contentType: 'application/octet-stream',
			headers: { 'x-showpass-signature': hmac(SECRET, String(delivery.id)) },
		});
		expect(reply.body.status).toBe('accepted');
		expect(reply.items[0].json.webhook_event_uuid).toBe(delivery.webhook_event_uuid);
	});

	it('shapes each output mode', async () => {
		const expectations: Array<[string, number, IDataObject]> = [
			['event', 1, { event_type: 'invoice.purchase' }],
			[
				'invoice',
				1,
				{ transaction_id: 'f1-1068-4af6-be8f-1222417da0f2', id: 'f1-1068-4af6-be8f-1222417da0f2' },
			],
			['tickets', 1, { barcode_string: '5GHOEEHUG', customer_email: 'example@showpass.com' }],
			['lineItems', 1, { id: 21110231, currency: 'CAD', net_sales: '5.84' }],
		];
		for (const [output, count, fields] of expectations) {
			deliveryMemory.forget();
			const reply = await deliver(signedRequest(purchaseDelivery()), { parameters: { output } });
			expect(reply.items).toHaveLength(count);
			expect(reply.items[0].json).toMatchObject(fields);
		}
	});

	it('turns money strings into numbers when asked', async () => {
		const reply = await deliver(signedRequest(purchaseDelivery()), {
			parameters: { output: 'invoice', options: { amountsAsNumbers: true } },
		});
		expect(reply.items[0].json.net_sales).toBe(5.84);
		expect((reply.items[0].json.invoice_items as IDataObject[])[0].gross_revenue).toBe(5.2);
	});

	it('adds the request headers when Include Headers is on', async () => {
		const reply = await deliver(signedRequest(purchaseDelivery()), {
			parameters: { options: { includeHeaders: true } },
		});
		expect(reply.items[0].json.headers).toMatchObject({ 'content-type': 'application/json' });
	});

	it('runs every resend when Ignore Duplicate Deliveries is off', async () => {
		const delivery = purchaseDelivery();
		const setup = { parameters: { options: { ignoreDuplicates: false } } };
		expect((await deliver(signedRequest(delivery), setup)).items).toHaveLength(1);
		expect((await deliver(signedRequest(delivery), setup)).items).toHaveLength(1);
	});

	it('never skips on the Test URL, so a sample can be sent again while listening', async () => {
		const delivery = purchaseDelivery();
		expect((await deliver(signedRequest(delivery), { mode: 'manual' })).items).toHaveLength(1);
		expect((await deliver(signedRequest(delivery), { mode: 'manual' })).items).toHaveLength(1);
		expect((await deliver(signedRequest(delivery))).items).toHaveLength(1);
	});

	it('keeps duplicates apart per trigger node', async () => {
		const delivery = purchaseDelivery();
		expect((await deliver(signedRequest(delivery), { nodeId: 'a' })).items).toHaveLength(1);
		expect((await deliver(signedRequest(delivery), { nodeId: 'b' })).items).toHaveLength(1);
		expect((await deliver(signedRequest(delivery), { nodeId: 'a' })).items).toHaveLength(0);
	});

	it('recognises a resend after a restart from the workflow static data', async () => {
		const delivery = purchaseDelivery();
		const first = await deliver(signedRequest(delivery));
		deliveryMemory.forget();
		const afterRestart = await deliver(signedRequest(delivery), { staticData: first.staticData });
		expect(afterRestart.body.status).toBe('duplicate');
	});

	it('accepts a delivery without webhook_event_uuid rather than drop it', async () => {
		const delivery = purchaseDelivery();
		delete delivery.webhook_event_uuid;
		expect((await deliver(signedRequest(delivery))).items).toHaveLength(1);
		expect((await deliver(signedRequest(delivery))).items).toHaveLength(1);
	});
});

describe('the execution a delivery starts', () => {
	it('hands the trigger items, unchanged, to the next node', async () => {
		const next = node('Post to Slack', 'n8n-nodes-base.slack', {}, { disabled: true });
		const call = await runWebhook(chain(showpassTrigger({ output: 'tickets' }), next), {
			request: signedRequest(purchaseDelivery()),
			credentials: CREDENTIALS,
		});
		expect(call.response.body).toMatchObject({ status: 'accepted' });
		const execution = call.execution!;
		expect(execution.error).toBeUndefined();
		expect(execution.executed).toEqual(['Showpass Trigger', 'Post to Slack']);
		expect(execution.json('Showpass Trigger')).toEqual(call.items.map((item) => item.json));
		expect(execution.json('Post to Slack')).toEqual(call.items.map((item) => item.json));
		expect(execution.json('Post to Slack')[0]).toMatchObject({ barcode_string: '5GHOEEHUG' });
	});

	it('lets the Showpass node read the delivery through an expression', async () => {
		const delivery = purchaseDelivery();
		const transactionId = (delivery.data as IDataObject).transaction_id as string;
		nock('https://www.showpass.com')
			.matchHeader('authorization', `Token ${API_TOKEN}`)
			.get(`/api/venue/${ORGANIZATION_ID}/financials/invoices/${transactionId}/`)
			.reply(200, { transaction_id: transactionId, status: 'paid' });
		const getInvoice = showpassNode(
			{ resource: 'invoice', operation: 'get', transactionId: '={{ $json.data.transaction_id }}' },
			{ name: 'Get Invoice' },
		);
		const call = await runWebhook(chain(showpassTrigger({ events: ['invoice.purchase'] }), getInvoice), {
			request: signedRequest(delivery),
			credentials: CREDENTIALS,
		});
		const execution = call.execution!;
		expect(execution.error).toBeUndefined();
		expect(execution.items('Get Invoice')).toEqual([
			{ json: { transaction_id: transactionId, status: 'paid' }, pairedItem: { item: 0 } },
		]);
	});

	it('starts nothing for a delivery it answers without items', async () => {
		const call = await runWebhook(chain(showpassTrigger()), {
			request: signedRequest(purchaseDelivery(), 'wrong-key'),
			credentials: CREDENTIALS,
		});
		expect(call.response.statusCode).toBe(401);
		expect(call.execution).toBeUndefined();
	});
});

describe('lifecycle and credential test', () => {
	const activate = (method: 'checkExists' | 'create' | 'delete', allowedIps = '') =>
		runWebhookMethod(triggerWorkflow({ parameters: { options: { allowedIps } } }), method);

	it('registers nothing with Showpass', async () => {
		expect(await activate('checkExists')).toBe(false);
		expect(await activate('create')).toBe(true);
		expect(await activate('delete')).toBe(true);
	});

	it('refuses to activate with an unreadable Allowed IPs entry, naming it', async () => {
		await expect(activate('create', '34.83.8.110, not-an-ip')).rejects.toThrow(/not-an-ip/);
	});

	it('refuses to activate with an Event IDs entry that is not a number, naming it', async () => {
		const withEventIds = (eventIds: string) =>
			runWebhookMethod(triggerWorkflow({ parameters: { options: { eventIds } } }), 'create');
		await expect(withEventIds('474708, summer-fest-2026')).rejects.toThrow(/"summer-fest-2026"/);
		await expect(withEventIds(' 474708,, 474712 ')).resolves.toBe(true);
	});

	it('says honestly what the credential test checks', async () => {
		const test = new ShowpassTrigger().methods.credentialTest.showpassWebhookSecretCheck;
		const context = new CredentialTestContext();
		const check = async (data: ICredentialDataDecryptedObject) =>
			await test.call(context, { id: '1', name: 'c', type: 'showpassWebhookApi', data });
		const ok = await check({ secretKey: SECRET });
		expect(ok.status).toBe('OK');
		expect(ok.message).toMatch(/Send Test/);
		expect((await check({ secretKey: ' ' })).status).toBe('Error');
		expect((await check({ secretKey: SECRET, previousSecretKey: SECRET })).status).toBe('Error');
	});
});
