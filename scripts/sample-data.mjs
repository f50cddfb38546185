#!/usr/bin/env node
// `npm run samples`: what the Showpass Trigger outputs for Showpass's documented sample purchase, one
// file per Output, for a user to pin on the trigger ("Set mock data") and map fields before Showpass
// has sent anything. The items come from the trigger's own shaping code in dist/ (run after
// `npm run build`, which `npm run samples` does first); the Output values come from the node's
// description. test/unit/sampleData.test.ts fails when the committed files differ from what the
// trigger outputs.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

import { loadFixture } from './lib/deliveries.mjs';
import { projectRoot } from './lib/n8n-versions.mjs';

const SAMPLE_DATA_DIR = path.join(projectRoot, 'examples', 'sample-data');

const require = createRequire(import.meta.url);
const built = (file) => path.join(projectRoot, 'dist', 'nodes', 'ShowpassTrigger', file);

/** `{ file name: JSON text }` for every Output of the built trigger. */
function sampleFiles() {
	const { ShowpassTrigger } = require(built('ShowpassTrigger.node.js'));
	const { shapeOutput } = require(built('helpers/output.js'));
	const output = new ShowpassTrigger().description.properties.find((property) => property.name === 'output');
	const delivery = loadFixture('invoice.purchase');
	return Object.fromEntries(
		output.options.map(({ value }) => [`${value}.json`, `${JSON.stringify(shapeOutput(delivery, value), null, 2)}\n`]),
	);
}

const files = sampleFiles();
fs.mkdirSync(SAMPLE_DATA_DIR, { recursive: true });
for (const stale of fs.readdirSync(SAMPLE_DATA_DIR).filter((file) => file.endsWith('.json') && !(file in files))) {
	fs.rmSync(path.join(SAMPLE_DATA_DIR, stale));
}
for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(SAMPLE_DATA_DIR, file), text);
console.log(`Wrote ${Object.keys(files).length} samples to ${path.relative(projectRoot, SAMPLE_DATA_DIR)}/`);
