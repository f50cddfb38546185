#!/usr/bin/env node
// `npm run send`: signs and posts Showpass deliveries exactly as Showpass does; with --wait, also
// waits for the executions they started and prints each one's status and last node's output.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EVENT_TYPES, buildDelivery, loadFixture, postDelivery } from './lib/deliveries.mjs';
import {
	describeExecution,
	executionSucceeded,
	newestExecutionId,
	publicApi,
	waitForDeliveryExecutions,
} from './lib/delivery-execution.mjs';
import { cacheRoot } from './lib/n8n-versions.mjs';

const DEFAULT_WAIT_SECONDS = 30;

const HELP = `Usage: npm run send -- [options]

  --event <type>       ${EVENT_TYPES.join(', ')} (default invoice.purchase)
  --file <path>        a delivery JSON file to send instead of the built-in sample
                       (its event_type is kept unless --event is given)
  --url <url>          where to send (default: the Production URL printed by npm start)
  --secret <key>       the Secret Key to sign with (default: npm start's demo key)
  --wrong-signature    sign with a wrong key, as a forger would
  --no-signature       send without the X-SHOWPASS-SIGNATURE header
  --repeat             send each delivery twice with the same webhook_event_uuid, as a Showpass resend
  --uuid <uuid>        use this webhook_event_uuid instead of a fresh one
  --count <n>          send n deliveries (each with its own webhook_event_uuid)
  --legacy             use the older published sample (numbers, capitalised enums)
  --wait               wait for the execution each accepted delivery started and print its status
                       and the last node's output, through n8n's public API (the key npm start
                       stores; for another n8n set N8N_API_KEY)
  --wait-timeout <s>   give up waiting after s seconds (default ${DEFAULT_WAIT_SECONDS})
`;

async function main() {
	const { values } = parseArgs({
		options: {
			event: { type: 'string' },
			file: { type: 'string' },
			url: { type: 'string' },
			secret: { type: 'string' },
			'wrong-signature': { type: 'boolean', default: false },
			'no-signature': { type: 'boolean', default: false },
			repeat: { type: 'boolean', default: false },
			uuid: { type: 'string' },
			count: { type: 'string', default: '1' },
			legacy: { type: 'boolean', default: false },
			wait: { type: 'boolean', default: false },
			'wait-timeout': { type: 'string', default: String(DEFAULT_WAIT_SECONDS) },
			help: { type: 'boolean', default: false },
		},
	});
	if (values.help) return console.log(HELP);
	const connectionFile = path.join(cacheRoot(), '..', 'local-n8n', 'connection.json');
	const local = fs.existsSync(connectionFile) ? JSON.parse(fs.readFileSync(connectionFile, 'utf8')) : {};
	const url = values.url ?? local.productionUrl;
	if (!url) throw new Error('no --url given and no local n8n found: run `npm start` first, or pass --url');
	const secretKey = values.secret ?? local.secretKey;
	if (!secretKey && !values['no-signature']) throw new Error('no --secret given and no local n8n found');
	if (values.event && !EVENT_TYPES.includes(values.event)) {
		throw new Error(`--event must be one of ${EVENT_TYPES.join(', ')}`);
	}
	const count = Number(values.count);
	if (!Number.isInteger(count) || count < 1 || count > 10_000) throw new Error('--count must be between 1 and 10000');
	const waitSeconds = Number(values['wait-timeout']);
	if (!(waitSeconds > 0 && waitSeconds <= 3600)) throw new Error('--wait-timeout must be a number of seconds (up to 3600)');
	// Read before sending, so that only executions the deliveries started count.
	const waiting = values.wait ? await startWaiting(url, local) : undefined;

	const base = values.file ? loadFixture(values.file) : loadFixture(values.legacy ? 'invoice.purchase.legacy' : 'invoice.purchase');
	const eventType = values.event ?? (values.file ? base.event_type : 'invoice.purchase');
	let failures = 0;
	for (let index = 0; index < count; index++) {
		const delivery = buildDelivery(eventType, { base, uuid: values.uuid });
		const signing = values['no-signature']
			? {}
			: { secretKey: values['wrong-signature'] ? `${secretKey}-wrong` : secretKey };
		for (let attempt = 0; attempt < (values.repeat ? 2 : 1); attempt++) {
			const reply = await postDelivery(url, delivery, signing);
			if (reply.status >= 300) failures++;
			console.log(
				`${eventType} ${delivery.webhook_event_uuid}${attempt ? ' (resend)' : ''} → HTTP ${reply.status} ${reply.text}`,
			);
			if (!waiting) continue;
			if (reply.status === 200 && reply.json?.status === 'accepted') waiting.uuids.push(delivery.webhook_event_uuid);
			else console.log('  no execution to wait for: only a 200 "accepted" answer starts one');
		}
	}
	process.exitCode = failures && !values['wrong-signature'] && !values['no-signature'] ? 1 : 0;
	if (waiting && !(await printExecutions(waiting, waitSeconds))) process.exitCode = 1;
}

/** What --wait needs: n8n's public API (the delivery URL's n8n), its newest execution before sending. */
async function startWaiting(url, local) {
	const n8nUrl = new URL(url).origin;
	const apiKey = process.env.N8N_API_KEY || (local.n8nUrl === n8nUrl ? local.apiKey : undefined);
	if (!apiKey) {
		throw new Error(
			`--wait reads executions through n8n's public API and needs its API key: npm start stores one for its n8n; for ${n8nUrl} set N8N_API_KEY`,
		);
	}
	const api = publicApi(n8nUrl, apiKey);
	return { n8nUrl, api, afterId: await newestExecutionId(api), uuids: [] };
}

/** Waits for the accepted deliveries' executions and prints them; resolves whether each one ran and succeeded. */
async function printExecutions({ n8nUrl, api, afterId, uuids }, waitSeconds) {
	if (uuids.length === 0) {
		console.log('Nothing to wait for: no delivery was accepted, so none started an execution.');
		return true;
	}
	console.log(`Waiting up to ${waitSeconds} s for the execution${uuids.length === 1 ? '' : 's'} in n8n...`);
	const found = await waitForDeliveryExecutions(api, uuids, { afterId, timeoutMs: waitSeconds * 1000 });
	let allSucceeded = true;
	for (const uuid of uuids) {
		const execution = found.get(uuid);
		if (!execution) {
			allSucceeded = false;
			console.log(
				`${uuid}: n8n listed no execution of it within ${waitSeconds} s (still running, or n8n does not save ` +
					'successful executions: EXECUTIONS_DATA_SAVE_ON_SUCCESS); --wait-timeout waits longer',
			);
			continue;
		}
		if (!executionSucceeded(execution)) allSucceeded = false;
		console.log(`${uuid}:`);
		for (const line of describeExecution(execution, n8nUrl)) console.log(line);
	}
	return allSucceeded;
}

main().catch((error) => {
	console.error(`send: ${error.cause?.code === 'ECONNREFUSED' ? `nothing is listening at the URL (is npm start running?)` : error.message}`);
	process.exit(1);
});
