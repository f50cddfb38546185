// No run leaves folders in the system's temporary folder: N8nInstance removes the n8n user folder it
// made when its process exits, whether the run passed, failed or was stopped, and jest keeps its cache
// in the project. TMPDIR points at a folder of the test's own, and n8n is fixtures/fake-n8n.js.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';

import {
	fakeN8nCache,
	isAlive,
	projectRoot,
	runProcess,
	temporaryFolder,
	waitFor,
} from './helpers.mjs';

const instanceScript = (ending) => `
	import { N8nInstance } from ${JSON.stringify(path.join(projectRoot, 'scripts', 'lib', 'n8n-instance.mjs'))};
	const n8n = await N8nInstance.start({ version: '2.41.1' });
	console.log('user folder ' + n8n.userFolder);
	${ending}
`;

for (const [how, ending, signal] of [
	['stopped', 'await n8n.stop();'],
	['failing without stopping n8n', "throw new Error('a failing test');"],
	['ended by SIGTERM', 'setInterval(() => {}, 1000);', 'SIGTERM'],
]) {
	test(`a run ${how} leaves no folder in the temporary folder and no n8n running`, async (t) => {
		const folder = temporaryFolder(t);
		const systemTemp = path.join(folder, 'tmp');
		fs.mkdirSync(systemTemp);
		const pidsFile = path.join(folder, 'pids');
		const env = {
			TMPDIR: systemTemp,
			SHOWPASS_N8N_CACHE: fakeN8nCache(folder),
			FAKE_N8N_PIDS: pidsFile,
		};
		const run = runProcess(
			t,
			process.execPath,
			['--input-type=module', '-e', instanceScript(ending)],
			env,
		);
		await run.waitForOutput(/user folder /);
		const userFolder = /user folder (\S+)/.exec(run.output())[1];
		assert.ok(userFolder.startsWith(systemTemp), userFolder);
		const pids = fs.readFileSync(pidsFile, 'utf8').split('\n').filter(Boolean).map(Number);
		if (signal) run.child.kill(signal);
		await run.exited;
		await waitFor(
			'n8n and its task runner to stop',
			() => pids.every((pid) => !isAlive(pid)),
			15_000,
		);
		assert.deepEqual(fs.readdirSync(systemTemp), []);
	});
}

test('the unit tests leave nothing in the temporary folder (jest keeps its cache in the project)', async (t) => {
	const systemTemp = path.join(temporaryFolder(t), 'tmp');
	fs.mkdirSync(systemTemp);
	// One small file is enough: where jest keeps its cache does not depend on which tests run.
	const unitTests = ['run', 'test:unit', '--silent', '--', 'test/unit/allowedIps.test.ts'];
	const run = runProcess(t, 'npm', unitTests, { TMPDIR: systemTemp });
	assert.equal((await run.exited).code, 0, run.output());
	assert.deepEqual(fs.readdirSync(systemTemp), []);
});
