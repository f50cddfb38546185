#!/usr/bin/env node
// `npm test`: unit tests (jest), end-to-end tests against real n8n 2.x and 1.x (both nodes and the
// example workflows), the editor in Debian's Chromium, then the reliability suite (hostile input,
// bursts, restart, key rotation, queue mode with PostgreSQL and Redis).
import { spawnSync } from 'node:child_process';
import { projectRoot } from './lib/n8n-versions.mjs';

function run(label, command, args) {
	console.log(`\n=== ${label} ===`);
	const started = Date.now();
	const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit' });
	console.log(`=== ${label}: ${result.status === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)}s ===`);
	return result.status === 0;
}

const results = [
	run('build', 'npm', ['run', 'build', '--silent']),
	run('unit tests', 'npx', ['jest', '--ci']),
	run('end-to-end tests (real n8n)', process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=1', 'test/e2e/']),
	run('browser tests (n8n editor in Chromium)', process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=1', 'test/browser/']),
	run('reliability tests (real n8n under load, faults and hostile input)', process.execPath, [
		'--test',
		'--test-reporter=spec',
		'--test-concurrency=1',
		'test/reliability/',
	]),
];
process.exit(results.every(Boolean) ? 0 : 1);
