// End-to-end: `npm run send -- --wait` against a real n8n of each pinned version running npm start's
// example workflow (Showpass Trigger → Summary): the execution is found through n8n's public API and its
// last node's output printed, as the README shows.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

import { N8nInstance } from '../../scripts/lib/n8n-instance.mjs';
import { projectRoot, testedVersions } from '../../scripts/lib/n8n-versions.mjs';
import { removeOnExit } from '../../scripts/lib/processes.mjs';
import { DEMO_WEBHOOK_ID, exampleWorkflow } from '../../scripts/lib/example-workflow.mjs';

const SECRET_KEY = 'e2e-send-wait-secret-5d21';
const SAMPLE_SUMMARY = 'invoice.purchase: No Name <example@showpass.com>, 1 ticket(s) for Scanning, 5.20 CAD';

for (const version of testedVersions()) {
	describe(`npm run send -- --wait on n8n ${version}`, { timeout: 10 * 60_000 }, () => {
		let n8n;
		let send;

		before(async () => {
			n8n = await N8nInstance.start({ version, log: (line) => console.log(`# ${line}`) });
			await n8n.setUpOwnerAndApiKey();
			const credential = await n8n.createCredential('Showpass demo', 'showpassWebhookApi', { secretKey: SECRET_KEY });
			const workflow = await n8n.createWorkflow(exampleWorkflow(credential));
			await n8n.activateWorkflow(workflow.id);
			// No npm start here: the URL, the key and the API key are given, as for any other n8n.
			const noLocalN8n = path.join(removeOnExit(fs.mkdtempSync(path.join(os.tmpdir(), 'showpass-send-'))), 'n8n');
			send = async (...args) => {
				const { stdout } = await promisify(execFile)(
					process.execPath,
					['scripts/send.mjs', '--url', n8n.webhookUrl(DEMO_WEBHOOK_ID), '--secret', SECRET_KEY, ...args],
					{ cwd: projectRoot, env: { ...process.env, N8N_API_KEY: n8n.apiKey, SHOWPASS_N8N_CACHE: noLocalN8n }, timeout: 120_000 },
				);
				return stdout;
			};
		});

		after(async () => {
			await n8n?.stop();
		});

		it('prints the execution the delivery started, its status and the Summary node\'s output', async () => {
			const uuid = crypto.randomUUID();
			const output = await send('--uuid', uuid, '--wait');
			assert.match(output, /HTTP 200 .*"accepted"/);
			assert.match(output, new RegExp(`${uuid}:\\n  execution \\d+: success — ${n8n.baseUrl}/workflow/\\w+/executions/\\d+`));
			assert.match(output, /last node: Summary → 1 item/);
			assert.ok(output.includes(`"summary": "${SAMPLE_SUMMARY}`), output);

			const resend = await send('--uuid', uuid, '--wait');
			assert.match(resend, /HTTP 200 .*"duplicate"/);
			assert.match(resend, /Nothing to wait for: no delivery was accepted/);
		});
	});
}
