const path = require('path');
const { task, src, dest, parallel } = require('gulp');

// Node metadata (`*.node.json`), icons and the output schemas (`__schema__/v<version>/…/*.json`,
// which n8n reads next to the built node file) go into dist/ beside the compiled code.
function copyNodeFiles() {
	return src(path.resolve('nodes', '**', '*.{png,svg,json}'), { encoding: false }).pipe(
		dest(path.resolve('dist', 'nodes')),
	);
}

function copyIcons() {
	return src(path.resolve('icons', '*.{png,svg}'), { encoding: false }).pipe(
		dest(path.resolve('dist', 'icons')),
	);
}

task('build:icons', parallel(copyNodeFiles, copyIcons));
