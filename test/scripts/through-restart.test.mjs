// The driver of the reliability test "stops during a burst" (test/reliability/through-restart.mjs)
// against a stand-in n8n on 127.0.0.1 that accepts every delivery: it ends the scenario on what it
// observes, stays within its bounds, and says which premise it did not see.
import assert from 'node:assert/strict';
import http from 'node:http';
import test from 'node:test';

import { postDelivery } from '../../scripts/lib/deliveries.mjs';
import { sendThroughRestart } from '../reliability/through-restart.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function standInN8n(t) {
	const server = http.createServer((request, response) => {
		request.resume();
		request.on('end', () =>
			response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"accepted"}'),
		);
	});
	const listen = (port = 0) =>
		new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
	await listen();
	const { port } = server.address();
	t.after(() => server.close());
	return {
		url: `http://127.0.0.1:${port}/`,
		stop: () => {
			server.close();
			server.closeAllConnections();
		},
		start: () => listen(port),
	};
}

const BOUNDS = {
	concurrency: 5,
	beforeStop: 20,
	drainBudget: 30,
	probeIntervalMs: 100,
	acceptedAfter: 5,
	maxDeliveries: 400,
};

test('n8n starts again only once a delivery has met it stopped; the traffic ends once it accepts again', async (t) => {
	const n8n = await standInN8n(t);
	let refusals = 0;
	let refusedBeforeStart;
	const burst = await sendThroughRestart({
		...BOUNDS,
		deadlineMs: 60_000,
		delivery: (index) => ({ id: index }),
		send: (delivery) =>
			postDelivery(n8n.url, delivery, { secretKey: 'key' }).catch((error) => {
				refusals++;
				throw error;
			}),
		restart: async (whileStopped) => {
			await sleep(500); // still answering while it drains
			n8n.stop();
			await whileStopped();
			refusedBeforeStart = refusals;
			await n8n.start();
		},
	});
	assert.equal(burst.premiseMissed, undefined);
	assert.ok(refusedBeforeStart > 0, 'a delivery met n8n stopped before it started again');
	const sentIn = (phase) => burst.phases.filter((sent) => sent === phase).length;
	assert.equal(sentIn('before'), BOUNDS.beforeStop);
	const probes = Math.ceil(500 / BOUNDS.probeIntervalMs) + 1;
	assert.ok(
		sentIn('stopping') <= BOUNDS.drainBudget + probes,
		`${sentIn('stopping')} while draining`,
	);
	const acceptedAfterDown = burst.results.filter(
		(result, index) =>
			['starting', 'back'].includes(burst.phases[index]) && result.json?.status === 'accepted',
	).length;
	assert.ok(
		acceptedAfterDown >= BOUNDS.acceptedAfter &&
			acceptedAfterDown < BOUNDS.acceptedAfter + BOUNDS.concurrency,
		`${acceptedAfterDown} accepted after n8n was seen down`,
	);
});

test('a restart in which n8n is never seen down ends at the deadline and says so', async (t) => {
	const n8n = await standInN8n(t);
	const burst = await sendThroughRestart({
		...BOUNDS,
		deadlineMs: 2000,
		delivery: (index) => ({ id: index }),
		send: (delivery) => postDelivery(n8n.url, delivery, { secretKey: 'key' }),
		restart: (whileStopped) => whileStopped(), // "stops" without n8n ever going down
	});
	assert.match(burst.premiseMissed, /n8n was never seen down during its restart within 2 s/);
	assert.ok(burst.deliveries.length <= BOUNDS.maxDeliveries);
});
