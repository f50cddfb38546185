// A stand-in for whatever a workflow's next node talks to (a CRM, a sheet): an HTTP server on 127.0.0.1
// that counts what reaches it, per delivery. What it counts is what the workflow really did, whatever
// n8n's execution list says.
import http from 'node:http';

import { waitForTrigger } from '../../scripts/lib/deliveries.mjs';
import { N8nInstance } from '../../scripts/lib/n8n-instance.mjs';
import { triggerThenReceiver } from './workflows.mjs';

export async function startReceiver() {
	const received = new Map();
	let total = 0;
	const server = http.createServer((request, response) => {
		const chunks = [];
		request.on('data', (chunk) => chunks.push(chunk));
		request.on('end', () => {
			let uuid;
			try {
				uuid = JSON.parse(Buffer.concat(chunks).toString('utf8')).uuid;
			} catch {
				uuid = undefined;
			}
			total++;
			received.set(uuid, (received.get(uuid) ?? 0) + 1);
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end('{"received":true}');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${server.address().port}/received`;
	return {
		url,
		received,
		get total() {
			return total;
		},
		/** The uuids that arrived more than once. */
		twice: () => [...received].filter(([, count]) => count > 1).map(([uuid]) => uuid),
		/**
		 * Waits until `count` posts have arrived and no more arrive for `settleMs`; bounded by `timeoutMs`.
		 * Returns the total seen.
		 */
		async waitFor(count, { timeoutMs = 300_000, settleMs = 3000 } = {}) {
			const deadline = Date.now() + timeoutMs;
			let last = -1;
			let since = Date.now();
			while (Date.now() < deadline) {
				if (total !== last) [last, since] = [total, Date.now()];
				if (total >= count && Date.now() - since >= settleMs) return total;
				await new Promise((resolve) => setTimeout(resolve, 200));
			}
			return total;
		},
		close: () => new Promise((resolve) => server.close(resolve)),
	};
}

/**
 * A receiver and a real n8n with one active workflow: the Showpass Trigger (signed with `secretKey`)
 * whose next node posts each delivery to the receiver. `close()` stops both.
 */
export async function n8nWithReceiver({ version, secretKey, name, extraEnv }) {
	const receiver = await startReceiver();
	const n8n = await N8nInstance.start({ version, extraEnv, log: (line) => console.log(`# ${line}`) });
	await n8n.setUpOwnerAndApiKey();
	const credential = await n8n.createCredential(`Showpass ${name}`, 'showpassWebhookApi', { secretKey });
	const { workflow, webhookId } = triggerThenReceiver({ name, credential, receiverUrl: receiver.url });
	const workflowId = (await n8n.createWorkflow(workflow)).id;
	await n8n.activateWorkflow(workflowId);
	const url = n8n.webhookUrl(webhookId);
	return {
		n8n,
		receiver,
		workflowId,
		url,
		/** Waits until every execution of the workflow has ended (and saved what it stored). */
		async allExecutionsEnded(count, timeoutMs) {
			const deadline = Date.now() + timeoutMs;
			while ((await n8n.countFinishedExecutions(workflowId)) < count) {
				if (Date.now() > deadline) throw new Error(`fewer than ${count} executions ended within ${timeoutMs / 1000} s`);
				await new Promise((resolve) => setTimeout(resolve, 1000));
			}
		},
		/** Restarts n8n (`signal` as in N8nInstance.stop) and waits until the trigger answers again. */
		async restart(signal) {
			await n8n.restart((line) => console.log(`# ${line}`), { signal });
			await waitForTrigger(url, { timeoutMs: 60_000 });
		},
		close: async () => {
			await n8n.stop();
			await receiver.close();
		},
	};
}
