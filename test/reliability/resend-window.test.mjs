// Showpass's resend window at scale, on a real n8n: 20,000 deliveries with a tenth of them resent at random
// over the whole history, then n8n killed (kill -9) once every execution has ended, and resends after it.
// The next node posts each delivery to a receiver on 127.0.0.1, which counts what really ran. Loopback only;
// every loop is bounded.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { buildDelivery, postDelivery } from '../../scripts/lib/deliveries.mjs';
import { countBy, runPool } from '../../scripts/lib/load.mjs';
import { n8nWithReceiver } from '../e2e/receiver.mjs';
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
		let setup;
		let receiver;
		const deliveries = Array.from({ length: DISTINCT }, (_, index) => buildDelivery('invoice.purchase', { uuid: `scale-${version}-${index}` }));
		const uuidAt = (index) => deliveries[index].webhook_event_uuid;
		const pick = picker(20_000);
		const send = (indexes) => runPool(indexes.length, CONCURRENCY, (position) => postDelivery(setup.url, deliveries[indexes[position]], { secretKey: KEY }));

		before(async () => {
			setup = await n8nWithReceiver({ version, secretKey: KEY, name: 'resend window at scale', extraEnv: ENGINE });
			receiver = setup.receiver;
		});

		after(async () => {
			await setup?.close();
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
			await setup.allExecutionsEnded(DISTINCT, 600_000);
			await setup.restart('SIGKILL');

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
