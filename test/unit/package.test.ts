import { execFileSync } from 'child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'fs';
import os from 'os';
import path from 'path';

import { codexFiles, codexUrls, expectReadmeLink } from './readmeLinks';

const root = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** What `npm run build` and `npm pack` read: the files of a fresh clone, without tests or tooling. */
const BUILD_INPUTS = [
	'package.json',
	'tsconfig.json',
	'tsconfig.build.json',
	'gulpfile.js',
	'README.md',
	'LICENSE.md',
	'CHANGELOG.md',
	'credentials',
	'icons',
	'nodes',
];

describe('package.json', () => {
	it('has no runtime dependencies and n8n-workflow as a peer', () => {
		expect(manifest.dependencies ?? {}).toEqual({});
		expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	});

	it('carries what npm and n8n\'s community-node listing need', () => {
		expect(manifest.name).toMatch(/^n8n-nodes-/);
		expect(manifest.keywords).toContain('n8n-community-node-package');
		expect(manifest.license).toBe('MIT');
		expect(manifest.author.email).toMatch(/@/);
		for (const field of ['description', 'homepage']) expect(manifest[field]).toBeTruthy();
		expect(manifest.repository.url).toMatch(/^git\+https:\/\//);
		expect(manifest.bugs.url).toMatch(/^https:\/\//);
		expect(manifest.files).toEqual(['dist']);
		expect(manifest.n8n.n8nNodesApiVersion).toBe(1);
	});
});

describe('packed tarball (npm run build, then npm pack, in a copy of the sources)', () => {
	let tarball = '';
	let files: string[] = [];
	let packedManifest: Record<string, unknown> = {};
	const workDir = mkdtempSync(path.join(os.tmpdir(), 'showpass-pack-'));
	const sources = path.join(workDir, 'package');
	const unpacked = path.join(workDir, 'unpacked');

	beforeAll(() => {
		// Built here, not in the working tree: a stale or missing dist/ must not decide the result.
		for (const input of BUILD_INPUTS) cpSync(path.join(root, input), path.join(sources, input), { recursive: true });
		symlinkSync(path.join(root, 'node_modules'), path.join(sources, 'node_modules'), 'dir');
		execFileSync('npm', ['run', 'build', '--silent'], { cwd: sources, stdio: 'pipe' });
		const [pack] = JSON.parse(
			execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', workDir], {
				cwd: sources,
				encoding: 'utf8',
			}),
		);
		tarball = path.join(workDir, pack.filename);
		files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
			.split('\n')
			.filter(Boolean)
			.map((entry) => entry.replace(/^package\//, ''));
		packedManifest = JSON.parse(
			execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
		);
		mkdirSync(unpacked);
		execFileSync('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);
	}, 180_000);

	afterAll(() => rmSync(workDir, { recursive: true, force: true }));

	it('holds only dist/, README, LICENSE, CHANGELOG and package.json, and no tests', () => {
		const outside = files.filter(
			(file) =>
				!file.startsWith('dist/') &&
				!['README.md', 'LICENSE.md', 'CHANGELOG.md', 'package.json'].includes(file),
		);
		expect(outside).toEqual([]);
		expect(files.some((file) => /(^|\/)test\/|\.test\./.test(file))).toBe(false);
	});

	it('holds every node and credential n8n is told to load, with their icons and codex', () => {
		for (const declared of [...manifest.n8n.nodes, ...manifest.n8n.credentials])
			expect(files).toContain(declared);
		expect(files).toEqual(
			expect.arrayContaining([
				'dist/nodes/Showpass/Showpass.node.json',
				'dist/nodes/ShowpassTrigger/ShowpassTrigger.node.json',
				'dist/icons/showpass.svg',
				'dist/icons/showpass.dark.svg',
			]),
		);
	});

	it('holds every output schema beside its node, where n8n reads them', () => {
		const schemas = ['Showpass', 'ShowpassTrigger'].flatMap((node) => {
			const folder = path.join(root, 'nodes', node, '__schema__');
			return readdirSync(folder, { recursive: true })
				.map(String)
				.filter((file) => file.endsWith('.json'))
				.map((file) => `dist/nodes/${node}/__schema__/${file.split(path.sep).join('/')}`);
		});
		expect(schemas).toEqual(
			expect.arrayContaining([
				'dist/nodes/Showpass/__schema__/v2.0.0/ticket/verify.json',
				'dist/nodes/ShowpassTrigger/__schema__/v1.0.0/output.json',
			]),
		);
		expect(files).toEqual(expect.arrayContaining(schemas));
	});

	it("fills package.json's homepage into the links of the trigger's set-up notice", () => {
		const trigger = execFileSync(
			'tar',
			['-xzOf', tarball, 'package/dist/nodes/ShowpassTrigger/ShowpassTrigger.node.js'],
			{ encoding: 'utf8' },
		);
		const homepage = (manifest.homepage as string).replace(/#.*$/, '');
		expect(trigger).not.toContain('package-json-homepage.invalid');
		expect(trigger).toContain(`href="${homepage}#map-fields-before-the-first-delivery"`);
	});

	it('ships no source maps or type declarations: n8n loads the JavaScript, the sources are not packed', () => {
		expect(files.filter((file) => /\.(map|d\.ts)$/.test(file))).toEqual([]);
	});

	it("points the codex files' Docs links into the README at package.json's homepage", () => {
		const files = codexFiles(path.join(unpacked, 'dist', 'nodes'));
		expect(files).toHaveLength(manifest.n8n.nodes.length);
		for (const file of files) {
			const own = codexUrls(file).filter((url) => !url.startsWith('https://dev.showpass.com'));
			expect(own.length).toBeGreaterThan(0);
			own.forEach(expectReadmeLink);
		}
	});

	it("points each credential's Docs link into the README at package.json's homepage", () => {
		for (const file of manifest.n8n.credentials as string[]) {
			const exported = require(path.join(unpacked, file));
			const Credential = Object.values(exported)[0] as new () => { documentationUrl: string };
			expectReadmeLink(new Credential().documentationUrl);
		}
	});

	it('declares no runtime dependencies in the packed package.json', () => {
		expect(packedManifest.dependencies ?? {}).toEqual({});
		expect(packedManifest.name).toBe('n8n-nodes-showpass');
	});
});
