import { existsSync, readdirSync, readFileSync } from 'fs';
import path from 'path';

// The editor's "Docs" links: the repository's address is kept in package.json only, and the build
// fills it into dist (gulpfile.js). Each link must land on a README section that exists.
const root = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const homepage = (manifest.homepage as string).replace(/#.*$/, '');
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

const codexFiles = (folder: string) =>
	(readdirSync(folder, { recursive: true }) as string[])
		.filter((file) => file.endsWith('.node.json'))
		.map((file) => path.join(folder, file));
const codexUrls = (file: string): string[] =>
	Object.values(JSON.parse(readFileSync(file, 'utf8')).resources ?? {}).flatMap((links) =>
		(links as Array<{ url: string }>).map((link) => link.url),
	);

function expectReadmeLink(url: string) {
	expect(url.startsWith(`${homepage}#`)).toBe(true);
	expect(readmeAnchors).toContain(url.slice(homepage.length + 1));
}

// The build fills package.json's homepage in for this address.
const HOMEPAGE_PLACEHOLDER = 'https://package-json-homepage.invalid/';

/** The links in the Showpass Trigger's set-up notice (package.test.ts checks the packed, filled ones). */
function setupNoticeLinks(nodeFile: string): string[] {
	const { ShowpassTrigger } = require(nodeFile);
	const notice = new ShowpassTrigger().description.properties.find(
		(property: { name: string }) => property.name === 'setupNotice',
	).displayName as string;
	return [...notice.matchAll(/href="([^"]+)"/g)].map(([, url]) => url);
}

describe('documentation links', () => {
	it('name the repository address nowhere but package.json in the sources', () => {
		const sources = [
			...codexFiles(path.join(root, 'nodes')),
			...readdirSync(path.join(root, 'credentials')).map((file) =>
				path.join(root, 'credentials', file),
			),
		];
		for (const file of sources) expect(readFileSync(file, 'utf8')).not.toContain(homepage);
	});

	it("name README sections in the trigger's set-up notice at the placeholder the build fills", () => {
		const links = setupNoticeLinks(
			path.join(root, 'nodes', 'ShowpassTrigger', 'ShowpassTrigger.node'),
		);
		expect(links.length).toBeGreaterThan(0);
		for (const url of links) {
			expect(url.startsWith(HOMEPAGE_PLACEHOLDER)).toBe(true);
			expectReadmeLink(url.replace(HOMEPAGE_PLACEHOLDER, homepage));
		}
	});

	describe('in dist (after npm run build)', () => {
		beforeAll(() => expect(existsSync(path.join(root, 'dist', 'credentials'))).toBe(true));

		it("point the codex files into the README at package.json's homepage", () => {
			const files = codexFiles(path.join(root, 'dist', 'nodes'));
			expect(files).toHaveLength(manifest.n8n.nodes.length);
			for (const file of files) {
				const own = codexUrls(file).filter((url) => !url.startsWith('https://dev.showpass.com'));
				expect(own.length).toBeGreaterThan(0);
				own.forEach(expectReadmeLink);
			}
		});

		it("point each credential into the README at package.json's homepage", () => {
			for (const file of manifest.n8n.credentials as string[]) {
				const exported = require(path.join(root, file));
				const Credential = Object.values(exported)[0] as new () => { documentationUrl: string };
				expectReadmeLink(new Credential().documentationUrl);
			}
		});
	});
});
