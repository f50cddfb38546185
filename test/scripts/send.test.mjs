// `npm run send -- --wait` against a stand-in n8n on 127.0.0.1: its webhook answers as the trigger does,
// and its public API lists executions as n8n does (newest first, with data, only once they stopped
// running). The real n8n is driven by test/e2e/send-wait.e2e.test.mjs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import test from 'node:test';

import { runNode, temporaryFolder } from './helpers.mjs';

const SEND = 'scripts/send.mjs';
const API_KEY = 'stand-in-api-key';

/**
 * A stand-in n8n. `answer(delivery)` is the webhook's answer; `execution(delivery, id)` the execution a
 * delivery starts (undefined: none is ever listed). Each execution is listed from the second poll on.
 */
async function standInN8n(t, { answer, execution = () => undefined }) {
	const requests = [];
	const executions = [
		{ id: '7', workflowId: 'old', status: 'success', data: { resultData: { runData: {} } } },
	];
	const server = http.createServer((request, response) => {
		let body = '';
		request.on('data', (chunk) => (body += chunk));
		request.on('end', () => {
			const url = new URL(request.url, 'http://127.0.0.1');
			requests.push({
				method: request.method,
				path: url.pathname,
				apiKey: request.headers['x-n8n-api-key'],
			});
			const send = (status, json) =>
				response
					.writeHead(status, { 'content-type': 'application/json' })
					.end(JSON.stringify(json));
			if (request.method === 'POST' && url.pathname === '/webhook/demo/webhook') {
				const delivery = JSON.parse(body);
				const made = execution(delivery, String(8 + executions.length));
				if (made) executions.push({ ...made, listedFromPoll: pollsOf() + 2 });
				return send(200, answer(delivery));
			}
			if (request.method === 'GET' && url.pathname === '/api/v1/executions') {
				if (request.headers['x-n8n-api-key'] !== API_KEY)
					return send(401, { message: 'unauthorized' });
				const limit = Number(url.searchParams.get('limit'));
				const listed = executions.filter((candidate) => !(candidate.listedFromPoll > pollsOf()));
				return send(200, { data: listed.toReversed().slice(0, limit), nextCursor: null });
			}
			send(404, { message: 'not found' });
		});
	});
	const pollsOf = () => requests.filter((request) => request.path === '/api/v1/executions').length;
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	t.after(() => new Promise((resolve) => server.close(resolve)));
	return { url: `http://127.0.0.1:${server.address().port}`, requests, executionPolls: pollsOf };
}

/** The connection file npm start writes, in a test cache folder (SHOWPASS_N8N_CACHE=<folder>/n8n). */
function localN8n(t, n8nUrl) {
	const folder = temporaryFolder(t);
	fs.mkdirSync(path.join(folder, 'local-n8n'));
	fs.writeFileSync(
		path.join(folder, 'local-n8n', 'connection.json'),
		JSON.stringify({
			productionUrl: `${n8nUrl}/webhook/demo/webhook`,
			secretKey: 'demo-secret',
			n8nUrl,
			apiKey: API_KEY,
		}),
	);
	return { SHOWPASS_N8N_CACHE: path.join(folder, 'n8n'), N8N_API_KEY: '' };
}

const accepted = (delivery) => ({
	status: 'accepted',
	webhook_event_uuid: delivery.webhook_event_uuid,
});

function ranThrough(delivery, id, { status = 'success', error } = {}) {
	return {
		id,
		workflowId: 'wf1',
		status,
		finished: status === 'success',
		data: {
			resultData: {
				lastNodeExecuted: 'Summary',
				...(error ? { error: { message: error, node: { name: 'Summary' } } } : {}),
				runData: {
					'Showpass Trigger': [{ data: { main: [[{ json: delivery }]] } }],
					Summary: [
						{
							data: {
								main: [
									[{ json: { summary: `${delivery.event_type}: ${delivery.data.customer_name}` } }],
								],
							},
						},
					],
				},
			},
		},
	};
}

test("--wait prints the status and the last node's output of the execution the delivery started", async (t) => {
	const n8n = await standInN8n(t, {
		answer: accepted,
		execution: (delivery, id) => ranThrough(delivery, id),
	});
	const sent = runNode(t, SEND, ['--wait'], localN8n(t, n8n.url));
	assert.equal((await sent.exited).code, 0, sent.output());
	const output = sent.output();
	assert.match(output, /HTTP 200 .*accepted/);
	assert.match(output, new RegExp(`execution 9: success — ${n8n.url}/workflow/wf1/executions/9`));
	assert.match(
		output,
		/last node: Summary → 1 item\n\s+\{\n\s+"summary": "invoice\.purchase: No Name"/,
	);
	assert.ok(n8n.executionPolls() >= 2, 'it polled until the execution was listed');
	assert.ok(
		n8n.requests
			.filter((request) => request.path.startsWith('/api/'))
			.every((request) => request.apiKey === API_KEY),
	);
});

test("--wait says when the execution failed, with n8n's error, and exits 1", async (t) => {
	const n8n = await standInN8n(t, {
		answer: accepted,
		execution: (delivery, id) =>
			ranThrough(delivery, id, {
				status: 'error',
				error: 'Showpass found nothing at this address (404)',
			}),
	});
	const sent = runNode(t, SEND, ['--wait'], localN8n(t, n8n.url));
	assert.equal((await sent.exited).code, 1, sent.output());
	assert.match(sent.output(), /execution 9: error/);
	assert.match(sent.output(), /error in Summary: Showpass found nothing at this address \(404\)/);
});

test('--wait with a resend waits only for the accepted delivery and says the duplicate started nothing', async (t) => {
	const seen = new Set();
	const n8n = await standInN8n(t, {
		answer: (delivery) =>
			seen.has(delivery.webhook_event_uuid)
				? { status: 'duplicate' }
				: (seen.add(delivery.webhook_event_uuid), accepted(delivery)),
		execution: (delivery, id) =>
			seen.has(delivery.webhook_event_uuid) ? undefined : ranThrough(delivery, id),
	});
	const sent = runNode(t, SEND, ['--repeat', '--wait'], localN8n(t, n8n.url));
	assert.equal((await sent.exited).code, 0, sent.output());
	assert.match(sent.output(), /\(resend\) → HTTP 200 .*duplicate.*\n\s+no execution to wait for/);
	assert.equal(sent.output().match(/execution 9: success/g).length, 1);
});

test('--wait after an answer that starts nothing says so at once, without polling n8n', async (t) => {
	const n8n = await standInN8n(t, {
		answer: () => ({ status: 'ignored', message: 'Event type not selected.' }),
	});
	const sent = runNode(t, SEND, ['--wait'], localN8n(t, n8n.url));
	assert.equal((await sent.exited).code, 0, sent.output());
	assert.match(sent.output(), /Nothing to wait for: no delivery was accepted/);
	assert.equal(n8n.executionPolls(), 1, 'only the look-up of the newest execution before sending');
});

test('--wait gives up after --wait-timeout when no execution is listed, and says why it may be', async (t) => {
	const n8n = await standInN8n(t, { answer: accepted });
	const sent = runNode(t, SEND, ['--wait', '--wait-timeout', '1'], localN8n(t, n8n.url));
	assert.equal((await sent.exited).code, 1, sent.output());
	assert.match(sent.output(), /n8n listed no execution of it within 1 s/);
	assert.match(sent.output(), /EXECUTIONS_DATA_SAVE_ON_SUCCESS/);
});

test('--wait without an API key for that n8n says how to get one, before sending', async (t) => {
	const n8n = await standInN8n(t, { answer: accepted });
	const sent = runNode(
		t,
		SEND,
		['--wait', '--url', `${n8n.url}/webhook/demo/webhook`, '--secret', 'key'],
		{
			SHOWPASS_N8N_CACHE: path.join(temporaryFolder(t), 'n8n'),
			N8N_API_KEY: '',
		},
	);
	assert.equal((await sent.exited).code, 1, sent.output());
	assert.match(sent.output(), /needs its API key: npm start stores one .* set N8N_API_KEY/);
	assert.equal(n8n.requests.length, 0);
});

test('without --wait, send posts the delivery and asks n8n nothing else', async (t) => {
	const n8n = await standInN8n(t, {
		answer: accepted,
		execution: (delivery, id) => ranThrough(delivery, id),
	});
	const sent = runNode(t, SEND, [], localN8n(t, n8n.url));
	assert.equal((await sent.exited).code, 0, sent.output());
	assert.deepEqual(
		n8n.requests.map((request) => `${request.method} ${request.path}`),
		['POST /webhook/demo/webhook'],
	);
	assert.doesNotMatch(sent.output(), /execution|Waiting/);
});
