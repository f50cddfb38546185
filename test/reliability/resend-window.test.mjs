// Showpass's resend window at scale, on a real n8n: 20,000 deliveries with a tenth of them resent at random
// over the whole history, then n8n killed (kill -9) once every execution has ended, and resends after it.
// The next node posts each delivery to a receiver on 127.0.0.1, which counts what really ran. Loopback only;
// every loop is bounded.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { N8nInstance } from '../../scripts/lib/n8n-instance.mjs';
import { buildDelivery, postDelivery } from '../../scripts/lib/deliveries.mjs';
import { countBy, rawRequest, runPool } from '../../scripts/lib/load.mjs';
import { startReceiver } from '../e2e/receiver.mjs';
import { triggerThenReceiver } from '../e2e/workflows.mjs';
import { record } from './report.mjs';

const KEY = 'reliability-window-key-2e8c';
const DISTINCT = Number(process.env.RELIABILITY_WINDOW ?? 20_000);
const RESEND_SHARE = 0.1;
const CONCURRENCY = 20;
// What the trigger promises to keep across a restart, and what it certainly does not keep (it stores 250
// more than it promises, for deliveries that overlap).
const STORED = 5000;
const CERTAINLY_NOT_STORED = STORED + 250 + 50;
// One version by default, to keep the suite's time (about 10 minutes on a 2-core machine); the engine is
// the legacy one for the same reason (see RELIABILITY.md).
const versions = (process.env.RELIABILITY_N8N_VERSIONS ?? '2.41.1').split(',').filter(Boolean);
const ENGINE = { N8N_EXPRESSION_ENGINE: 'legacy' };

/** A deterministic sequence of picks in [0, bound), so a failing run can be repeated exactly. */
function picker(seed) {
	let state = seed >>> 0;
	return (bound) => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state % bound;
	};
}

const statusOf = (result) => `${result.status} ${result.json?.status ?? ''}`.trim();

for (const version of versions) {
	describe(`Showpass's resend window at ${DISTINCT.toLocaleString('en')} deliveries on n8n ${version}`, { timeout: 60 * 60_000 }, () => {
		let n8n;
		let receiver;
		let workflowId;
		let url;
		const deliveries = Array.from({ length: DISTINCT }, (_, index) => buildDelivery('invoice.purchase', { uuid: `scale-${version}-${index}` }));
		const uuidAt = (index) => deliveries[index].webhook_event_uuid;
		const pick = picker(20_000);
		const send = (indexes) => runPool(indexes.length, CONCURRENCY, (position) => postDelivery(url, deliveries[indexes[position]], { secretKey: KEY }));

		before(async () => {
			receiver = await startReceiver();
			n8n = await N8nInstance.start({ version, extraEnv: ENGINE, log: (line) => console.log(`# ${line}`) });
			await n8n.setUpOwnerAndApiKey();
			const credential = await n8n.createCredential('Showpass window', 'showpassWebhookApi', { secretKey: KEY });
			const { workflow, webhookId } = triggerThenReceiver({ name: 'resend window at scale', credential, receiverUrl: receiver.url });
			workflowId = (await n8n.createWorkflow(workflow)).id;
			await n8n.activateWorkflow(workflowId);
			url = n8n.webhookUrl(webhookId);
		});

		after(async () => {
			await n8n?.stop();
			await receiver?.close();
		});

		it(`runs each delivery once at the next node with ${RESEND_SHARE * 100}% resent over the whole history, and after kill -9 skips resends of the newest ${STORED.toLocaleString('en')}`, async () => {
			// After every tenth delivery, a resend of any delivery sent before it.
			const plan = [];
			for (let index = 0; index < DISTINCT; index++) {
				plan.push(index);
				if (index % Math.round(1 / RESEND_SHARE) === Math.round(1 / RESEND_SHARE) - 1) plan.push(pick(index + 1));
			}
			const started = Date.now();
			const results = await send(plan);
			const seconds = (Date.now() - started) / 1000;
			const statuses = countBy(results, statusOf);
			assert.ok(results.every((result) => result.status === 200), JSON.stringify(statuses));
			const acceptedPerDelivery = countBy(plan.filter((_, position) => results[position].json?.status === 'accepted'), (index) => index);
			assert.deepEqual(deliveries.map((_, index) => index).filter((index) => acceptedPerDelivery[index] !== 1), [], 'each delivery was accepted exactly once, its resends answered duplicate');
			assert.equal(await receiver.waitFor(DISTINCT, { timeoutMs: 600_000 }), DISTINCT, 'every delivery reached the next node');
			assert.deepEqual(receiver.twice(), [], 'no delivery reached the next node twice');

			// kill -9 once every execution has ended: what each one stored was saved as it ended.
			const deadline = Date.now() + 600_000;
			while ((await n8n.countFinishedExecutions(workflowId)) < DISTINCT) {
				assert.ok(Date.now() < deadline, 'every execution finished within 10 minutes');
				await new Promise((resolve) => setTimeout(resolve, 2000));
			}
			await n8n.restart((line) => console.log(`# ${line}`), { signal: 'SIGKILL' });
			const probeDeadline = Date.now() + 60_000;
			while ((await rawRequest(url, { headers: { 'content-type': 'application/json' }, body: '{"id":"probe"}' })).status !== 401) {
				assert.ok(Date.now() < probeDeadline, 'the trigger answered again within 60 s of the restart');
				await new Promise((resolve) => setTimeout(resolve, 200));
			}

			const newest = deliveries.map((_, index) => index).slice(-STORED);
			const newestAgain = await send(newest);
			assert.deepEqual(countBy(newestAgain, statusOf), { '200 duplicate': STORED }, 'every resend of the newest is a duplicate after kill -9');
			// A tenth of the history again, at random: the older ones run again (beyond what is stored).
			const spread = [...new Set(Array.from({ length: DISTINCT * RESEND_SHARE }, () => pick(DISTINCT)))];
			const spreadAgain = await send(spread);
			const olderThanStored = spread.filter((index) => index < DISTINCT - CERTAINLY_NOT_STORED);
			const wrong = spread.filter((index, position) => {
				const status = spreadAgain[position].json?.status;
				if (index >= DISTINCT - STORED) return status !== 'duplicate';
				if (index < DISTINCT - CERTAINLY_NOT_STORED) return status !== 'accepted';
				return status !== 'duplicate' && status !== 'accepted';
			});
			assert.deepEqual(wrong.slice(0, 10), [], 'resends after the restart: the newest are duplicates, the older ones run again');
			const acceptedAgain = spread.filter((_, position) => spreadAgain[position].json?.status === 'accepted');
			assert.equal(await receiver.waitFor(DISTINCT + acceptedAgain.length, { timeoutMs: 300_000 }), DISTINCT + acceptedAgain.length);
			assert.deepEqual(newest.map(uuidAt).filter((uuid) => receiver.received.get(uuid) !== 1), [], 'each of the newest reached the next node exactly once');
			record({
				version,
				test: 'resend window at scale',
				distinct: DISTINCT,
				resentBeforeRestart: plan.length - DISTINCT,
				statuses,
				seconds,
				restart: 'kill -9 after every execution ended',
				newestResentAfterRestart: STORED,
				spreadResentAfterRestart: spread.length,
				spreadAcceptedAfterRestart: acceptedAgain.length,
				spreadOlderThanStored: olderThanStored.length,
				reachedNextNode: receiver.total,
			});
		});
	});
}
