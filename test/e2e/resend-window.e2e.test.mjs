// End-to-end: Showpass's resend window at on-sale volume, on a real n8n of each pinned version. Thousands of
// deliveries reach a workflow whose next node posts each one to a receiver on 127.0.0.1, which counts what
// really arrived; resends of old deliveries, before and after n8n's normal stop and start, must reach nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { testedVersions } from '../../scripts/lib/n8n-versions.mjs';
import { buildDelivery, postDelivery } from '../../scripts/lib/deliveries.mjs';
import { countBy, runPool } from '../../scripts/lib/load.mjs';
import { n8nWithReceiver } from './receiver.mjs';

const KEY = 'e2e-resend-window-key';
const DISTINCT = Number(process.env.E2E_RESEND_WINDOW ?? 6000);
// What the trigger promises to keep across a restart (README, "A resend ran twice").
const STORED = 5000;
// It keeps 250 more, for deliveries that overlap; anything older than this is certainly not stored.
const CERTAINLY_NOT_STORED = STORED + 250 + 50;
const OLDEST_RESENT = 300;
const CONCURRENCY = 20;
// Thousands of executions: n8n 2.41's default expression engine builds an isolate for each one's
// expression (a few per second on a small machine); the legacy engine keeps the suite short.
const ENGINE = { N8N_EXPRESSION_ENGINE: 'legacy' };

const statusesOf = (results) => countBy(results, (result) => `${result.status} ${result.json?.status ?? ''}`.trim());

for (const version of testedVersions()) {
	describe(`Showpass's resend window on n8n ${version}`, { timeout: 30 * 60_000 }, () => {
		let setup;
		let receiver;
		const deliveries = Array.from({ length: DISTINCT }, (_, index) =>
			buildDelivery('invoice.purchase', { uuid: `window-${version}-${index}` }),
		);
		const send = (list) => runPool(list.length, CONCURRENCY, (index) => postDelivery(setup.url, list[index], { secretKey: KEY }));

		before(async () => {
			setup = await n8nWithReceiver({ version, secretKey: KEY, name: 'resend window', extraEnv: ENGINE });
			receiver = setup.receiver;
		});

		after(async () => {
			await setup?.close();
		});

		it(`runs ${DISTINCT.toLocaleString('en')} deliveries once each at the next node; resends of the oldest are duplicates that reach nothing`, async () => {
			const first = await send(deliveries);
			assert.deepEqual(statusesOf(first), { '200 accepted': DISTINCT });
			assert.equal(await receiver.waitFor(DISTINCT), DISTINCT, 'every delivery reached the next node');
			assert.deepEqual(receiver.twice(), []);

			const oldest = await send(deliveries.slice(0, OLDEST_RESENT));
			assert.deepEqual(statusesOf(oldest), { '200 duplicate': OLDEST_RESENT });
			assert.equal(await receiver.waitFor(DISTINCT), DISTINCT, 'no resend reached the next node');
		});

		it(`after n8n's normal stop and start, resends of the newest ${STORED.toLocaleString('en')} are duplicates that reach nothing; older ones run again`, async () => {
			// Every execution has ended (and saved what it stored) before n8n is stopped.
			await setup.allExecutionsEnded(DISTINCT, 300_000);
			await setup.restart();

			const newest = await send(deliveries.slice(-STORED));
			assert.deepEqual(statusesOf(newest), { '200 duplicate': STORED });
			const older = deliveries.slice(0, Math.max(0, Math.min(OLDEST_RESENT, DISTINCT - CERTAINLY_NOT_STORED)));
			const olderResent = await send(older);
			assert.deepEqual(statusesOf(olderResent), { '200 accepted': older.length }, 'beyond what is stored, a resend after a restart runs again');
			assert.equal(await receiver.waitFor(DISTINCT + older.length), DISTINCT + older.length);
			const newestUuids = deliveries.slice(-STORED).map((delivery) => delivery.webhook_event_uuid);
			assert.deepEqual(newestUuids.filter((uuid) => receiver.received.get(uuid) !== 1), [], 'each of the newest reached the next node exactly once');
		});
	});
}
