#!/usr/bin/env node
// `npm test`: installs the project's dependencies when node_modules is missing or stale, then the
// prerequisites — build, the scripts' own tests, unit tests (jest) — stopping at the first that fails,
// then end-to-end tests against real n8n 2.x and 1.x (both nodes and the example workflows), the editor
// in Debian's Chromium and the reliability suite (hostile input, bursts, restart, key rotation, queue
// mode with PostgreSQL and Redis). Each step is an npm script of package.json, so it can be rerun alone.
import { exitCodeFor, onTermination, signalGroup, spawnGroup } from './lib/processes.mjs';
import { projectRoot } from './lib/n8n-versions.mjs';
import { ensureDependencies } from './lib/project-dependencies.mjs';

const PREREQUISITES = [
	['build', 'build'],
	['script tests (npm start, install-n8n, test-all off the happy path)', 'test:scripts'],
	['unit tests', 'test:unit'],
];
const SUITES = [
	['end-to-end tests (real n8n)', 'test:e2e'],
	['browser tests (n8n editor in Chromium)', 'test:browser'],
	['reliability tests (real n8n under load, faults and hostile input)', 'test:reliability'],
];

let current;
// The running suite gets SIGTERM and time to stop its own n8n instances before npm test exits.
onTermination(async (reason) => {
	console.error(`\nnpm test stopped (${reason}).`);
	if (current && current.exitCode === null && current.signalCode === null) {
		const exited = new Promise((resolve) => current.once('exit', resolve));
		signalGroup(current.pid, 'SIGTERM');
		await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 60_000).unref())]);
	}
	process.exit(exitCodeFor(reason));
});

function run(label, script) {
	console.log(`\n=== ${label} ===`);
	const started = Date.now();
	return new Promise((resolve) => {
		current = spawnGroup('npm', ['run', script, '--silent'], { cwd: projectRoot, stdio: 'inherit' });
		current.once('error', () => resolve(false));
		current.once('exit', (code) => {
			const passed = code === 0;
			console.log(`=== ${label}: ${passed ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)}s ===`);
			resolve(passed);
		});
	});
}

try {
	ensureDependencies();
} catch (error) {
	console.error(`\n${error.message}`);
	process.exit(1);
}
for (const [label, script] of PREREQUISITES) {
	if (!(await run(label, script))) {
		console.error(`\nStopped: the ${label} failed, so the n8n suites cannot pass. Fix it and rerun it alone with \`npm run ${script}\`, then \`npm test\`.`);
		process.exit(1);
	}
}
const failed = [];
for (const [label, script] of SUITES) if (!(await run(label, script))) failed.push(`npm run ${script}`);
if (failed.length) console.error(`\nFailed: rerun alone with ${failed.join(', ')}.`);
process.exit(failed.length ? 1 : 0);
