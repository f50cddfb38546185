#!/usr/bin/env node
// `npm start`: builds the package and starts a local n8n on 127.0.0.1 with it loaded, an owner
// account, demo credentials and two example workflows active: Showpass Trigger → summary, and
// refund → the invoice's tickets (Showpass node) → summary, the latter against a stand-in Showpass
// API on 127.0.0.1 (Showpass itself is not reachable from a development machine's tests).
// Ctrl-C stops both. Options: --n8n <version> (default 2.41.1), --port <port> (default 5678),
// --showpass-port <port> (stand-in Showpass API, default 5681).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { N8nInstance, OWNER } from './lib/n8n-instance.mjs';
import { DEFAULT_VERSION, N8N_VERSIONS, cacheRoot, projectRoot } from './lib/n8n-versions.mjs';
import { DEMO_WEBHOOK_ID, DEMO_WORKFLOW_NAME, exampleWorkflow, refundExampleWorkflow } from './lib/example-workflow.mjs';
import { ShowpassApiStub } from './lib/showpass-api-stub.mjs';

export const DEMO_SECRET = 'showpass-demo-secret';
const DEMO_API_TOKEN = 'showpass-demo-api-token';
const DEMO_ORGANIZATION_ID = '5796';
export const CONNECTION_FILE = path.join(cacheRoot(), '..', 'local-n8n', 'connection.json');

async function main() {
	const { values } = parseArgs({
		options: {
			n8n: { type: 'string', default: DEFAULT_VERSION },
			port: { type: 'string', default: '5678' },
			'showpass-port': { type: 'string', default: '5681' },
		},
	});
	if (!N8N_VERSIONS[values.n8n]) {
		throw new Error(`--n8n must be one of ${Object.keys(N8N_VERSIONS).join(', ')}`);
	}
	console.log('Building n8n-nodes-showpass...');
	const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: projectRoot, stdio: 'inherit' });
	if (build.status !== 0) throw new Error('the build failed (see above)');

	const showpass = await new ShowpassApiStub({
		token: DEMO_API_TOKEN,
		organizationId: DEMO_ORGANIZATION_ID,
		autoInvoices: true,
	}).start(Number(values['showpass-port']));
	const userFolder = path.join(path.dirname(CONNECTION_FILE), values.n8n);
	const n8n = await N8nInstance.start({
		version: values.n8n,
		userFolder,
		port: Number(values.port),
		log: (line) => console.log(line),
	});
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n...');
		await n8n.stop();
		await showpass.stop();
		console.log('n8n stopped.');
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);

	await n8n.setUpOwnerAndApiKey();
	const existing = (await n8n.api('GET', '/workflows?limit=100')).data;
	const named = (name) => existing.find((candidate) => candidate.name === name);
	let workflow = named(DEMO_WORKFLOW_NAME);
	let refundWorkflow = named(refundExampleWorkflow.name);
	if (!workflow || !refundWorkflow) {
		const webhookCredential = await n8n.createCredential('Showpass demo', 'showpassWebhookApi', { secretKey: DEMO_SECRET });
		const apiCredential = await n8n.createCredential('Showpass API (local stand-in)', 'showpassApi', showpass.credentialData());
		workflow ??= await n8n.createWorkflow(exampleWorkflow(webhookCredential));
		refundWorkflow ??= await n8n.createWorkflow(refundExampleWorkflow.build(webhookCredential, apiCredential));
	}
	for (const candidate of [workflow, refundWorkflow]) if (!candidate.active) await n8n.activateWorkflow(candidate.id);
	const refundUrl = n8n.webhookUrl(refundExampleWorkflow.webhookId);

	const productionUrl = n8n.webhookUrl(DEMO_WEBHOOK_ID);
	fs.writeFileSync(CONNECTION_FILE, JSON.stringify({ productionUrl, refundUrl, secretKey: DEMO_SECRET, version: values.n8n }, null, 2));
	console.log(`
n8n ${values.n8n} is running with n8n-nodes-showpass loaded.

  Editor:          ${n8n.baseUrl}/workflow/${workflow.id}
  Login:           ${OWNER.email} / ${OWNER.password}
  Production URL:  ${productionUrl}
  Test URL:        ${n8n.webhookUrl(DEMO_WEBHOOK_ID, 'test')}
  Demo secret key: ${DEMO_SECRET}  (in the "Showpass demo" credential)

Send a signed sample delivery from another terminal:
  npm run send -- --event invoice.purchase

The second workflow uses the Showpass node against a stand-in Showpass API (${showpass.baseUrl}):
  ${n8n.baseUrl}/workflow/${refundWorkflow.id}
  npm run send -- --event invoice.refund --url ${refundUrl}

Press Ctrl-C to stop n8n.`);
	n8n.exited.then(({ code, signal }) => {
		if (stopping) return;
		console.error(`n8n exited unexpectedly (${code ?? signal}); see ${n8n.logFile}`);
		process.exit(1);
	});
}

main().catch((error) => {
	console.error(`\nCould not start the local n8n: ${error.message}`);
	process.exit(1);
});
