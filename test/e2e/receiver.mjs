// A stand-in for whatever a workflow's next node talks to (a CRM, a sheet): an HTTP server on 127.0.0.1
// that counts what reaches it, per delivery. What it counts is what the workflow really did, whatever
// n8n's execution list says.
import http from 'node:http';

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
