// PostgreSQL and Redis on loopback ports, for the queue-mode tests. Both come from Debian's packages
// (.ci/run installs them when missing); data lives in a temporary folder and is removed afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { freePort } from './n8n-instance.mjs';
import { removeOnExit } from './processes.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function findPostgresBin() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql)');
	const version = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
	return path.join(root, version, 'bin');
}

/** Runs a command as the postgres user when we are root (PostgreSQL refuses to run as root). */
function asPostgresUser(command, args) {
	if (process.getuid?.() === 0) return ['runuser', ['-u', 'postgres', '--', command, ...args]];
	return [command, args];
}

export async function startPostgres() {
	const bin = findPostgresBin();
	const dir = removeOnExit(fs.mkdtempSync(path.join(os.tmpdir(), 'showpass-pg-')));
	fs.chmodSync(dir, 0o777);
	const dataDir = path.join(dir, 'data');
	const port = await freePort();
	if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
	const [initCommand, initArgs] = asPostgresUser(path.join(bin, 'initdb'), ['-D', dataDir, '--auth=trust', '-U', 'postgres', '-E', 'UTF8']);
	execFileSync(initCommand, initArgs, { stdio: 'ignore' });
	const [command, args] = asPostgresUser(path.join(bin, 'postgres'), [
		'-D', dataDir, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=off',
	]);
	const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
	let log = '';
	child.stderr.on('data', (chunk) => (log = (log + chunk).slice(-4000)));
	for (let attempt = 0; attempt < 100; attempt++) {
		try {
			execFileSync(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
			execFileSync(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'n8n'], { stdio: 'ignore' });
			return {
				port,
				async stop() {
					// runuser does not pass signals on, so ask PostgreSQL itself to stop.
					const [stopCommand, stopArgs] = asPostgresUser(path.join(bin, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'fast', '-w']);
					try {
						execFileSync(stopCommand, stopArgs, { stdio: 'ignore', timeout: 30_000 });
					} catch {
						child.kill('SIGKILL');
					}
					await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
					fs.rmSync(dir, { recursive: true, force: true });
				},
			};
		} catch {
			await sleep(200);
		}
	}
	child.kill('SIGKILL');
	throw new Error(`PostgreSQL did not start:\n${log}`);
}

export async function startRedis() {
	const port = await freePort();
	const binary = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((candidate) => fs.existsSync(candidate));
	if (!binary) throw new Error('Redis is not installed (apt-get install -y redis-server)');
	const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
	for (let attempt = 0; attempt < 100; attempt++) {
		try {
			execFileSync('redis-cli', ['-p', String(port), 'ping'], { stdio: 'ignore' });
			return {
				port,
				async stop() {
					child.kill('SIGTERM');
					await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
				},
			};
		} catch {
			await sleep(100);
		}
	}
	child.kill('SIGKILL');
	throw new Error('Redis did not start');
}
