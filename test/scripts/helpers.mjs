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

/** Starts `node <script> ...args` from the project root; `output()` is its stdout and stderr so far. */
export function runNode(t, script, args = [], env = {}) {
	const child = spawn(process.execPath, [script, ...args], {
		cwd: projectRoot,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
	t.after(async () => {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGKILL');
			await exited;
		}
	});
	return { child, exited, output: () => output };
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
