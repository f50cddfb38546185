// End-to-end: the package as users get it. `npm pack` of the built package, installed with npm into a
// fresh n8n user folder by the very commands the README gives self-hosters (its "From a release
// tarball" blocks, run as they are with HOME set to that folder), then a real n8n of each pinned
// version started on that folder: no link to the working tree. A file missing from the tarball that
// n8n needs (a node, a credential, an icon) makes it fail. The README's "npm from the registry" command
// runs as written too, against a stand-in registry on 127.0.0.1 that publishes the same tarball (the
// real registry does not have the package yet); npm is pointed at it with `npm_config_registry`, as a
// user of a private registry would.
// SHOWPASS_PACKED_TARBALL=<file.tgz> tests that tarball instead of packing one (e.g. a release asset).
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

import { N8nInstance } from '../../scripts/lib/n8n-instance.mjs';
import { projectRoot, testedVersions } from '../../scripts/lib/n8n-versions.mjs';
import { removeOnExit } from '../../scripts/lib/processes.mjs';
import { ShowpassApiStub } from '../../scripts/lib/showpass-api-stub.mjs';
import { buildDelivery, postDelivery } from '../../scripts/lib/deliveries.mjs';
import { NpmRegistryStub } from './npm-registry-stub.mjs';
import { nodeRun, showpassApiCredential, triggerItems, triggerThenSteps } from './workflows.mjs';

const SECRET_KEY = 'e2e-tarball-secret-2b7e';
const API_TOKEN = 'e2e-tarball-token-8c40';
const ORGANIZATION_ID = '5796';
const PACKAGE = 'n8n-nodes-showpass';
const EARLIER_PACKAGE = 'earlier-community-package';
const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
const README = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');

/** The shell block that follows `<!-- tested: <route>, <step> -->` in the README. */
function readmeBlock(route, step) {
	const marker = `<!-- tested: ${route}, ${step} -->`;
	const start = README.indexOf(marker);
	assert.ok(start >= 0, `README.md has no "${marker}" block`);
	const block = /```bash\n([\s\S]*?)```/.exec(README.slice(start + marker.length));
	assert.ok(block, `a \`\`\`bash block follows "${marker}" in README.md`);
	return block[1];
}

/** The built package packed by npm, as a release is; dist/ comes from `npm run build` (npm test runs it first). */
function packedTarball(destination) {
	if (process.env.SHOWPASS_PACKED_TARBALL) return path.resolve(process.env.SHOWPASS_PACKED_TARBALL);
	for (const declared of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
		assert.ok(fs.existsSync(path.join(projectRoot, declared)), `${declared} is missing: run \`npm run build\` before this test`);
	}
	const [pack] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', destination], { cwd: projectRoot, encoding: 'utf8', stdio: 'pipe' }),
	);
	return path.join(destination, pack.filename);
}

/**
 * A user's environment: HOME is the n8n user folder (so `~/.n8n/nodes` is its nodes folder, and npm's
 * cache is inside it), npm sees none of the npm_* settings npm passes to this test, and npm is offline —
 * the package has no runtime dependencies and its peer, n8n-workflow, must not be fetched, so a
 * registry request fails the step — unless `registry` is given: then npm may reach that registry only.
 */
function userEnvironment(home, { registry } = {}) {
	const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
	const network = registry ? { npm_config_registry: registry } : { npm_config_offline: 'true' };
	return { ...env, HOME: home, ...network, npm_config_update_notifier: 'false' };
}

/**
 * Runs a README block in `sh -e` as a user would, from `cwd` (the folder holding the release file).
 * Asynchronously: the stand-in registry answers npm from this process.
 */
async function runReadmeBlock(route, step, { home, cwd, tarball, registry }) {
	const commands = readmeBlock(route, step).replaceAll(/n8n-nodes-showpass-\d+\.\d+\.\d+\.tgz/g, path.basename(tarball));
	try {
		const { stdout } = await promisify(execFile)('sh', ['-e', '-c', commands], { cwd, env: userEnvironment(home, { registry }), encoding: 'utf8', timeout: 5 * 60_000 });
		return stdout;
	} catch (error) {
		throw new Error(`the README's "${route}, ${step}" commands failed:\n${commands}\n${error.stdout}${error.stderr}`);
	}
}

async function typesOf(n8n, kind) {
	const response = await fetch(`${n8n.baseUrl}/types/${kind}.json`, { headers: { cookie: n8n.cookie } });
	assert.equal(response.status, 200, `GET /types/${kind}.json`);
	return response.json();
}

/** The package's node types n8n knows (n8n adds `showpassTool`, the node as an AI tool, beside the two nodes). */
async function showpassNodeTypes(n8n) {
	return (await typesOf(n8n, 'nodes')).filter((type) => type.name.startsWith(`${PACKAGE}.`));
}

/** Both nodes and both credentials are loaded; answers the loaded types. */
async function assertShowpassTypesLoaded(n8n) {
	const nodes = await showpassNodeTypes(n8n);
	const credentials = (await typesOf(n8n, 'credentials')).filter((type) => ['showpassApi', 'showpassWebhookApi'].includes(type.name));
	const nodeNames = new Set(nodes.map((type) => type.name));
	for (const name of ['showpass', 'showpassTrigger']) assert.ok(nodeNames.has(`${PACKAGE}.${name}`), `n8n knows ${name}`);
	assert.deepEqual(credentials.map((type) => type.name).sort(), ['showpassApi', 'showpassWebhookApi']);
	return { nodes, credentials };
}

/**
 * A package a user installed earlier that declares the same peer as most community nodes: with it in the
 * nodes folder, npm resolves its peer on every install and uninstall there unless told not to.
 */
function earlierPackageTarball(destination) {
	const source = path.join(destination, 'earlier-package');
	fs.mkdirSync(source);
	fs.writeFileSync(
		path.join(source, 'package.json'),
		JSON.stringify({ name: EARLIER_PACKAGE, version: '1.0.0', peerDependencies: { 'n8n-workflow': '*' } }),
	);
	const [pack] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', destination], { cwd: source, encoding: 'utf8', stdio: 'pipe' }));
	return path.join(destination, pack.filename);
}

const versions = testedVersions();
const workFolder = removeOnExit(fs.mkdtempSync(path.join(os.tmpdir(), 'showpass-tarball-')));
let tarball;
let earlierTarball;

before(() => {
	tarball = packedTarball(workFolder);
	assert.equal(path.basename(tarball), `${PACKAGE}-${manifest.version}.tgz`, 'the file name the README and the release use');
	earlierTarball = earlierPackageTarball(workFolder);
});

after(() => fs.rmSync(workFolder, { recursive: true, force: true }));

for (const version of versions) {
	describe(`the packed tarball, installed with npm, on n8n ${version}`, { timeout: 10 * 60_000 }, () => {
		let n8n;
		let showpass;
		let installed;
		let nodesFolder;

		before(async () => {
			showpass = await new ShowpassApiStub({ token: API_TOKEN, organizationId: ORGANIZATION_ID }).start();
			n8n = await N8nInstance.prepare({ version, linkWorkingTree: false, log: (line) => console.log(`# ${line}`) });
			// The user's download folder, holding the release file.
			const downloads = path.join(n8n.userFolder, 'Downloads');
			fs.mkdirSync(downloads);
			fs.copyFileSync(tarball, path.join(downloads, path.basename(tarball)));
			nodesFolder = path.join(n8n.userFolder, '.n8n', 'nodes');
			fs.mkdirSync(nodesFolder, { recursive: true });
			execFileSync('npm', ['install', '--legacy-peer-deps', earlierTarball], { cwd: nodesFolder, env: userEnvironment(n8n.userFolder), stdio: 'pipe' });
			await runReadmeBlock('tarball', 'install', { home: n8n.userFolder, cwd: downloads, tarball });
			installed = path.join(nodesFolder, 'node_modules', PACKAGE);
			await n8n.launch((line) => console.log(`# ${line}`));
			await n8n.setUpOwnerAndApiKey();
		});

		after(async () => {
			await n8n?.stop();
			await showpass?.stop();
		});

		it('npm installed the tarball itself beside the earlier package, and nothing else (no peer, no dependencies)', () => {
			assert.equal(fs.lstatSync(installed).isSymbolicLink(), false, 'a real folder, not a link to the working tree');
			assert.equal(JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')).version, manifest.version);
			const modules = fs.readdirSync(path.join(nodesFolder, 'node_modules')).filter((entry) => !entry.startsWith('.'));
			assert.deepEqual(modules.sort(), [EARLIER_PACKAGE, PACKAGE].sort());
		});

		it('n8n loads both nodes and both credentials from it, and serves their icons', async () => {
			const { nodes, credentials } = await assertShowpassTypesLoaded(n8n);
			const iconUrls = [...nodes, ...credentials].flatMap((type) =>
				typeof type.iconUrl === 'string' ? [type.iconUrl] : Object.values(type.iconUrl ?? {}),
			);
			assert.ok(iconUrls.length >= 4, `every type has an icon: ${JSON.stringify(iconUrls)}`);
			for (const iconUrl of new Set(iconUrls)) {
				const response = await fetch(`${n8n.baseUrl}/${iconUrl}`);
				assert.equal(response.status, 200, `GET /${iconUrl}`);
				assert.match(await response.text(), /<svg/);
			}
		});

		it('a signed delivery runs the trigger once, and the Showpass node reads the invoice from the stand-in API', async () => {
			const webhookCredential = await n8n.createCredential('Showpass webhook', 'showpassWebhookApi', { secretKey: SECRET_KEY });
			const apiCredential = await n8n.createCredential('Showpass API (stand-in)', 'showpassApi', showpass.credentialData());
			const { workflow, webhookId } = triggerThenSteps({
				name: 'e2e packed tarball',
				triggerParameters: { events: ['invoice.purchase'], output: 'event' },
				webhookCredential,
				steps: [
					{
						name: 'Get Invoice',
						typeVersion: 2,
						parameters: {
							resource: 'invoice',
							operation: 'get',
							transactionId: '={{ $json.data.transaction_id }}',
						},
						credentials: showpassApiCredential(apiCredential),
					},
				],
			});
			const created = await n8n.createWorkflow(workflow);
			await n8n.activateWorkflow(created.id);
			const delivery = buildDelivery('invoice.purchase');
			const { invoice } = showpass.addInvoiceFromDelivery(delivery);

			const reply = await postDelivery(n8n.webhookUrl(webhookId), delivery, { secretKey: SECRET_KEY });
			assert.equal(reply.status, 200, reply.text);
			assert.equal(reply.json?.status, 'accepted');
			const executions = await n8n.waitForExecutions(created.id, 1);
			assert.equal(executions.length, 1, 'the workflow ran once');
			const [execution] = executions;
			assert.equal(execution.status, 'success', JSON.stringify(execution.data?.resultData?.error ?? {}));
			assert.deepEqual(triggerItems(execution), [delivery]);
			assert.deepEqual(nodeRun(execution, 'Get Invoice').items, [invoice]);
			assert.equal(showpass.requestsTo(`/financials/invoices/${delivery.data.transaction_id}/`).length, 1);
		});

		it("the README's remove commands uninstall it, and n8n then no longer knows its nodes", async () => {
			await n8n.stop();
			await runReadmeBlock('tarball', 'remove', { home: n8n.userFolder, cwd: n8n.userFolder, tarball });
			assert.equal(fs.existsSync(installed), false);
			const { dependencies } = JSON.parse(fs.readFileSync(path.join(nodesFolder, 'package.json'), 'utf8'));
			assert.deepEqual(Object.keys(dependencies), [EARLIER_PACKAGE], 'the earlier package stays');
			await n8n.restart((line) => console.log(`# ${line}`));
			assert.deepEqual(await showpassNodeTypes(n8n), []);
		});
	});

	describe(`the package from an npm registry, installed as the README says, on n8n ${version}`, { timeout: 10 * 60_000 }, () => {
		let n8n;
		let registry;

		before(async () => {
			registry = await new NpmRegistryStub(tarball).start();
			n8n = await N8nInstance.prepare({ version, linkWorkingTree: false, log: (line) => console.log(`# ${line}`) });
			// A user who has run n8n before: n8n made its nodes folder, the README's command starts there.
			await n8n.launch((line) => console.log(`# ${line}`));
			await n8n.setUpOwnerAndApiKey();
		});

		after(async () => {
			await n8n?.stop();
			await registry?.stop();
		});

		it("the README's registry command installs it from the registry, asking for nothing else, and n8n loads it after a restart", async () => {
			await n8n.restart((line) => console.log(`# ${line}`), {
				whileStopped: () => runReadmeBlock('registry', 'install', { home: n8n.userFolder, cwd: n8n.userFolder, tarball, registry: registry.url }),
			});
			const installed = path.join(n8n.userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE);
			assert.equal(JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')).version, manifest.version);
			assert.ok(
				registry.requests.some(({ url, status }) => url === registry.tarballPath && status === 200),
				`npm downloaded the tarball from the registry: ${JSON.stringify(registry.requests)}`,
			);
			const otherPackages = registry.requests.filter(({ url }) => !url.startsWith(`/${PACKAGE}`) && !url.startsWith('/-/'));
			assert.deepEqual(otherPackages, [], 'no other package (not the peer n8n-workflow) was asked for');
			await assertShowpassTypesLoaded(n8n);
		});
	});
}
