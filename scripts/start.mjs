#!/usr/bin/env node
// `npm start`: builds the package and starts a local n8n on 127.0.0.1 with it loaded, an owner
// account, demo credentials and two example workflows active: Showpass Trigger → summary, and
// refund → the invoice's tickets (Showpass node) → summary, the latter against a stand-in Showpass
// API on 127.0.0.1 (Showpass itself is not reachable from a development machine's tests).
// Before building anything it checks that no other `npm start` runs here and that its ports are free.
// Ctrl-C, SIGTERM, SIGHUP (or npm in front of it going away) stop everything it started.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { N8nInstance, OWNER } from './lib/n8n-instance.mjs';
import { DEFAULT_VERSION, N8N_VERSIONS, cacheRoot, projectRoot } from './lib/n8n-versions.mjs';
import { DEMO_WEBHOOK_ID, DEMO_WORKFLOW_NAME, exampleWorkflow, refundExampleWorkflow } from './lib/example-workflow.mjs';
import { ShowpassApiStub } from './lib/showpass-api-stub.mjs';
import { isAlive, onTermination, spawnGroup } from './lib/processes.mjs';
import { stopRunningInstall } from './install-n8n.mjs';
import { ensureDependencies } from './lib/project-dependencies.mjs';

export const DEMO_SECRET = 'showpass-demo-secret';
const DEMO_API_TOKEN = 'showpass-demo-api-token';
const DEMO_ORGANIZATION_ID = '5796';
export const CONNECTION_FILE = path.join(cacheRoot(), '..', 'local-n8n', 'connection.json');
const RUNNING_FILE = path.join(path.dirname(CONNECTION_FILE), 'running.json');

const OPTIONS = {
	n8n: { type: 'string', default: DEFAULT_VERSION, help: `n8n version: ${Object.keys(N8N_VERSIONS).join(' or ')}` },
	port: { type: 'string', default: '5678', help: "n8n's editor and webhooks", port: true },
	'broker-port': { type: 'string', default: '5679', help: "n8n's task runner broker", port: true },
	'showpass-port': { type: 'string', default: '5681', help: 'the stand-in Showpass API', port: true },
	'skip-build': { type: 'boolean', default: false, help: 'use dist/ as it is (e.g. while `npm run dev` rebuilds it)' },
	help: { type: 'boolean', short: 'h', default: false, help: 'show this help' },
};

const USAGE = `Usage: npm start [-- options]

Builds n8n-nodes-showpass and starts a local n8n on 127.0.0.1 with it loaded, an owner account, demo
credentials and two example workflows active, plus a stand-in Showpass API. Ctrl-C stops everything.

Options:
${Object.entries(OPTIONS)
	.map(([name, option]) => {
		const flag = `${option.short ? `-${option.short}, ` : ''}--${name}${option.type === 'string' ? (option.port ? ' <port>' : ' <version>') : ''}`;
		const fallback = option.type === 'string' ? ` (default ${option.default})` : '';
		return `  ${flag.padEnd(26)}${option.port ? `port of ${option.help}` : option.help}${fallback}`;
	})
	.join('\n')}

Example: npm start -- --n8n 1.123.81 --port 5688`;

class UsageError extends Error {}

function parseOptions() {
	try {
		const { values } = parseArgs({
			options: Object.fromEntries(
				Object.entries(OPTIONS).map(([name, { type, short, default: fallback }]) => [
					name,
					short ? { type, short, default: fallback } : { type, default: fallback },
				]),
			),
		});
		if (!N8N_VERSIONS[values.n8n]) throw new UsageError(`--n8n must be one of ${Object.keys(N8N_VERSIONS).join(', ')}`);
		for (const [name, option] of Object.entries(OPTIONS)) {
			if (!option.port) continue;
			const port = Number(values[name]);
			if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--${name} must be a port number (1–65535)`);
			values[name] = port;
		}
		return values;
	} catch (error) {
		throw Object.assign(new UsageError(error.message), { showUsage: true });
	}
}

/** Claims this checkout's one `npm start`; says who has it when another one runs. */
function claimRunningFile(values) {
	fs.mkdirSync(path.dirname(RUNNING_FILE), { recursive: true });
	const mine = { pid: process.pid, version: values.n8n, url: `http://127.0.0.1:${values.port}`, started: new Date().toISOString() };
	for (;;) {
		try {
			fs.writeFileSync(RUNNING_FILE, JSON.stringify(mine), { flag: 'wx' });
			process.once('exit', () => {
				const current = readRunningFile();
				if (current?.pid === process.pid) fs.rmSync(RUNNING_FILE, { force: true });
			});
			return;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
		}
		const other = readRunningFile();
		if (other && isAlive(other.pid)) {
			throw new UsageError(
				`npm start is already running in this project (process ${other.pid}: n8n ${other.version} on ${other.url}, since ${other.started}).\n` +
					`Use that one, or stop it first: Ctrl-C in its terminal, or kill ${other.pid}.`,
			);
		}
		fs.rmSync(RUNNING_FILE, { force: true });
	}
}

function readRunningFile() {
	try {
		return JSON.parse(fs.readFileSync(RUNNING_FILE, 'utf8'));
	} catch {
		return undefined;
	}
}

function isPortFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

async function freePortFrom(port, taken) {
	for (let candidate = port + 10; candidate < 65535; candidate++) {
		if (!taken.includes(candidate) && (await isPortFree(candidate))) return candidate;
	}
	return port + 10;
}

/** Every port npm start needs must be free and distinct; otherwise names the port and the option that moves it. */
async function checkPorts(values) {
	const ports = Object.entries(OPTIONS).filter(([, option]) => option.port);
	const chosen = ports.map(([name]) => values[name]);
	for (const [name, option] of ports) {
		const port = values[name];
		const twice = ports.find(([other]) => other !== name && values[other] === port);
		if (twice) throw new UsageError(`--${name} and --${twice[0]} are both ${port}; give each its own port.`);
		if (!(await isPortFree(port))) {
			const suggestion = await freePortFrom(port, chosen);
			throw new UsageError(
				`Port ${port} (${option.help}) is already in use by another program.\n` +
					`Stop that program, or choose another port: npm start -- --${name} ${suggestion}`,
			);
		}
	}
}

/** Writes a new file with mode 0600 (an existing file is replaced, not rewritten, so it never keeps wider permissions). */
function writeOwnerOnly(file, text) {
	fs.rmSync(file, { force: true });
	fs.writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
}

function runStep(command, args) {
	return new Promise((resolve, reject) => {
		const child = spawnGroup(command, args, { cwd: projectRoot, stdio: 'inherit' });
		child.once('error', reject);
		child.once('exit', (code, signal) => resolve(code === 0 && !signal));
	});
}

let n8n;
let showpass;
let stopping = false;

/** Stops what has been started so far, saying what it waits for (an n8n install, n8n) and what stopped. */
async function stopEverything(reason) {
	if (stopping) return;
	stopping = true;
	console.log(`\nStopping (${reason})...`);
	const stoppedInstall = await stopRunningInstall((line) => console.log(line));
	if (n8n?.child) {
		console.log(`Waiting for n8n ${n8n.version} to stop...`);
		await n8n.stop();
		console.log('n8n stopped.');
	} else if (!stoppedInstall) {
		console.log('Stopped before n8n was started.');
	}
	await showpass?.stop();
	process.exit(0);
}

async function main() {
	const values = parseOptions();
	if (values.help) {
		console.log(USAGE);
		return;
	}
	claimRunningFile(values);
	await checkPorts(values);
	onTermination(stopEverything);
	ensureDependencies();
	if (!values['skip-build']) {
		console.log('Building n8n-nodes-showpass...');
		if (!(await runStep('npm', ['run', 'build', '--silent']))) throw new Error('the build failed (see above)');
	}

	showpass = await new ShowpassApiStub({
		token: DEMO_API_TOKEN,
		organizationId: DEMO_ORGANIZATION_ID,
		autoInvoices: true,
	}).start(values['showpass-port']);
	const userFolder = path.join(path.dirname(CONNECTION_FILE), values.n8n);
	n8n = await N8nInstance.prepare({
		version: values.n8n,
		userFolder,
		port: values.port,
		brokerPort: values['broker-port'],
		log: (line) => console.log(line),
	});
	if (stopping) return;
	await n8n.launch((line) => console.log(line));

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
	// For `npm run send` (--wait reads executions with the API key): readable by this user only.
	writeOwnerOnly(
		CONNECTION_FILE,
		JSON.stringify({ productionUrl, refundUrl, secretKey: DEMO_SECRET, version: values.n8n, n8nUrl: n8n.baseUrl, apiKey: n8n.apiKey }, null, 2),
	);
	console.log(`
n8n ${values.n8n} is running with n8n-nodes-showpass loaded.

  Editor:          ${n8n.baseUrl}/workflow/${workflow.id}
  Login:           ${OWNER.email} / ${OWNER.password}
  Production URL:  ${productionUrl}
  Test URL:        ${n8n.webhookUrl(DEMO_WEBHOOK_ID, 'test')}
  Demo secret key: ${DEMO_SECRET}  (in the "Showpass demo" credential)

Send a signed sample delivery from another terminal (--wait also prints what the workflow made of it):
  npm run send -- --event invoice.purchase --wait

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
	if (stopping) return;
	if (error instanceof UsageError) {
		console.error(`\n${error.message}`);
		if (error.showUsage) console.error(`\n${USAGE}`);
		process.exit(2);
	}
	console.error(`\nCould not start the local n8n: ${error.message}`);
	process.exit(1);
});
