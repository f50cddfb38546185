// `npm test` (scripts/test-all.mjs) stops at the first failed prerequisite and says what to run; it
// installs the project's dependencies first when they are missing. npm is fixtures/fake-npm.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';

import { fixtures, isAlive, projectCopy, runNode, temporaryFolder, waitFor } from './helpers.mjs';

async function runTestAll(t, failingScript) {
	const folder = temporaryFolder(t);
	const project = projectCopy(folder);
	const npmLog = path.join(folder, 'npm.log');
	fs.writeFileSync(npmLog, '');
	const env = {
		PATH: `${path.join(fixtures, 'fake-npm')}:${process.env.PATH}`,
		FAKE_NPM_LOG: npmLog,
		FAKE_NPM_FAIL_RUN: failingScript,
	};
	const run = runNode(t, path.join(project, 'scripts', 'test-all.mjs'), [], env, project);
	const { code } = await run.exited;
	const commands = fs
		.readFileSync(npmLog, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => line.split(' ').slice(2).join(' '));
	return { code, output: run.output(), commands };
}

test('a failed build stops npm test before any n8n suite, saying what to run', async (t) => {
	const { code, output, commands } = await runTestAll(t, 'build');
	assert.equal(code, 1);
	assert.match(output, /Installing the project's dependencies with npm ci/);
	assert.match(output, /=== build: FAILED/);
	assert.match(
		output,
		/Stopped: the build failed, so the n8n suites cannot pass\. .*`npm run build`/,
	);
	assert.deepEqual(commands, ['ci --no-audit --no-fund', 'run build --silent']);
});

test('failed unit tests stop npm test before any n8n suite', async (t) => {
	const { code, output, commands } = await runTestAll(t, 'test:unit');
	assert.equal(code, 1);
	assert.match(output, /`npm run test:unit`/);
	assert.deepEqual(commands.slice(1), [
		'run build --silent',
		'run test:scripts --silent',
		'run test:unit --silent',
	]);
});

test('with the prerequisites passing, every n8n suite runs and a failed one is named', async (t) => {
	const { code, output, commands } = await runTestAll(t, 'test:e2e');
	assert.equal(code, 1);
	assert.deepEqual(commands.slice(-3), [
		'run test:e2e --silent',
		'run test:browser --silent',
		'run test:reliability --silent',
	]);
	assert.match(output, /Failed: rerun alone with npm run test:e2e\./);
});

test('SIGTERM to npm test stops the running suite and what it started', async (t) => {
	const folder = temporaryFolder(t);
	const project = projectCopy(folder);
	const npmLog = path.join(folder, 'npm.log');
	fs.writeFileSync(npmLog, '');
	const env = {
		PATH: `${path.join(fixtures, 'fake-npm')}:${process.env.PATH}`,
		FAKE_NPM_LOG: npmLog,
		FAKE_NPM_HANG_RUN: 'test:e2e',
	};
	const run = runNode(t, path.join(project, 'scripts', 'test-all.mjs'), [], env, project);
	const suite = await waitFor('the end-to-end suite to start', () =>
		fs
			.readFileSync(npmLog, 'utf8')
			.split('\n')
			.map((line) => line.split(' '))
			.find((fields) => fields[3] === 'test:e2e'),
	);
	const [suitePid, suiteChildPid] = suite.map(Number);
	run.child.kill('SIGTERM');
	const { code } = await run.exited;
	assert.equal(code, 143);
	assert.match(run.output(), /npm test stopped \(SIGTERM\)/);
	await waitFor(
		'the suite and its child to stop',
		() => !isAlive(suitePid) && !isAlive(suiteChildPid),
		15_000,
	);
});
