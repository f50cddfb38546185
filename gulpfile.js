const fs = require('fs');
const path = require('path');
const { task, src, dest, series } = require('gulp');

// Copies the nodes' icons and codex files into dist, then writes the package's homepage (package.json
// `homepage`, the one place the repository's address is kept) into every "Docs" link.
task('build:assets', series(copyIcons, fillDocumentationLinks));

function copyIcons() {
	const nodeFiles = src(path.resolve('nodes', '**', '*.{png,svg,json}'), { encoding: false }).pipe(
		dest(path.resolve('dist', 'nodes')),
	);
	const icons = src(path.resolve('icons', '*.{png,svg}'), { encoding: false }).pipe(dest(path.resolve('dist', 'icons')));
	return Promise.all([finished(nodeFiles), finished(icons)]);
}

function finished(stream) {
	return new Promise((resolve, reject) => stream.on('finish', resolve).on('error', reject));
}

function homepage() {
	const { homepage: address } = JSON.parse(fs.readFileSync('package.json', 'utf8'));
	return address.replace(/#.*$/, '');
}

// Codex files name README sections as "#anchor"; credentials call readmeSection() (credentials/documentation.ts).
async function fillDocumentationLinks() {
	const base = homepage();
	const codexFiles = fs.readdirSync(path.resolve('dist', 'nodes'), { recursive: true }).filter((file) => file.endsWith('.node.json'));
	for (const file of codexFiles) {
		const codexPath = path.resolve('dist', 'nodes', file);
		const codex = JSON.parse(fs.readFileSync(codexPath, 'utf8'));
		for (const links of Object.values(codex.resources ?? {})) {
			for (const link of links) if (link.url.startsWith('#')) link.url = base + link.url;
		}
		fs.writeFileSync(codexPath, JSON.stringify(codex, null, '\t') + '\n');
	}
	const documentation = path.resolve('dist', 'credentials', 'documentation.js');
	const compiled = fs.readFileSync(documentation, 'utf8');
	const placeholder = "'https://package-json-homepage.invalid/'";
	if (!compiled.includes(placeholder)) throw new Error(`${documentation} no longer holds ${placeholder}`);
	fs.writeFileSync(documentation, compiled.replace(placeholder, JSON.stringify(base)));
}
