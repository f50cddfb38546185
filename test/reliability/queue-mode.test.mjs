// Queue mode, the way larger installs scale n8n: PostgreSQL, Redis, and separate `n8n start`,
// `n8n webhook` and `n8n worker` processes sharing one user folder. Loopback only; bounded.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';

import { freePort, N8nInstance, n8nEnvironment } from '../../scripts/lib/n8n-instance.mjs';
import { n8nBinFor, nodeBinaryFor } from '../../scripts/install-n8n.mjs';
import { buildDelivery, postDelivery, waitForTrigger } from '../../scripts/lib/deliveries.mjs';
import { countBy, runPool } from '../../scripts/lib/load.mjs';
import { startPostgres, startRedis } from '../../scripts/lib/services.mjs';
import { triggerWorkflow } from '../e2e/workflows.mjs';
import { record } from './report.mjs';

const VERSION = process.env.QUEUE_N8N_VERSION ?? '2.41.1';
const KEY = 'queue-mode-key-5d2b';
const DELIVERIES = Number(process.env.QUEUE_DELIVERIES ?? 300);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
// Generous bounds for what a loaded machine takes: an n8n process to answer /healthz, a webhook to be served.
const PROCESS_START_TIMEOUT_MS = 180_000;
const WEBHOOK_TIMEOUT_MS = 120_000;

async function spawnProcess(command, userFolder, sharedEnv, label) {
	const port = await freePort();
	const env = {
		...n8nEnvironment({ version: VERSION, userFolder, port, brokerPort: await freePort(), extra: sharedEnv }),
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		QUEUE_HEALTH_CHECK_PORT: String(port),
	};
	const logFile = path.join(userFolder, `${label}.log`);
	const log = fs.createWriteStream(logFile);
	const child = spawn(nodeBinaryFor(VERSION), [n8nBinFor(VERSION), ...command], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout.pipe(log);
	child.stderr.pipe(log);
	const exited = new Promise((resolve) => child.once('exit', resolve));
	const deadline = Date.now() + PROCESS_START_TIMEOUT_MS;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`${label} exited: ${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
		try {
			const response = await fetch(`http://127.0.0.1:${port}/healthz`);
			if (response.status === 200) break;
		} catch {
			// not up yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`${label} was not healthy within ${PROCESS_START_TIMEOUT_MS / 1000} s: ${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
		}
		await sleep(250);
	}
	return {
		port,
		logFile,
		baseUrl: `http://127.0.0.1:${port}`,
		async stop() {
			if (child.exitCode !== null) return;
			child.kill('SIGTERM');
			const timeout = sleep(20_000).then(() => 'timeout');
			if ((await Promise.race([exited, timeout])) === 'timeout') child.kill('SIGKILL');
			await exited;
		},
	};
}

describe(`queue mode on n8n ${VERSION}: main + webhook + worker processes`, { timeout: 15 * 60_000 }, () => {
	let postgres;
	let redis;
	let main;
	const processes = [];
	let credential;
	let sharedEnv;

	before(async () => {
		postgres = await startPostgres();
		redis = await startRedis();
		sharedEnv = {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: '',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			N8N_EXPRESSION_ENGINE: 'legacy',
		};
		main = await N8nInstance.start({ version: VERSION, extraEnv: sharedEnv, log: (line) => console.log(`# ${line}`) });
		await main.setUpOwnerAndApiKey();
		credential = await main.createCredential('Showpass queue', 'showpassWebhookApi', { secretKey: KEY });
		processes.push(await spawnProcess(['worker', '--concurrency=10'], main.userFolder, sharedEnv, 'worker'));
		processes.push(await spawnProcess(['webhook'], main.userFolder, sharedEnv, 'webhook-1'));
		processes.push(await spawnProcess(['webhook'], main.userFolder, sharedEnv, 'webhook-2'));
	});

	after(async () => {
		for (const process of processes) await process.stop();
		await main?.stop();
		await redis?.stop();
		await postgres?.stop();
	});

	async function activeWorkflow(name) {
		const { workflow, webhookId } = triggerWorkflow({ name, parameters: { events: ['*'] }, credential });
		const created = await main.createWorkflow(workflow);
		await main.activateWorkflow(created.id);
		const urlOn = (process) => `${process.baseUrl}/webhook/${webhookId}/webhook`;
		for (const process of processes.slice(1)) await waitForTrigger(urlOn(process), { timeoutMs: WEBHOOK_TIMEOUT_MS });
		return { id: created.id, urlOn };
	}

	it(`runs ${DELIVERIES} deliveries through one webhook process as exactly ${DELIVERIES} worker executions, resends skipped`, async () => {
		const target = await activeWorkflow('queue single webhook process');
		const webhook = processes[1];
		const deliveries = Array.from({ length: DELIVERIES }, (_, index) => buildDelivery('invoice.purchase', { uuid: `queue-${index}` }));
		const plan = [...deliveries, ...deliveries.filter((_, index) => index % 5 === 0)];
		const results = await runPool(plan.length, 20, (index) => postDelivery(target.urlOn(webhook), plan[index], { secretKey: KEY }));
		const statuses = countBy(results, (result) => `${result.status} ${result.json?.status ?? ''}`.trim());
		assert.deepEqual(statuses, { '200 accepted': DELIVERIES, '200 duplicate': plan.length - DELIVERIES });
		const executions = await main.waitForExecutions(target.id, DELIVERIES, { timeoutMs: 300_000, settleMs: 3000 });
		assert.equal(executions.length, DELIVERIES);
		const workerLog = fs.readFileSync(processes[0].logFile, 'utf8');
		assert.match(workerLog, /Worker started execution|started execution/i, 'the worker ran the executions');
		record({ version: VERSION, test: 'queue single webhook process', requests: plan.length, statuses, executionsExpected: DELIVERIES, executionsSeen: executions.length });
	});

	it('keeps the ids the webhook process stored through worker executions and its own restart', async () => {
		const target = await activeWorkflow('queue webhook process restart');
		const stored = Array.from({ length: 50 }, (_, index) => buildDelivery('invoice.purchase', { uuid: `queue-stored-${index}` }));
		const later = Array.from({ length: 50 }, (_, index) => buildDelivery('invoice.purchase', { uuid: `queue-later-${index}` }));
		const send = (list) => runPool(list.length, 10, (index) => postDelivery(target.urlOn(processes[1]), list[index], { secretKey: KEY }));
		const statusesOf = (results) => countBy(results, (result) => `${result.status} ${result.json?.status ?? ''}`.trim());

		assert.deepEqual(statusesOf(await send(stored)), { '200 accepted': stored.length });
		// An answer that starts no execution is saved by the webhook process, with the whole remembered list.
		assert.equal((await postDelivery(target.urlOn(processes[1]), stored[0], { secretKey: KEY })).json?.status, 'duplicate');
		// Then worker executions only: a worker that wrote static data would replace the stored list.
		assert.deepEqual(statusesOf(await send(later)), { '200 accepted': later.length });
		const executions = await main.waitForExecutions(target.id, stored.length + later.length, { timeoutMs: 180_000, settleMs: 3000 });
		assert.equal(executions.length, stored.length + later.length);

		await processes[1].stop();
		processes[1] = await spawnProcess(['webhook'], main.userFolder, sharedEnv, 'webhook-1-restarted');
		await waitForTrigger(target.urlOn(processes[1]), { timeoutMs: WEBHOOK_TIMEOUT_MS });
		const storedAfterRestart = statusesOf(await send(stored));
		assert.deepEqual(storedAfterRestart, { '200 duplicate': stored.length }, 'ids stored by the webhook process survived the worker executions and its restart');
		// Measured, not asserted: accepted since the last answer that started nothing, n8n 2.41 saved none of them.
		const laterAfterRestart = statusesOf(await send(later));
		const reran = Number(laterAfterRestart['200 accepted'] ?? 0);
		const total = await main.waitForExecutions(target.id, stored.length + later.length + reran, { timeoutMs: 120_000, settleMs: 3000 });
		assert.equal(total.length, stored.length + later.length + reran);
		record({ version: VERSION, test: 'queue webhook process restart', storedBeforeRestart: stored.length, storedAfterRestart, acceptedAfterLastSave: later.length, laterAfterRestart, executionsSeen: total.length });
	});

	it('across two webhook processes every delivery runs; a resend to the other process runs again (the documented limit)', async () => {
		const target = await activeWorkflow('queue two webhook processes');
		const [, first, second] = processes;
		const deliveries = Array.from({ length: 50 }, (_, index) => buildDelivery('invoice.purchase', { uuid: `queue-split-${index}` }));
		// The second process has already handled a delivery of this trigger, so its memory is loaded.
		const seed = await postDelivery(target.urlOn(second), buildDelivery('invoice.purchase', { uuid: 'queue-split-seed' }), { secretKey: KEY });
		assert.equal(seed.json?.status, 'accepted');
		const originals = await runPool(deliveries.length, 10, (index) => postDelivery(target.urlOn(first), deliveries[index], { secretKey: KEY }));
		assert.ok(originals.every((result) => result.json?.status === 'accepted'));
		const sameProcess = await runPool(deliveries.length, 10, (index) => postDelivery(target.urlOn(first), deliveries[index], { secretKey: KEY }));
		assert.ok(sameProcess.every((result) => result.json?.status === 'duplicate'), 'resends to the same process are skipped');
		const otherProcess = await runPool(deliveries.length, 10, (index) => postDelivery(target.urlOn(second), deliveries[index], { secretKey: KEY }));
		const otherStatuses = countBy(otherProcess, (result) => result.json?.status);
		// The documented limit: each webhook process remembers what it accepted itself.
		assert.equal(otherStatuses.accepted, deliveries.length, 'resends to another, already-loaded process run again');
		const expected = 1 + deliveries.length + otherStatuses.accepted;
		const executions = await main.waitForExecutions(target.id, expected, { timeoutMs: 120_000, settleMs: 3000 });
		assert.equal(executions.length, expected);
		record({ version: VERSION, test: 'queue two webhook processes', distinct: deliveries.length, resendsToOtherProcess: otherStatuses, executionsSeen: executions.length });
	});
});
