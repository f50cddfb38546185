import { readdirSync, readFileSync } from 'fs';
import path from 'path';

import { codexFiles, expectReadmeLink, homepage } from './readmeLinks';

// The links the build writes into dist are checked in the packed tarball (package.test.ts).
const root = path.resolve(__dirname, '..', '..');

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
});
