import { readdirSync, readFileSync } from 'fs';
import path from 'path';

import { codexFiles, homepage } from './readmeLinks';

// The links the build writes into dist are checked in the packed tarball (package.test.ts).
const root = path.resolve(__dirname, '..', '..');

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
});
