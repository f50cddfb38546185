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

export async function benchEndToEnd({ version, seconds = 8, rounds = 3, connections = 10, extraEnv, log = () => {} }) {
	const n8n = await N8nInstance.start({ version, extraEnv, log });
	try {
		await n8n.setUpOwnerAndApiKey();
		const credential = await n8n.createCredential('bench', 'showpassWebhookApi', { secretKey: KEY });
		const showpass = triggerWorkflow({ name: 'bench showpass', parameters: { events: ['*'] }, credential });
		const showpassWorkflow = await n8n.createWorkflow(showpass.workflow);
		await n8n.activateWorkflow(showpassWorkflow.id);
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
			body: JSON.stringify({ ...template, webhook_event_uuid: `bench-${index}-${Math.random()}` }),
			headers: { 'content-type': 'application/json', 'x-showpass-signature': signature },
		});
		const targets = {
			'Showpass Trigger': n8n.webhookUrl(showpass.webhookId),
			// The Webhook node's URL is its path alone (isFullPath).
			'Webhook node': `${n8n.baseUrl}/webhook/${webhookPath}`,
		};
		for (const url of Object.values(targets)) await load(url, 2, connections, request); // warm-up
		const results = { 'Showpass Trigger': [], 'Webhook node': [] };
		for (let round = 0; round < rounds; round++) {
			const order = round % 2 ? Object.entries(targets).reverse() : Object.entries(targets);
			for (const [name, url] of order) {
				const result = await load(url, seconds, connections, request);
				results[name].push(result);
				log(`  n8n ${version} round ${round + 1} ${name}: ${result.requestsPerSecond} req/s, p50 ${result.p50ms} ms, p99 ${result.p99ms} ms, errors ${result.errors}`);
			}
		}
		const summary = {};
		for (const [name, runs] of Object.entries(results)) {
			const sum = (key) => runs.reduce((total, run) => total + run[key], 0);
			summary[name] = {
				requestsPerSecond: +(sum('requestsPerSecond') / runs.length).toFixed(1),
				p50ms: +(sum('p50ms') / runs.length).toFixed(1),
				p99ms: +(sum('p99ms') / runs.length).toFixed(1),
				errors: sum('errors'),
			};
		}
		summary.ratio = +(summary['Showpass Trigger'].requestsPerSecond / summary['Webhook node'].requestsPerSecond).toFixed(3);
		return summary;
	} finally {
		await n8n.stop();
	}
}
