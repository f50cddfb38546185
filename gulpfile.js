const path = require('path');
const { task, src, dest } = require('gulp');

task('build:icons', copyIcons);

function copyIcons() {
	const nodeFiles = src(path.resolve('nodes', '**', '*.{png,svg,json}'), { encoding: false });
	nodeFiles.pipe(dest(path.resolve('dist', 'nodes')));

	const icons = src(path.resolve('icons', '*.{png,svg}'), { encoding: false });
	return icons.pipe(dest(path.resolve('dist', 'icons')));
}
