// Bounded concurrent load on loopback: runs `count` tasks with at most `concurrency` in flight.
import http from 'node:http';

export async function runPool(count, concurrency, task) {
	const results = new Array(count);
	let next = 0;
	async function worker() {
		while (next < count) {
			const index = next++;
			try {
				results[index] = await task(index);
			} catch (error) {
				results[index] = { status: 0, error: error.message };
			}
		}
	}
	await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
	return results;
}

/** A raw HTTP request, for what fetch will not send (repeated headers, odd methods, no content type). */
export function rawRequest(url, { method = 'POST', headers = {}, body } = {}) {
	return new Promise((resolve) => {
		const request = http.request(url, { method, headers, timeout: 30_000 }, (response) => {
			const chunks = [];
			response.on('data', (chunk) => chunks.push(chunk));
			response.on('end', () => resolve({ status: response.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
			response.on('error', (error) => resolve({ status: 0, error: error.message }));
		});
		request.on('timeout', () => request.destroy(new Error('timeout')));
		request.on('error', (error) => resolve({ status: 0, error: error.message }));
		if (body !== undefined) request.write(body);
		request.end();
	});
}

export function countBy(values, key) {
	const counts = {};
	for (const value of values) counts[key(value)] = (counts[key(value)] ?? 0) + 1;
	return counts;
}
