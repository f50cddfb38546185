// The processes and temporary folders the scripts start and create, tracked so that however a script
// ends — finished, failed, Ctrl-C, `kill`, a closed terminal, or npm in front of it going away —
// nothing it started keeps running and nothing it created stays in the system's temporary folder.
import fs from 'node:fs';
import { spawn } from 'node:child_process';

export const TERMINATION_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

const groups = new Set();
const temporaryFolders = new Set();

/**
 * Spawns a child in its own process group, so that everything it starts (npm's own children, n8n's
 * task runner) can be stopped together, and a terminal's Ctrl-C reaches the script, which stops it in order.
 */
export function spawnGroup(command, args, options = {}) {
	const child = spawn(command, args, { ...options, detached: true });
	// Kept after the leader exits: its group may still hold members (e.g. a task runner).
	if (child.pid) groups.add(child.pid);
	return child;
}

export function signalGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
		return true;
	} catch {
		return false;
	}
}

export function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/** Removes `folder` when this process exits, however it exits short of SIGKILL. */
export function removeOnExit(folder) {
	temporaryFolders.add(folder);
	return folder;
}

export function removeNow(folder) {
	temporaryFolders.delete(folder);
	fs.rmSync(folder, { recursive: true, force: true });
}

process.once('exit', () => {
	for (const pid of groups) signalGroup(pid, 'SIGKILL');
	for (const folder of temporaryFolders) {
		try {
			fs.rmSync(folder, { recursive: true, force: true });
		} catch {
			// best effort at exit; a folder that cannot be removed is left, never an exit error
		}
	}
});

// Until a script sets its own, a termination signal exits at once, which runs the clean-up above
// (without a listener Node would die without it).
let terminationHandler = (reason) => process.exit(exitCodeFor(reason));
let terminating = false;
const terminate = (reason) => {
	if (terminating) return;
	terminating = true;
	terminationHandler(reason);
};
for (const signal of TERMINATION_SIGNALS) process.on(signal, () => terminate(signal));

/**
 * Calls `handler(reason)` once on SIGINT, SIGTERM or SIGHUP, or when the parent process goes away
 * (npm exits on SIGHUP without passing it on; the script is then re-parented).
 */
export function onTermination(handler) {
	terminationHandler = handler;
	const parent = process.ppid;
	setInterval(() => {
		if (process.ppid !== parent) terminate('its parent process exited');
	}, 500).unref();
}

/** The exit code a shell reports for a process ended by `signal` (130 for SIGINT). */
export function exitCodeFor(reason) {
	const number = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[reason];
	return number ? 128 + number : 1;
}
