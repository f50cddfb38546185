import { execFileSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import path from 'path';

const root = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const built = existsSync(
	path.join(root, 'dist', 'nodes', 'ShowpassTrigger', 'ShowpassTrigger.node.js'),
);

describe('published package', () => {
	it('has no runtime dependencies and n8n-workflow as a peer', () => {
		expect(manifest.dependencies ?? {}).toEqual({});
		expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(manifest.keywords).toContain('n8n-community-node-package');
	});

	it('packs only dist/, README, LICENSE, CHANGELOG and package.json (after npm run build)', () => {
		expect(built).toBe(true);
		const [pack] = JSON.parse(
			execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
				cwd: root,
				encoding: 'utf8',
			}),
		);
		const files: string[] = pack.files.map((file: { path: string }) => file.path);
		const outside = files.filter(
			(file) =>
				!file.startsWith('dist/') &&
				!['README.md', 'LICENSE.md', 'CHANGELOG.md', 'package.json'].includes(file),
		);
		expect(outside).toEqual([]);
		expect(files.some((file) => /test|\.test\./.test(file))).toBe(false);
		for (const declared of [...manifest.n8n.nodes, ...manifest.n8n.credentials])
			expect(files).toContain(declared);
		expect(files).toContain('dist/nodes/ShowpassTrigger/ShowpassTrigger.node.json');
		expect(files).toContain('dist/nodes/Showpass/Showpass.node.json');
		expect(files).toContain('dist/icons/showpass.svg');
		expect(files).toContain('dist/icons/showpass.dark.svg');
	});
});
