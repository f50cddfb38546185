import { createHmac } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { deliveryMemory } from '../../nodes/ShowpassTrigger/helpers/deliveryMemory';
import { fingerprintOf } from '../../nodes/ShowpassTrigger/helpers/fingerprints';
import { dayOf } from '../../nodes/ShowpassTrigger/helpers/rememberedFingerprints';
import { readStoredDeliveries } from '../../nodes/ShowpassTrigger/helpers/storedDeliveries';
import purchase from '../fixtures/invoice.purchase.json';
import {
	chain,
	CREDENTIALS,
	runWebhook,
	runWebhookMethod,
	runWorkflow,
	showpassTrigger,
	WEBHOOK_SECRET as SECRET,
	type DeliveryRequest,
	type WorkflowJson,
} from './engine';

// The trigger's execution-phase step and lifecycle, through n8n's own contexts: what reaches the
// workflow static data n8n saves, and what a deactivation frees.

function purchaseDelivery(overrides: IDataObject = {}): IDataObject {
	return { ...(JSON.parse(JSON.stringify(purchase)) as IDataObject), ...overrides };
}

function signed(delivery: IDataObject, extra: Partial<DeliveryRequest> = {}): DeliveryRequest {
	const signature = createHmac('sha1', SECRET).update(String(delivery.id), 'utf8').digest('hex');
	return { body: delivery, headers: { 'x-showpass-signature': signature }, ...extra };
}

function triggerWorkflow(typeVersion = 1.1, nodeId = 'trigger-node-1'): WorkflowJson {
	return { ...chain(showpassTrigger({}, { id: nodeId, typeVersion })), id: 'workflow-1' };
}

async function deliver(
	delivery: IDataObject,
	options: { staticData?: IDataObject; execute?: boolean; mode?: 'manual'; nodeId?: string } = {},
) {
	return await runWebhook(triggerWorkflow(1.1, options.nodeId), {
		request: signed(delivery),
		credentials: CREDENTIALS,
		staticData: options.staticData,
		execute: options.execute ?? true,
		mode: options.mode,
	});
}

/** Which of `ids` the saved static data of the trigger holds. */
function storedAmong(staticData: IDataObject, ids: string[]): string[] {
	const nodeData = (staticData['node:Showpass Trigger'] ?? {}) as IDataObject;
	const stored = readStoredDeliveries(nodeData, dayOf(Date.now())).map(({ fingerprint }) =>
		JSON.stringify(fingerprint),
	);
	return ids.filter((id) => stored.includes(JSON.stringify(fingerprintOf(id))));
}

beforeEach(() => deliveryMemory.forget());

describe('version 1.1 reads the body itself', () => {
	it('accepts a delivery n8n left unread (unknown content type)', async () => {
		const delivery = purchaseDelivery();
		const call = await runWebhook(triggerWorkflow(1.1), {
			request: signed(delivery, { contentType: 'application/octet-stream' }),
			credentials: CREDENTIALS,
			execute: false,
		});
		expect(call.response.body).toMatchObject({ status: 'accepted' });
		expect(call.items[0].json.webhook_event_uuid).toBe(delivery.webhook_event_uuid);
	});

	it('answers 400 and starts nothing when the body cannot be read', async () => {
		const call = await runWebhook(triggerWorkflow(1.1), {
			request: signed(purchaseDelivery(), {
				contentType: 'application/octet-stream',
				unreadable: true,
			}),
			credentials: CREDENTIALS,
			execute: false,
		});
		expect(call.response.statusCode).toBe(400);
		expect(call.items).toEqual([]);
	});
});

describe('execution phase', () => {
	it('passes the delivered items through unchanged', async () => {
		const call = await deliver(purchaseDelivery());
		expect(call.execution?.error).toBeUndefined();
		expect(call.execution?.json('Showpass Trigger')).toEqual(call.items.map((item) => item.json));
	});

	it('stores a delivery once its execution ran, so a restart recognises it', async () => {
		const ran = purchaseDelivery({ webhook_event_uuid: 'exec-a' });
		const answeredOnly = purchaseDelivery({ id: 'evt-3', webhook_event_uuid: 'exec-never' });
		const first = await deliver(ran, { staticData: {} });
		expect(storedAmong(first.staticData, ['exec-a'])).toEqual(['exec-a']);
		// Answered, but n8n stopped before its execution started.
		const second = await deliver(answeredOnly, { staticData: first.staticData, execute: false });
		expect(second.response.body).toMatchObject({ status: 'accepted' });

		deliveryMemory.forget(); // a restart: only the saved static data is left
		const saved = first.staticData;
		expect((await deliver(ran, { staticData: saved, execute: false })).response.body).toMatchObject(
			{
				status: 'duplicate',
			},
		);
		expect(
			(await deliver(answeredOnly, { staticData: saved, execute: false })).response.body,
		).toMatchObject({ status: 'accepted' });
	});

	it('writes nothing in a process that did not accept the delivery (a queue-mode worker)', async () => {
		const call = await deliver(purchaseDelivery(), { execute: false });
		deliveryMemory.forget();
		const stored = {
			'node:Showpass Trigger': { seenDeliveryIds: ['kept-by-the-webhook-process'] },
		};
		const worker = await runWorkflow(triggerWorkflow(), {
			credentials: CREDENTIALS,
			mode: 'webhook',
			startNode: 'Showpass Trigger',
			startItems: [call.items],
			staticData: JSON.parse(JSON.stringify(stored)),
		});
		expect(worker.error).toBeUndefined();
		expect(worker.json('Showpass Trigger')).toEqual(call.items.map((item) => item.json));
		expect(worker.staticData).toEqual(stored);
	});

	it('counts a delivery whose execution n8n resumed at start-up as run: its resend is a duplicate', async () => {
		const delivery = purchaseDelivery({ webhook_event_uuid: 'enqueued-1' });
		// Answered, its execution created but not started when n8n stopped; n8n 2.x kept no list from the request.
		const accepted = await deliver(delivery, { staticData: {}, execute: false });
		expect(accepted.response.body).toMatchObject({ status: 'accepted' });
		deliveryMemory.forget(); // the restart

		// n8n runs the stored execution at start-up, on a workflow snapshot without static data.
		const resumed = await runWorkflow(triggerWorkflow(), {
			credentials: CREDENTIALS,
			mode: 'webhook',
			startNode: 'Showpass Trigger',
			startItems: [JSON.parse(JSON.stringify(accepted.items))],
			staticData: {},
		});
		expect(resumed.error).toBeUndefined();
		expect(resumed.json('Showpass Trigger')).toEqual(accepted.items.map((item) => item.json));
		expect(resumed.staticData).toEqual({ 'node:Showpass Trigger': {} });

		const resend = await deliver(delivery, { staticData: {}, execute: false });
		expect(resend.response.body).toMatchObject({ status: 'duplicate' });
	});

	it('keeps nothing for a trigger that does not skip resends', async () => {
		const workflow = {
			...chain(showpassTrigger({ options: { ignoreDuplicates: false } }, { id: 'trigger-node-1' })),
			id: 'workflow-1',
		};
		const resumed = await runWorkflow(workflow, {
			credentials: CREDENTIALS,
			mode: 'webhook',
			startNode: 'Showpass Trigger',
			startItems: [[{ json: purchaseDelivery({ webhook_event_uuid: 'not-skipped-1' }) }]],
			staticData: {},
		});
		expect(resumed.error).toBeUndefined();
		// Had it been kept aside, turning the option on would skip this delivery's resend.
		expect(
			(await deliver(purchaseDelivery({ webhook_event_uuid: 'not-skipped-1' }), { execute: false }))
				.response.body,
		).toMatchObject({ status: 'accepted' });
	});

	it('writes nothing for a manual run (Test URL)', async () => {
		const call = await deliver(purchaseDelivery(), { mode: 'manual', staticData: {} });
		expect(call.items).toHaveLength(1);
		expect(storedAmong(call.staticData, [String(call.items[0].json.webhook_event_uuid)])).toEqual(
			[],
		);
	});
});

describe('restart and upgrade through the engine', () => {
	it('saves the stored form with each execution; after a restart every delivery that ran is a duplicate', async () => {
		let staticData: IDataObject = {};
		const deliveries = Array.from({ length: 5 }, (_, index) =>
			purchaseDelivery({ webhook_event_uuid: `restart-${index}` }),
		);
		for (const delivery of deliveries)
			staticData = (await deliver(delivery, { staticData })).staticData;
		const stored = (staticData['node:Showpass Trigger'] as IDataObject).rememberedDeliveries;
		expect(stored).toMatchObject({ format: 1, fingerprints: expect.any(String) });

		deliveryMemory.forget();
		for (const delivery of deliveries) {
			const resend = await deliver(delivery, { staticData, execute: false });
			expect(resend.response.body).toMatchObject({ status: 'duplicate' });
		}
	});

	it('recognises the list an earlier release saved, and replaces it with the stored form on the next execution', async () => {
		const earlier = {
			'node:Showpass Trigger': { seenDeliveryIds: ['from-the-earlier-release'] },
		};
		const resend = await deliver(
			purchaseDelivery({ webhook_event_uuid: 'from-the-earlier-release' }),
			{
				staticData: earlier,
				execute: false,
			},
		);
		expect(resend.response.body).toMatchObject({ status: 'duplicate' });
		const next = await deliver(purchaseDelivery({ webhook_event_uuid: 'after-upgrade' }), {
			staticData: earlier,
		});
		const nodeData = next.staticData['node:Showpass Trigger'] as IDataObject;
		expect(nodeData.seenDeliveryIds).toBeUndefined();
		expect(
			storedAmong(next.staticData, ['from-the-earlier-release', 'after-upgrade']),
		).toHaveLength(2);
	});
});

describe('deactivation', () => {
	it('frees the memory of the deactivated trigger only, which reloads its ids from static data', async () => {
		const delivery = purchaseDelivery();
		const first = await deliver(delivery, { staticData: {} });
		await deliver(delivery, { nodeId: 'trigger-node-2', execute: false });
		expect(deliveryMemory.triggerCount()).toBe(2);

		expect(await runWebhookMethod(triggerWorkflow(), 'delete')).toBe(true);
		expect(deliveryMemory.triggerCount()).toBe(1);
		expect(deliveryMemory.size('workflow-1:trigger-node-2')).toBe(1);

		const again = await deliver(delivery, { staticData: first.staticData, execute: false });
		expect(again.response.body).toMatchObject({ status: 'duplicate' });
	});
});
