// `npm start` off the happy path: stopped by SIGINT, SIGTERM or SIGHUP (to it or to npm in front of
// it), started twice, a port taken, --help, no node_modules. n8n is fixtures/fake-n8n.js in a test
// cache, so these run in seconds and download nothing; the real n8n runs in the e2e suite.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import test from 'node:test';

import {
	fakeN8nCache,
	fixtures,
	freePort,
	isAlive,
	isListening,
	projectCopy,
	projectRoot,
	runNode,
	runProcess,
	temporaryFolder,
	waitFor,
} from './helpers.mjs';

const START = 'scripts/start.mjs';
const RUNNING = /n8n 2\.41\.1 is running with n8n-nodes-showpass loaded/;

async function setUp(t) {
	const folder = temporaryFolder(t);
	const ports = {
		port: await freePort(),
		'broker-port': await freePort(),
		'showpass-port': await freePort(),
	};
	const cache = fakeN8nCache(folder);
	return {
		folder,
		ports,
		env: { SHOWPASS_N8N_CACHE: cache },
		args: Object.entries(ports).flatMap(([name, port]) => [`--${name}`, String(port)]),
		pids: () =>
			fs
				.readFileSync(path.join(folder, 'local-n8n', '2.41.1', 'pids'), 'utf8')
				.split('\n')
				.filter(Boolean)
				.map(Number),
		runningFile: path.join(folder, 'local-n8n', 'running.json'),
	};
}

async function assertAllStopped(setup) {
	const pids = setup.pids();
	assert.equal(pids.length, 2, 'n8n and its task runner were started');
	await waitFor(
		'n8n and its task runner to stop',
		() => pids.every((pid) => !isAlive(pid)),
		15_000,
	);
	for (const [name, port] of Object.entries(setup.ports))
		assert.equal(await isListening(port), false, `--${name} ${port} is free again`);
	assert.equal(fs.existsSync(setup.runningFile), false, 'running.json is removed');
}

test('npm start -- --help prints the usage and starts nothing', async (t) => {
	const started = runNode(t, START, ['--help']);
	assert.equal((await started.exited).code, 0);
	for (const option of [
		'--n8n <version>',
		'--port <port>',
		'--broker-port <port>',
		'--showpass-port <port>',
		'--skip-build',
	]) {
		assert.ok(started.output().includes(option), `usage names ${option}`);
	}
	assert.doesNotMatch(started.output(), /Building/);
});

test('an unknown option is named, with the usage', async (t) => {
	const started = runNode(t, START, ['--prot', '5690']);
	assert.equal((await started.exited).code, 2);
	assert.match(started.output(), /Unknown option '--prot'/);
	assert.match(started.output(), /Usage: npm start/);
});

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	test(`${signal} to the process npm start runs stops n8n, its task runner and the stand-in API`, async (t) => {
		const setup = await setUp(t);
		const started = runNode(t, START, ['--skip-build', ...setup.args], setup.env);
		await started.waitForOutput(RUNNING);
		started.child.kill(signal);
		assert.equal((await started.exited).code, 0, started.output());
		await assertAllStopped(setup);
	});

	test(`${signal} to npm itself stops everything npm start started`, async (t) => {
		const setup = await setUp(t);
		const npm = runProcess(t, 'npm', ['start', '--', '--skip-build', ...setup.args], setup.env);
		await npm.waitForOutput(RUNNING);
		npm.child.kill(signal);
		await npm.exited;
		await assertAllStopped(setup);
	});
}

test("npm start keeps the local n8n's address and API key for npm run send, readable by its owner only", async (t) => {
	const setup = await setUp(t);
	const connectionFile = path.join(setup.folder, 'local-n8n', 'connection.json');
	fs.mkdirSync(path.dirname(connectionFile), { recursive: true });
	fs.writeFileSync(connectionFile, '{}', { mode: 0o644 }); // left by an earlier version, readable by all
	const started = runNode(t, START, ['--skip-build', ...setup.args], setup.env);
	await started.waitForOutput(RUNNING);
	const connection = JSON.parse(fs.readFileSync(connectionFile, 'utf8'));
	assert.equal(connection.apiKey, 'fake-api-key');
	assert.equal(connection.n8nUrl, `http://127.0.0.1:${setup.ports.port}`);
	assert.equal(fs.statSync(connectionFile).mode & 0o777, 0o600);
	started.child.kill('SIGTERM');
	await started.exited;
	await assertAllStopped(setup);
});

test('a second npm start says one is running, before building anything, and leaves the first running', async (t) => {
	const setup = await setUp(t);
	const first = runNode(t, START, ['--skip-build', ...setup.args], setup.env);
	await first.waitForOutput(RUNNING);
	// Other ports, so that what stops it is the running instance, not a port check.
	const second = runNode(t, START, ['--port', String(await freePort())], setup.env);
	assert.equal((await second.exited).code, 2);
	assert.match(
		second.output(),
		new RegExp(
			`npm start is already running in this project \\(process ${first.child.pid}: n8n 2\\.41\\.1 on http://127\\.0\\.0\\.1:${setup.ports.port}`,
		),
	);
	assert.match(second.output(), new RegExp(`Ctrl-C in its terminal, or kill ${first.child.pid}`));
	assert.doesNotMatch(second.output(), /Building|EADDRINUSE/);
	assert.equal(
		(await fetch(`http://127.0.0.1:${setup.ports.port}/healthz/readiness`)).status,
		200,
		'the first n8n still answers',
	);
	first.child.kill('SIGTERM');
	await first.exited;
	await assertAllStopped(setup);
});

test('a running.json left by a process that is gone does not block npm start', async (t) => {
	const setup = await setUp(t);
	fs.mkdirSync(path.dirname(setup.runningFile), { recursive: true });
	fs.writeFileSync(
		setup.runningFile,
		JSON.stringify({ pid: 2 ** 22 + 1, version: '2.41.1', url: 'http://127.0.0.1:1' }),
	);
	const started = runNode(t, START, ['--skip-build', ...setup.args], setup.env);
	await started.waitForOutput(RUNNING);
	started.child.kill('SIGTERM');
	await started.exited;
	await assertAllStopped(setup);
});

for (const [option, what] of [
	['port', "n8n's editor and webhooks"],
	['broker-port', "n8n's task runner broker"],
	['showpass-port', 'the stand-in Showpass API'],
]) {
	test(`a taken --${option} is named with how to choose another, before building anything`, async (t) => {
		const setup = await setUp(t);
		const blocker = net.createServer().listen(setup.ports[option], '127.0.0.1');
		t.after(() => blocker.close());
		await new Promise((resolve) => blocker.once('listening', resolve));
		const started = runNode(t, START, setup.args, setup.env);
		assert.equal((await started.exited).code, 2);
		assert.match(
			started.output(),
			new RegExp(`Port ${setup.ports[option]} \\(${what}\\) is already in use by another program`),
		);
		assert.match(
			started.output(),
			new RegExp(`choose another port: npm start -- --${option} \\d+`),
		);
		assert.doesNotMatch(started.output(), /\([^)]*\(/, 'no parentheses inside parentheses');
		assert.doesNotMatch(started.output(), /Building|EADDRINUSE|at .*\.mjs:\d+/);
		assert.equal(fs.existsSync(setup.runningFile), false);
	});
}

test('SIGINT during the first n8n install says it waits for the install, not n8n, and what stopped', async (t) => {
	const folder = temporaryFolder(t);
	const cache = path.join(folder, 'n8n');
	const npmLog = path.join(folder, 'npm.log');
	fs.writeFileSync(npmLog, '');
	const ports = [await freePort(), await freePort(), await freePort()];
	const started = runNode(
		t,
		START,
		[
			'--skip-build',
			'--port',
			String(ports[0]),
			'--broker-port',
			String(ports[1]),
			'--showpass-port',
			String(ports[2]),
		],
		{
			SHOWPASS_N8N_CACHE: cache,
			PATH: `${path.join(fixtures, 'fake-npm')}:${process.env.PATH}`,
			FAKE_NPM_LOG: npmLog,
			FAKE_NPM_HANG_REBUILD: '1',
		},
	);
	await started.waitForOutput(/n8n 2\.41\.1: packages installed after .*; building sqlite3/);
	await waitFor('the sqlite3 build to start', () =>
		fs.readFileSync(npmLog, 'utf8').includes(' rebuild sqlite3'),
	);
	started.child.kill('SIGINT');
	assert.equal((await started.exited).code, 0, started.output());
	const stopping = started.output().slice(started.output().indexOf('Stopping (SIGINT)'));
	assert.match(stopping, /Waiting for the n8n 2\.41\.1 install's sqlite3 build to stop/);
	assert.match(stopping, /n8n 2\.41\.1 install stopped before it finished \(n8n was not started\)/);
	assert.doesNotMatch(stopping, /n8n stopped|Could not start/);
	assert.deepEqual(fs.readdirSync(cache), [], 'no unfinished install or lock is left');
	for (const port of ports)
		assert.equal(await isListening(port), false, `port ${port} is free again`);
});

test('without node_modules, npm start installs the dependencies (npm ci) before building', async (t) => {
	const setup = await setUp(t);
	const project = projectCopy(setup.folder);
	const npmLog = path.join(setup.folder, 'npm.log');
	fs.writeFileSync(npmLog, '');
	const env = {
		...setup.env,
		PATH: `${path.join(fixtures, 'fake-npm')}:${process.env.PATH}`,
		FAKE_NPM_LOG: npmLog,
	};
	const started = runNode(t, path.join(project, START), setup.args, env, project);
	await started.waitForOutput(RUNNING);
	started.child.kill('SIGTERM');
	await started.exited;
	assert.match(
		started.output(),
		/Installing the project's dependencies with npm ci \(.* is not installed/,
	);
	const commands = fs
		.readFileSync(npmLog, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => line.split(' ').slice(2).join(' '));
	assert.deepEqual(commands, ['ci --no-audit --no-fund', 'run build --silent']);
});

test('with node_modules matching package-lock.json, nothing is installed', async (t) => {
	const { staleDependencies } = await import('../../scripts/lib/project-dependencies.mjs');
	assert.deepEqual(staleDependencies(projectRoot), []);
	const project = projectCopy(temporaryFolder(t));
	const stale = staleDependencies(project);
	assert.ok(stale.includes('typescript is not installed'), stale.join('; '));
	const lock = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package-lock.json'), 'utf8'));
	const typescript = lock.packages['node_modules/typescript'].version;
	fs.mkdirSync(path.join(project, 'node_modules', 'typescript'), { recursive: true });
	fs.writeFileSync(
		path.join(project, 'node_modules', 'typescript', 'package.json'),
		JSON.stringify({ version: '0.0.1' }),
	);
	assert.ok(
		staleDependencies(project).includes(
			`typescript 0.0.1 is installed, package-lock.json has ${typescript}`,
		),
	);
});
