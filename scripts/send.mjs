#!/usr/bin/env node
// `npm run send`: signs and posts Showpass deliveries exactly as Showpass does.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EVENT_TYPES, buildDelivery, loadFixture, postDelivery } from './lib/deliveries.mjs';
import { cacheRoot } from './lib/n8n-versions.mjs';

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
		}
	}
	process.exitCode = failures && !values['wrong-signature'] && !values['no-signature'] ? 1 : 0;
}

main().catch((error) => {
	console.error(`send: ${error.cause?.code === 'ECONNREFUSED' ? `nothing is listening at the URL (is npm start running?)` : error.message}`);
	process.exit(1);
});
