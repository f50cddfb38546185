// Showpass Trigger vs n8n's built-in Webhook node on the same real n8n, runs alternated.
import { createRequire } from 'node:module';
import path from 'node:path';
import { N8nInstance } from '../lib/n8n-instance.mjs';
import { projectRoot } from '../lib/n8n-versions.mjs';
import { buildDelivery, sign } from '../lib/deliveries.mjs';
import { triggerWorkflow } from '../../test/e2e/workflows.mjs';

const KEY = 'bench-e2e-key';
const require = createRequire(import.meta.url);
// The built node's modules, loaded when first needed (the bench builds before it runs).
const built = (module) => require(path.join(projectRoot, 'dist/nodes/ShowpassTrigger/helpers', `${module}.js`));
// Base64 of 8 bytes a delivery.
const FINGERPRINT_CHARACTERS = 32 / 3;

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

/** Waits until the count stops growing for `settleMs` (or `timeoutMs` passes). */
async function settledExecutions(n8n, workflowId, { expected, timeoutMs = 300_000, settleMs = 5000 }) {
	const deadline = Date.now() + timeoutMs;
	let last = -1;
	let since = Date.now();
	while (Date.now() < deadline) {
		const count = await n8n.countFinishedExecutions(workflowId);
		if (count !== last) [last, since] = [count, Date.now()];
		if ((count >= expected && Date.now() - since >= settleMs) || Date.now() - since >= 30_000) return count;
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	return last;
}

/**
 * The workflows one run compares, each receiving the same signed purchase. `seed` fills the trigger's
 * stored deliveries before activation (n8n loads them into memory with the first delivery); `padding`
 * adds characters to the workflow's static data, as a bigger stored form would.
 */
export function throughputTargets({ quick = false, dedupeOnly = false } = {}) {
	if (dedupeOnly) {
		return [
			{ name: 'Webhook node', kind: 'webhook' },
			{ name: 'Showpass Trigger, resends not skipped', parameters: { options: { ignoreDuplicates: false } } },
			{ name: 'Showpass Trigger, 100,000 remembered', seed: 100_000, curve: 100_000 },
		];
	}
	const { STORED_DELIVERIES } = built('storedDeliveries');
	const curve = quick ? [100_000] : [1000, 5000, 20_000, 100_000];
	return [
		{ name: 'Webhook node', kind: 'webhook' },
		{ name: 'Showpass Trigger, resends not skipped', parameters: { options: { ignoreDuplicates: false } } },
		...curve.map((remembered) => ({
			name: `Showpass Trigger, ${remembered.toLocaleString('en')} remembered`,
			seed: remembered,
			curve: remembered,
		})),
		...(quick ? [] : [20_000, 100_000]).map((asIfStored) => ({
			name: `Showpass Trigger, static data as large as ${asIfStored.toLocaleString('en')} stored`,
			seed: STORED_DELIVERIES,
			padding: Math.round((asIfStored - STORED_DELIVERIES) * FINGERPRINT_CHARACTERS),
			asIfStored,
		})),
		...(quick ? [] : [{ name: 'Showpass Trigger v1', typeVersion: 1, seed: 100_000 }]),
	];
}

/** The trigger node's static data holding `count` deliveries (ids `seed-<n>`), in the stored form. */
function seededStaticData(count, padding) {
	const { RecentDeliveries } = built('storedDeliveries');
	const { fingerprintOf } = built('fingerprints');
	const { dayOf } = built('rememberedFingerprints');
	const recent = new RecentDeliveries(count);
	const today = dayOf(Date.now());
	for (let index = 0; index < count; index++) recent.push(fingerprintOf(`seed-${index}`), today);
	return {
		'node:Showpass Trigger': { rememberedDeliveries: recent.toStored(today) },
		...(padding ? { global: { padding: 'x'.repeat(padding) } } : {}),
	};
}

export async function benchEndToEnd({ version, targets = throughputTargets(), seconds = 8, rounds = 3, connections = 10, burstCount = 1000, burstConcurrency = 50, extraEnv, log = () => {} }) {
	const n8n = await N8nInstance.start({ version, extraEnv, log });
	try {
		await n8n.setUpOwnerAndApiKey();
		const credential = await n8n.createCredential('bench', 'showpassWebhookApi', { secretKey: KEY });
		const template = buildDelivery('invoice.purchase');
		const signature = sign(KEY, template.id);
		const request = (index) => ({
			// Every request is a new purchase (a fresh webhook_event_uuid), so every one starts an execution.
			body: JSON.stringify({ ...template, webhook_event_uuid: `bench-${index}-${Math.random()}` }),
			headers: { 'content-type': 'application/json', 'x-showpass-signature': signature },
		});
		const urls = {};
		const workflowIds = {};
		for (const target of targets) {
			if (target.kind === 'webhook') {
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
							webhookId: `bench-webhook-${Date.now()}`,
							parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
						},
					],
					connections: {},
				});
				await n8n.activateWorkflow(builtIn.id);
				// The Webhook node's URL is its path alone (isFullPath).
				[urls[target.name], workflowIds[target.name]] = [`${n8n.baseUrl}/webhook/${webhookPath}`, builtIn.id];
				continue;
			}
			const { workflow, webhookId } = triggerWorkflow({
				name: `bench ${target.name}`,
				parameters: { events: ['*'], ...target.parameters },
				credential,
				typeVersion: target.typeVersion,
			});
			const staticData = target.seed || target.padding ? seededStaticData(target.seed ?? 0, target.padding) : undefined;
			const created = await n8n.createWorkflow({ ...workflow, ...(staticData ? { staticData } : {}) });
			await n8n.activateWorkflow(created.id);
			[urls[target.name], workflowIds[target.name]] = [n8n.webhookUrl(webhookId), created.id];
			if (target.seed) {
				// The seeded deliveries are remembered: a resend of the oldest is a duplicate.
				const resend = await fetch(urls[target.name], {
					method: 'POST',
					headers: { 'content-type': 'application/json', 'x-showpass-signature': signature },
					body: JSON.stringify({ ...template, webhook_event_uuid: 'seed-0' }),
				});
				const answer = await resend.json();
				if (answer.status !== 'duplicate') throw new Error(`${target.name}: the seeded delivery seed-0 was answered ${JSON.stringify(answer)}, not as a duplicate`);
			}
		}
		for (const url of Object.values(urls)) await load(url, 2, connections, request); // warm-up
		const results = Object.fromEntries(targets.map(({ name }) => [name, []]));
		for (let round = 0; round < rounds; round++) {
			const order = round % 2 ? [...targets].reverse() : targets;
			for (const { name } of order) {
				const result = await load(urls[name], seconds, connections, request);
				results[name].push(result);
				log(`  n8n ${version} round ${round + 1} ${name}: ${result.requestsPerSecond} req/s, p50 ${result.p50ms} ms, p99 ${result.p99ms} ms, errors ${result.errors}`);
			}
		}
		const summary = { throughput: {}, burst: {}, staticDataBytes: {} };
		for (const [name, runs] of Object.entries(results)) {
			const sum = (key) => runs.reduce((total, run) => total + run[key], 0);
			summary.throughput[name] = {
				requestsPerSecond: +(sum('requestsPerSecond') / runs.length).toFixed(1),
				p50ms: +(sum('p50ms') / runs.length).toFixed(1),
				p99ms: +(sum('p99ms') / runs.length).toFixed(1),
				errors: sum('errors'),
			};
		}
		const webhookRate = summary.throughput['Webhook node'].requestsPerSecond;
		const notSkippingRate = summary.throughput['Showpass Trigger, resends not skipped']?.requestsPerSecond;
		for (const row of Object.values(summary.throughput)) {
			row.ratio = +(row.requestsPerSecond / webhookRate).toFixed(2);
			if (notSkippingRate) row.ratioToNotSkipping = +(row.requestsPerSecond / notSkippingRate).toFixed(2);
		}
		for (const target of targets) {
			if (target.kind === 'webhook') continue;
			const stored = await n8n.api('GET', `/workflows/${workflowIds[target.name]}`);
			summary.staticDataBytes[target.name] = JSON.stringify(stored.staticData ?? {}).length;
		}

		const burstTargets = [targets.find((target) => target.seed === 100_000) ?? targets[1], targets[0]];
		for (const { name } of burstCount > 0 ? burstTargets : []) {
			const before = await settledExecutions(n8n, workflowIds[name], { expected: 0, settleMs: 3000 });
			const result = await burst(urls[name], burstCount, burstConcurrency, request);
			const after = await settledExecutions(n8n, workflowIds[name], { expected: before + burstCount });
			summary.burst[name] = { ...result, executionsSeen: after - before };
			log(`  n8n ${version} on-sale burst ${name}: ${JSON.stringify(summary.burst[name])}`);
		}
		return summary;
	} finally {
		await n8n.stop();
	}
}
