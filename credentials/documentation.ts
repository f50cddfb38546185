// The editor's "Docs" links point into the README at the package's homepage. The address itself lives
// only in package.json (`homepage`): the build writes it over HOMEPAGE in dist (gulpfile.js).
export const HOMEPAGE = 'https://package-json-homepage.invalid/';

/** The README section `anchor` at the package's homepage. */
export function readmeSection(anchor: string): string {
	return `${HOMEPAGE}#${anchor}`;
}
