import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ShowpassTrigger } from '../../nodes/ShowpassTrigger/ShowpassTrigger.node';
import { deliveryMemory } from '../../nodes/ShowpassTrigger/helpers/deliveryMemory';
import legacy from '../fixtures/invoice.purchase.legacy.json';
import {
	hmac,
	PREVIOUS_SECRET,
	purchaseDelivery,
	SECRET,
	signedRequest,
	webhookContext,
	type ContextSetup,
	type FakeRequest,
} from './helpers/webhookContext';

const trigger = new ShowpassTrigger();

async function deliver(request: FakeRequest, setup: ContextSetup = {}) {
	const fake = webhookContext(request, setup);
	const result = await trigger.webhook.call(fake.context);
	const items = (result.workflowData?.[0] ?? []) as INodeExecutionData[];
	const statusCode = fake.responded.statusCode ?? 200;
	const body = (fake.responded.body ?? result.webhookResponse) as IDataObject;
	return { result, items, statusCode, body, logs: fake.logs, staticData: fake.staticData };
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
			{ rawBody: 'not json', ip: '198.51.100.1' },
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
		[
			'a body that is not JSON',
			{ rawBody: '{"id": "abc",', contentType: 'text/plain', body: '{"id": "abc",' },
		],
		['a JSON array', { rawBody: '[{"id":"a"}]', contentType: 'text/plain', body: '[{"id":"a"}]' }],
		['a JSON string', { rawBody: '"abc"', contentType: 'application/octet-stream', body: {} }],
		['a JSON number', { rawBody: '42', contentType: 'application/octet-stream', body: {} }],
		['null', { rawBody: 'null', contentType: 'application/octet-stream', body: {} }],
		['an object without id', { body: { event_type: 'invoice.purchase', data: {} } }],
		['an empty id', { body: { id: '', event_type: 'invoice.purchase' } }],
		['a blank id', { body: { id: '   ', event_type: 'invoice.purchase' } }],
		['a null id', { body: { id: null } }],
		['an object id', { body: { id: { nested: 1 } } }],
		['an array id', { body: { id: ['a'] } }],
		['a boolean id', { body: { id: true } }],
	] as Array<[string, FakeRequest]>)(
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
			body: JSON.parse(rawBody),
			rawBody,
			headers: { 'x-showpass-signature': hmac(SECRET, '12345678901234567891') },
		});
		expect(reply.body.status).toBe('accepted');
		expect(reply.items[0].json.id).toBe('12345678901234567891');
	});

	it('rejects a numeric id signed over its rounded value', async () => {
		const rawBody = '{"id": 12345678901234567891, "event_type": "invoice.purchase"}';
		const reply = await deliver({
			body: JSON.parse(rawBody),
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
			body: {},
			rawBody: JSON.stringify(delivery),
			contentType: 'application/octet-stream',
			headers: { 'x-showpass-signature': hmac(SECRET, String(delivery.id)) },
		});
		expect(reply.body.status).toBe('accepted');
		expect(reply.items[0].json.webhook_event_uuid).toBe(delivery.webhook_event_uuid);
	});

	it('reads a body n8n left unread (version 1.1 with an unknown content type), and answers 400 when it cannot', async () => {
		const delivery = purchaseDelivery();
		const unreadRequest = (readRawBody: () => Promise<void>) => {
			const fake = webhookContext({
				contentType: 'application/octet-stream',
				headers: { 'x-showpass-signature': hmac(SECRET, String(delivery.id)) },
			});
			const request = fake.context.getRequestObject() as unknown as IDataObject;
			request.readRawBody = readRawBody.bind(request);
			Object.assign(fake.context, { getRequestObject: () => request });
			return fake;
		};
		const readable = unreadRequest(async function (this: IDataObject) {
			this.rawBody = Buffer.from(JSON.stringify(delivery));
		});
		const accepted = await trigger.webhook.call(readable.context);
		expect(accepted.webhookResponse).toMatchObject({ status: 'accepted' });
		expect(accepted.workflowData?.[0][0].json.webhook_event_uuid).toBe(delivery.webhook_event_uuid);

		const consumed = unreadRequest(async () => {
			throw new Error('Request body stream was aborted or is not readable');
		});
		const refused = await trigger.webhook.call(consumed.context);
		expect(refused.workflowData).toBeUndefined();
		expect(consumed.responded.statusCode).toBe(400);
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

/** n8n's execution phase as the trigger sees it: the items webhook() returned, and the execution's static data. */
function executionContext(items: INodeExecutionData[], setup: ContextSetup = {}) {
	const staticData = setup.staticData ?? {};
	const context = {
		getMode: () => setup.mode ?? 'webhook',
		getWorkflow: () => ({ id: setup.workflowId ?? 'workflow-1', active: true }),
		getNode: () => ({ id: setup.nodeId ?? 'node-1', name: 'Showpass Trigger' }),
		getWorkflowStaticData: () => staticData,
		getInputData: () => items,
	};
	return { context: context as unknown as IExecuteFunctions, staticData };
}

describe('execution phase', () => {
	it('passes the delivered items through unchanged, as the same objects', async () => {
		const reply = await deliver(signedRequest(purchaseDelivery()));
		const { context } = executionContext(reply.items);
		const output = await trigger.execute.call(context);
		expect(output).toHaveLength(1);
		expect(output[0]).toHaveLength(reply.items.length);
		output[0].forEach((item, index) => expect(item).toBe(reply.items[index]));
	});

	it('stores the deliveries whose execution ran, which n8n saves when the execution ends', async () => {
		const first = purchaseDelivery({ webhook_event_uuid: 'exec-a' });
		const second = purchaseDelivery({ id: 'evt-2', webhook_event_uuid: 'exec-b' });
		const never = purchaseDelivery({ id: 'evt-3', webhook_event_uuid: 'exec-never' });
		const firstReply = await deliver(signedRequest(first));
		const secondReply = await deliver(signedRequest(second));
		await deliver(signedRequest(never)); // answered, but n8n stops before its execution starts
		// n8n 2.x hands each execution a static-data copy without the request's change.
		const staticData: IDataObject = {};
		await trigger.execute.call(executionContext(firstReply.items, { staticData }).context);
		await trigger.execute.call(executionContext(secondReply.items, { staticData }).context);
		expect(staticData.seenDeliveryIds).toEqual(['exec-a', 'exec-b']);

		// After a restart the saved copy alone recognises what ran, and runs what never did.
		deliveryMemory.forget();
		for (const delivery of [first, second]) {
			expect((await deliver(signedRequest(delivery), { staticData })).body.status).toBe(
				'duplicate',
			);
		}
		expect((await deliver(signedRequest(never), { staticData })).body.status).toBe('accepted');
	});

	it('writes nothing in a process that did not accept the delivery (a queue-mode worker)', async () => {
		const reply = await deliver(signedRequest(purchaseDelivery()));
		deliveryMemory.forget();
		const stored = { seenDeliveryIds: ['kept-by-the-webhook-process'] };
		const { context, staticData } = executionContext(reply.items, { staticData: stored });
		const output = await trigger.execute.call(context);
		expect(output[0]).toEqual(reply.items);
		expect(staticData).toEqual({ seenDeliveryIds: ['kept-by-the-webhook-process'] });
	});

	it('writes nothing for a manual run (Test URL)', async () => {
		await deliver(signedRequest(purchaseDelivery()));
		const reply = await deliver(signedRequest(purchaseDelivery({ id: 'evt-manual' })), {
			mode: 'manual',
		});
		const { context, staticData } = executionContext(reply.items, { mode: 'manual' });
		await trigger.execute.call(context);
		expect(staticData).toEqual({});
	});
});

describe('lifecycle and credential test', () => {
	const hookContext = (allowedIps: string) =>
		({
			getNodeParameter: (name: string, fallback: unknown) =>
				name === 'options.allowedIps' ? allowedIps : fallback,
			getNode: () => ({ name: 'Showpass Trigger' }),
			getWorkflow: () => ({ id: 'workflow-1', active: true }),
		}) as never;

	it('registers nothing with Showpass', async () => {
		const methods = trigger.webhookMethods.default;
		expect(await methods.checkExists.call(hookContext(''))).toBe(false);
		expect(await methods.create.call(hookContext(''))).toBe(true);
		expect(await methods.delete.call(hookContext(''))).toBe(true);
	});

	it('frees the memory of a deactivated trigger only, which reloads its ids from static data', async () => {
		const staticData: IDataObject = {};
		const delivery = purchaseDelivery();
		await deliver(signedRequest(delivery), { staticData });
		await deliver(signedRequest(delivery), { nodeId: 'node-2' });
		await trigger.webhookMethods.default.delete.call({
			getWorkflow: () => ({ id: 'workflow-1', active: false }),
			getNode: () => ({ id: 'node-1', name: 'Showpass Trigger' }),
		} as never);
		expect(deliveryMemory.triggerCount()).toBe(1);
		expect(deliveryMemory.size('workflow-1:node-2')).toBe(1);
		const afterReactivation = await deliver(signedRequest(delivery), { staticData });
		expect(afterReactivation.body.status).toBe('duplicate');
	});

	it('refuses to activate with an unreadable Allowed IPs entry, naming it', async () => {
		await expect(
			trigger.webhookMethods.default.create.call(hookContext('34.83.8.110, not-an-ip')),
		).rejects.toThrow(/not-an-ip/);
	});

	it('says honestly what the credential test checks', async () => {
		const test = trigger.methods.credentialTest.showpassWebhookSecretCheck;
		const ok = await test.call({} as never, {
			id: '1',
			name: 'c',
			type: 'showpassWebhookApi',
			data: { secretKey: SECRET },
		});
		expect(ok.status).toBe('OK');
		expect(ok.message).toMatch(/Send Test/);
		const empty = await test.call({} as never, {
			id: '1',
			name: 'c',
			type: 'showpassWebhookApi',
			data: { secretKey: ' ' },
		});
		expect(empty.status).toBe('Error');
		const same = await test.call({} as never, {
			id: '1',
			name: 'c',
			type: 'showpassWebhookApi',
			data: { secretKey: SECRET, previousSecretKey: SECRET },
		});
		expect(same.status).toBe('Error');
	});
});
