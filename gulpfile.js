const fs = require('fs');
const path = require('path');
const { task, src, dest, series } = require('gulp');

// Copies the nodes' icons, codex files and output schemas (`__schema__/v<version>/…/*.json`, read by n8n
// beside the built node file) into dist, then writes the package's homepage (package.json
// `homepage`, the one place the repository's address is kept) into every "Docs" link.
task('build:assets', series(copyIcons, fillDocumentationLinks));

function copyIcons() {
	const nodeFiles = src(path.resolve('nodes', '**', '*.{png,svg,json}'), { encoding: false }).pipe(
		dest(path.resolve('dist', 'nodes')),
	);
	const icons = src(path.resolve('icons', '*.{png,svg}'), { encoding: false }).pipe(
		dest(path.resolve('dist', 'icons')),
	);
	return Promise.all([finished(nodeFiles), finished(icons)]);
}

function finished(stream) {
	return new Promise((resolve, reject) => stream.on('finish', resolve).on('error', reject));
}

function homepage() {
	const { homepage: address } = JSON.parse(fs.readFileSync('package.json', 'utf8'));
	return address.replace(/#.*$/, '');
}

// Codex files, credentials and node descriptions (the trigger's set-up notice) name README sections
// at this placeholder address.
const HOMEPAGE_PLACEHOLDER = 'https://package-json-homepage.invalid/';

async function fillDocumentationLinks() {
	const base = homepage();
	const files = ['nodes', 'credentials'].flatMap((folder) =>
		fs
			.readdirSync(path.resolve('dist', folder), { recursive: true })
			.filter((file) => /\.(node\.json|node\.js|credentials\.js)$/.test(file))
			.map((file) => path.resolve('dist', folder, file)),
	);
	let filled = 0;
	for (const file of files) {
		const text = fs.readFileSync(file, 'utf8');
		if (!text.includes(HOMEPAGE_PLACEHOLDER)) continue;
		fs.writeFileSync(file, text.replaceAll(HOMEPAGE_PLACEHOLDER, base));
		filled++;
	}
	if (filled === 0)
		throw new Error(
			`no file in dist names ${HOMEPAGE_PLACEHOLDER}; the docs links are not filled in`,
		);
}
