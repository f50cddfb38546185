// The project's own (dev) dependencies. `npm start` and `npm test` install them when node_modules is
// missing or does not match package-lock.json, so a fresh clone needs only those two commands.
// Only Node's built-in modules here: this runs before anything is installed.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

import { projectRoot } from './n8n-versions.mjs';

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

function installedVersion(root, name) {
	try {
		return readJson(path.join(root, 'node_modules', name, 'package.json')).version;
	} catch {
		return undefined;
	}
}

/** What in node_modules differs from package-lock.json for the packages package.json names (empty: up to date). */
export function staleDependencies(root = projectRoot) {
	const manifest = readJson(path.join(root, 'package.json'));
	const lock = readJson(path.join(root, 'package-lock.json'));
	const stale = [];
	for (const name of Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })) {
		const locked = lock.packages?.[`node_modules/${name}`]?.version;
		const installed = installedVersion(root, name);
		if (!installed) stale.push(`${name} is not installed`);
		else if (locked && installed !== locked)
			stale.push(`${name} ${installed} is installed, package-lock.json has ${locked}`);
	}
	return stale;
}

/** Runs `npm ci` when node_modules is missing or stale; throws with what to run when that fails. */
export function ensureDependencies(log = (line) => console.log(line), root = projectRoot) {
	const stale = staleDependencies(root);
	if (stale.length === 0) return false;
	const shown = stale.length > 3 ? [...stale.slice(0, 3), `${stale.length - 3} more`] : stale;
	log(`Installing the project's dependencies with npm ci (${shown.join('; ')})...`);
	const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
		cwd: root,
		stdio: 'inherit',
	});
	if (result.status !== 0) {
		throw new Error(
			"npm ci could not install the project's dependencies (see above); fix that and run `npm install`",
		);
	}
	return true;
}
