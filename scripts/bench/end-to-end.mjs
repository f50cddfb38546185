// Showpass Trigger vs n8n's built-in Webhook node on the same real n8n, runs alternated.
import { N8nInstance } from '../lib/n8n-instance.mjs';
import { buildDelivery, sign } from '../lib/deliveries.mjs';
import { triggerWorkflow } from '../../test/e2e/workflows.mjs';

const KEY = 'bench-e2e-key';

function percentile(sorted, fraction) {
	return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

/** Posts for `seconds` with `connections` in flight; returns requests/s and latency percentiles. */
async function load(url, seconds, connections, makeRequest) {
	const latencies = [];
	let errors = 0;
	let firstError;
	let counter = 0;
	const deadline = performance.now() + seconds * 1000;
	async function connection() {
		while (performance.now() < deadline) {
			const { body, headers } = makeRequest(counter++);
			const started = performance.now();
			try {
				const response = await fetch(url, { method: 'POST', headers, body });
				await response.arrayBuffer();
				if (response.status !== 200) errors++;
				latencies.push(performance.now() - started);
			} catch (error) {
				errors++;
				firstError ??= `${error.message} ${error.cause?.message ?? ''}`;
			}
		}
	}
	const started = performance.now();
	await Promise.all(Array.from({ length: connections }, connection));
	const elapsed = (performance.now() - started) / 1000;
	latencies.sort((a, b) => a - b);
	if (latencies.length === 0) throw new Error(`every request to ${url} failed: ${firstError}`);
	return {
		requests: latencies.length,
		errors,
		requestsPerSecond: +(latencies.length / elapsed).toFixed(1),
		p50ms: +percentile(latencies, 0.5).toFixed(1),
		p99ms: +percentile(latencies, 0.99).toFixed(1),
	};
}

/**
 * An on-sale: `count` signed deliveries, each a new purchase, fired at `concurrency` in flight. Reports the
 * answers, the 5xx count and answer times against Showpass's ~10 s give-up time.
 */
async function burst(url, count, concurrency, makeRequest) {
	const answers = [];
	let next = 0;
	async function connection() {
		while (next < count) {
			const index = next++;
			const { body, headers } = makeRequest(`burst-${index}`);
			const started = performance.now();
			try {
				const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(60_000) });
				await response.arrayBuffer();
				answers.push({ status: response.status, ms: performance.now() - started });
			} catch {
				answers.push({ status: 0, ms: performance.now() - started });
			}
		}
	}
	await Promise.all(Array.from({ length: concurrency }, connection));
	const times = answers.map((answer) => answer.ms).sort((a, b) => a - b);
	const statuses = {};
	for (const { status } of answers) statuses[status] = (statuses[status] ?? 0) + 1;
	return {
		answers: Object.entries(statuses).map(([status, n]) => `${status === '0' ? 'no answer' : status}: ${n}`).join(' · '),
		serverErrors: answers.filter((answer) => answer.status >= 500 || answer.status === 0).length,
		p50ms: Math.round(percentile(times, 0.5)),
		p99ms: Math.round(percentile(times, 0.99)),
		over10s: times.filter((ms) => ms > 10_000).length,
	};
}

async function countExecutions(n8n, workflowId) {
	let total = 0;
	let cursor;
	do {
		const query = new URLSearchParams({ workflowId: String(workflowId), includeData: 'false', limit: '250' });
		if (cursor) query.set('cursor', cursor);
		const page = await n8n.api('GET', `/executions?${query}`);
		total += page.data.filter((execution) => execution.finished || execution.stoppedAt).length;
		cursor = page.nextCursor;
	} while (cursor);
	return total;
}

/** Waits until the count stops growing for `settleMs` (or `timeoutMs` passes). */
async function settledExecutions(n8n, workflowId, { expected, timeoutMs = 300_000, settleMs = 5000 }) {
	const deadline = Date.now() + timeoutMs;
	let last = -1;
	let since = Date.now();
	while (Date.now() < deadline) {
		const count = await countExecutions(n8n, workflowId);
		if (count !== last) [last, since] = [count, Date.now()];
		if ((count >= expected && Date.now() - since >= settleMs) || Date.now() - since >= 30_000) return count;
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	return last;
}

export async function benchEndToEnd({ version, seconds = 8, rounds = 3, connections = 10, burstCount = 1000, burstConcurrency = 50, extraEnv, log = () => {} }) {
	const n8n = await N8nInstance.start({ version, extraEnv, log });
	try {
		await n8n.setUpOwnerAndApiKey();
		const credential = await n8n.createCredential('bench', 'showpassWebhookApi', { secretKey: KEY });
		const showpass = triggerWorkflow({ name: 'bench showpass', parameters: { events: ['*'] }, credential });
		const showpassWorkflow = await n8n.createWorkflow(showpass.workflow);
		await n8n.activateWorkflow(showpassWorkflow.id);
		// Version 1, as saved by earlier releases: n8n evaluates an expression for each request to it.
		const showpassV1 = triggerWorkflow({ name: 'bench showpass v1', parameters: { events: ['*'] }, credential, typeVersion: 1 });
		await n8n.activateWorkflow((await n8n.createWorkflow(showpassV1.workflow)).id);
		// Resends not skipped: what remembering the deliveries (and saving the list each execution) costs.
		const showpassAllDeliveries = triggerWorkflow({ name: 'bench showpass, resends not skipped', parameters: { events: ['*'], options: { ignoreDuplicates: false } }, credential });
		await n8n.activateWorkflow((await n8n.createWorkflow(showpassAllDeliveries.workflow)).id);
		const webhookId = `bench-webhook-${Date.now()}`;
		const webhookPath = `bench-${Date.now()}`;
		const builtIn = await n8n.createWorkflow({
			name: 'bench built-in webhook',
			nodes: [
				{
					id: 'webhook',
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: [0, 0],
					webhookId,
					parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
				},
			],
			connections: {},
		});
		await n8n.activateWorkflow(builtIn.id);
		const template = buildDelivery('invoice.purchase');
		const signature = sign(KEY, template.id);
		const request = (index) => ({
			// Every request is a new purchase (a fresh webhook_event_uuid), so every one starts an execution.
			body: JSON.stringify({ ...template, webhook_event_uuid: `bench-${index}-${Math.random()}` }),
			headers: { 'content-type': 'application/json', 'x-showpass-signature': signature },
		});
		const targets = {
			'Showpass Trigger': n8n.webhookUrl(showpass.webhookId),
			'Showpass Trigger v1': n8n.webhookUrl(showpassV1.webhookId),
			'Showpass Trigger, resends not skipped': n8n.webhookUrl(showpassAllDeliveries.webhookId),
			// The Webhook node's URL is its path alone (isFullPath).
			'Webhook node': `${n8n.baseUrl}/webhook/${webhookPath}`,
		};
		for (const url of Object.values(targets)) await load(url, 2, connections, request); // warm-up
		const results = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
		for (let round = 0; round < rounds; round++) {
			const order = round % 2 ? Object.entries(targets).reverse() : Object.entries(targets);
			for (const [name, url] of order) {
				const result = await load(url, seconds, connections, request);
				results[name].push(result);
				log(`  n8n ${version} round ${round + 1} ${name}: ${result.requestsPerSecond} req/s, p50 ${result.p50ms} ms, p99 ${result.p99ms} ms, errors ${result.errors}`);
			}
		}
		const summary = { throughput: {}, burst: {} };
		for (const [name, runs] of Object.entries(results)) {
			const sum = (key) => runs.reduce((total, run) => total + run[key], 0);
			summary.throughput[name] = {
				requestsPerSecond: +(sum('requestsPerSecond') / runs.length).toFixed(1),
				p50ms: +(sum('p50ms') / runs.length).toFixed(1),
				p99ms: +(sum('p99ms') / runs.length).toFixed(1),
				errors: sum('errors'),
			};
		}
		for (const row of Object.values(summary.throughput)) {
			row.ratio = +(row.requestsPerSecond / summary.throughput['Webhook node'].requestsPerSecond).toFixed(2);
		}

		const workflows = { 'Showpass Trigger': showpassWorkflow.id, 'Webhook node': builtIn.id };
		for (const name of ['Showpass Trigger', 'Webhook node']) {
			const url = targets[name];
			const before = await settledExecutions(n8n, workflows[name], { expected: 0, settleMs: 3000 });
			const result = await burst(url, burstCount, burstConcurrency, request);
			const after = await settledExecutions(n8n, workflows[name], { expected: before + burstCount });
			summary.burst[name] = { ...result, executionsSeen: after - before };
			log(`  n8n ${version} on-sale burst ${name}: ${JSON.stringify(summary.burst[name])}`);
		}
		return summary;
	} finally {
		await n8n.stop();
	}
}
