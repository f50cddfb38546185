import { readdirSync, readFileSync } from 'fs';
import path from 'path';

// The editor's "Docs" links: the repository's address is kept in package.json only, and the build
// fills it into dist (gulpfile.js). Each link must land on a README section that exists.
const root = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

export const homepage = (manifest.homepage as string).replace(/#.*$/, '');

const readmeAnchors = new Set(
	[...readFileSync(path.join(root, 'README.md'), 'utf8').matchAll(/^#+ (.+)$/gm)].map(
		([, heading]) =>
			heading
				.toLowerCase()
				.replace(/[^\w\- ]/g, '')
				.replace(/ /g, '-'),
	),
);
readmeAnchors.add('readme');

export const codexFiles = (folder: string) =>
	(readdirSync(folder, { recursive: true }) as string[])
		.filter((file) => file.endsWith('.node.json'))
		.map((file) => path.join(folder, file));

export const codexUrls = (file: string): string[] =>
	Object.values(JSON.parse(readFileSync(file, 'utf8')).resources ?? {}).flatMap((links) =>
		(links as Array<{ url: string }>).map((link) => link.url),
	);

export function expectReadmeLink(url: string) {
	expect(url.startsWith(`${homepage}#`)).toBe(true);
	expect(readmeAnchors).toContain(url.slice(homepage.length + 1));
}
