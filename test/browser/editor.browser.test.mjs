// Browser test: the real n8n editor, in Debian's Chromium driven by playwright-core, shows the
// Showpass nodes as a user meets them: found in the node picker with their icon, the trigger's
// panel with its icon, set-up notice and Events parameter, an operation's output fields from its
// output schema before anything has run, and Showpass's fields from a sample pinned on the trigger
// (examples/sample-data/). A broken description, icon, schema or sample fails here.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { launchBrowser, signedInPage } from '../../scripts/lib/browser.mjs';
import { N8nInstance } from '../../scripts/lib/n8n-instance.mjs';
import { testedVersions } from '../../scripts/lib/n8n-versions.mjs';
import { projectRoot } from '../../scripts/lib/n8n-versions.mjs';
import { ACTION_TYPE, showpassApiCredential, triggerThenSteps, triggerWorkflow } from '../e2e/workflows.mjs';

const versions = testedVersions();

/**
 * Scrolls every scrolling area of `panel` (n8n renders only the visible rows of its Schema, Table and
 * JSON views) until each of `names` has been shown, or `timeout` passes. Returns the names seen and
 * the expressions ("{{ $json.… }}") that dragging a shown field would map.
 */
async function scrollUntilShown(panel, names, timeout = 60_000) {
	const handle = await panel.elementHandle();
	const seen = await handle.evaluateHandle(() => ({ names: new Set(), mappings: new Set() }));
	await panel.page().waitForFunction(
		({ panel, seen, names }) => {
			for (const name of names) if (new RegExp(`(^|\\W)${name}(\\W|$)`, 'm').test(panel.innerText)) seen.names.add(name);
			for (const element of panel.querySelectorAll('[data-value]')) seen.mappings.add(element.getAttribute('data-value'));
			if (names.every((name) => seen.names.has(name))) return true;
			for (const area of panel.querySelectorAll('*')) {
				if (area.scrollHeight <= area.clientHeight + 1 || !/(auto|scroll)/.test(getComputedStyle(area).overflowY)) continue;
				const atEnd = area.scrollTop + area.clientHeight >= area.scrollHeight - 1;
				area.scrollTop = atEnd ? 0 : area.scrollTop + area.clientHeight * 0.7;
			}
			return false;
		},
		{ panel: handle, seen, names },
		{ polling: 100, timeout },
	).catch(() => {});
	return seen.evaluate(({ names, mappings }) => ({ names: [...names], mappings: [...mappings] }));
}

// What n8n labels the button that listens for a test delivery (README, set-up notice): "Execute step"
// on both pinned versions (n8n 1.x before 1.123 said "Listen for test event").
const LISTEN_BUTTON = { '2.41.1': 'Execute step', '1.123.81': 'Execute step' };

/** Every <img> inside `locator` that shows our icon, with whether it actually loaded. */
async function showpassIcons(locator) {
	return locator.evaluateAll((elements) =>
		elements.flatMap((element) =>
			[...element.querySelectorAll('img')]
				.filter((image) => image.src.includes('showpass'))
				.map((image) => ({ src: image.src, loaded: image.complete && image.naturalWidth > 0 })),
		),
	);
}

for (const version of versions) {
	describe(`n8n ${version} editor in Chromium`, { timeout: 10 * 60_000 }, () => {
		let n8n;
		let browser;
		let page;
		let workflowId;
		let verifyWorkflowId;
		let pinnedWorkflowId;

		before(async () => {
			n8n = await N8nInstance.start({ version, log: (line) => console.log(`# ${line}`) });
			await n8n.setUpOwnerAndApiKey();
			const credential = await n8n.createCredential('Showpass Webhook account', 'showpassWebhookApi', { secretKey: 'browser-test-key' });
			const { workflow } = triggerWorkflow({ name: 'Browser test', credential, parameters: { events: ['invoice.purchase'] } });
			workflowId = (await n8n.createWorkflow(workflow)).id;
			// Never run: the API credential points nowhere, so any field shown comes from the schema.
			const apiCredential = await n8n.createCredential('Showpass API account', 'showpassApi', {
				apiToken: 'browser-test-token',
				organizationId: '5796',
				environment: 'custom',
				baseUrl: 'http://127.0.0.1:9',
				allowedHttpRequestDomains: 'all',
			});
			const { workflow: verify } = triggerThenSteps({
				name: 'Browser test: schema preview',
				webhookCredential: credential,
				steps: [
					{
						name: 'Verify Ticket',
						typeVersion: 2,
						parameters: { resource: 'ticket', operation: 'verify', code: '={{ $json.data.ticket_items[0].barcode_string }}', options: {} },
						credentials: showpassApiCredential(apiCredential),
					},
					{
						name: 'Next Step',
						type: 'n8n-nodes-base.noOp',
						parameters: {},
					},
				],
			});
			verifyWorkflowId = (await n8n.createWorkflow(verify)).id;
			// The whole-event sample pinned on the trigger, as a user pastes it into "Set mock data".
			const { workflow: sampled } = triggerThenSteps({
				name: 'Browser test: pinned sample',
				webhookCredential: credential,
				steps: [{ name: 'Next Step', type: 'n8n-nodes-base.noOp', parameters: {} }],
			});
			const stored = await n8n.createWorkflow(sampled);
			pinnedWorkflowId = stored.id;
			const sample = JSON.parse(fs.readFileSync(path.join(projectRoot, 'examples', 'sample-data', 'event.json'), 'utf8'));
			const pinned = await n8n.rest('PATCH', `/workflows/${pinnedWorkflowId}`, {
				versionId: stored.versionId,
				pinData: { 'Showpass Trigger': sample.map((json) => ({ json })) },
			});
			assert.equal(pinned.status, 200, pinned.text);
			browser = await launchBrowser();
			page = await signedInPage(browser, n8n);
		});

		after(async () => {
			await browser?.close();
			await n8n?.stop();
		});

		it('the node picker finds Showpass with its icon', async () => {
			await page.goto(`${n8n.baseUrl}/workflow/new`);
			await page.locator('[data-test-id="canvas-plus-button"]').click({ timeout: 120_000 });
			await page.locator('[data-test-id="node-creator-search-bar"]').fill('Showpass');
			const item = page.locator('[data-test-id="node-creator-node-item"], [data-test-id="item-iterator-item"]').filter({ hasText: 'Showpass' }).first();
			await item.waitFor({ timeout: 60_000 });
			assert.match(await item.innerText(), /Showpass/);
			await page.waitForFunction(() => [...document.querySelectorAll('[data-test-id="node-creator"] img')].some((image) => image.src.includes('showpass') && image.naturalWidth > 0), null, { timeout: 60_000 });
			const icons = await showpassIcons(page.locator('[data-test-id="node-creator"]'));
			assert.ok(icons.length > 0 && icons.every((icon) => icon.loaded), JSON.stringify(icons));
			// n8n shows Showpass Trigger and Showpass as one entry; above its actions it puts the trigger's
			// description, which therefore speaks for both nodes.
			await item.click();
			const nodeCreator = page.locator('[data-test-id="node-creator"]');
			await nodeCreator.getByText(/^(Actions|Triggers) \(\d+\)/).first().waitFor();
			const creator = await nodeCreator.innerText();
			assert.match(creator, /Start workflows on verified Showpass webhooks, and act on events, invoices, tickets, discounts and tracking links/);
			assert.doesNotMatch(creator, /Starts the workflow on verified Showpass purchases/);
		});

		it('the trigger\'s panel shows its icon, the set-up notice and the Events parameter', async () => {
			await page.goto(`${n8n.baseUrl}/workflow/${workflowId}`);
			const node = page.locator('[data-test-id="canvas-node"]').filter({ hasText: 'Showpass Trigger' }).first();
			await node.waitFor({ timeout: 120_000 });
			await page.waitForFunction(() => [...document.querySelectorAll('[data-test-id="canvas-node"] img')].some((image) => image.src.includes('showpass') && image.naturalWidth > 0), null, { timeout: 60_000 });
			const canvasIcons = await showpassIcons(node);
			assert.ok(canvasIcons.length > 0 && canvasIcons.every((icon) => icon.loaded), JSON.stringify(canvasIcons));

			await node.dblclick();
			const panel = page.locator('[data-test-id="ndv"]');
			await panel.waitFor({ timeout: 60_000 });
			const parameters = panel.locator('[data-test-id="node-parameters"]');
			await parameters.waitFor();
			const text = await parameters.innerText();
			assert.match(text, /Connect Showpass once, by hand \(Showpass has no API for registering webhooks\)/);
			assert.match(text, /Dashboard → Organization Settings → Webhooks → Add Endpoint/);
			assert.doesNotMatch(text, /<\/?(b|li|ul)>/, 'no markup shows as text');
			const steps = await panel.locator('[role="alert"] li').allInnerTexts();
			assert.equal(steps.length, 4, `the set-up notice shows its steps as a list: ${JSON.stringify(steps)}`);
			assert.match(steps[2], new RegExp(`click Execute step here \\(older n8n: Listen for test event\\), then Send Test in Showpass`));
			assert.match(steps[3], /set mock data/);
			const sampleLink = panel.locator('[role="alert"] li a').filter({ hasText: 'sample delivery' });
			const { homepage } = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
			assert.equal(await sampleLink.getAttribute('href'), `${homepage.replace(/#.*$/, '')}#map-fields-before-the-first-delivery`);
			const listen = panel.locator('[data-test-id="trigger-execute-button"]').first();
			await listen.waitFor({ timeout: 20_000 });
			assert.match(await listen.innerText(), new RegExp(LISTEN_BUTTON[version]));
			assert.match(text, /Production URL/);
			assert.match(text, /Events/);
			const events = panel.locator('[data-test-id="parameter-input-events"]');
			await events.waitFor();
			assert.match(await events.innerText(), /Invoice Purchase/);
			await events.click();
			const purchase = page.locator('[role="option"]').filter({ hasText: 'Invoice Purchase' }).first();
			await purchase.waitFor({ timeout: 20_000 });
			// Showpass's own spelling of the event, as code (n8n renders option descriptions as HTML).
			assert.match(await purchase.innerText(), /^invoice\.purchase: a new order is created and paid$/m);
			assert.equal(await purchase.locator('code').innerText(), 'invoice.purchase');
			await page.keyboard.press('Escape');
			assert.match(text, /Output/);
			const panelIcons = await showpassIcons(panel);
			assert.ok(panelIcons.length > 0 && panelIcons.every((icon) => icon.loaded), JSON.stringify(panelIcons));
		});

		it('before any run, the next node\'s input shows the Verify operation\'s fields from its output schema', async () => {
			const schemaPath = `/schemas/${ACTION_TYPE}/2.0.0/ticket/verify.json`;
			const schemaFile = path.join(projectRoot, 'dist', 'nodes', 'Showpass', '__schema__', 'v2.0.0', 'ticket', 'verify.json');
			/** Opens "Next Step" and returns its input panel once n8n has answered the schema request. */
			const openNextStep = async (expectedStatus) => {
				const page = await signedInPage(browser, n8n);
				const schemaAnswer = page.waitForResponse((response) => response.url().endsWith(schemaPath), { timeout: 60_000 });
				// Awaited below; this only keeps a failed page load from leaving it unhandled.
				schemaAnswer.catch(() => {});
				await page.goto(`${n8n.baseUrl}/workflow/${verifyWorkflowId}`);
				const node = page.locator('[data-test-id="canvas-node"]').filter({ hasText: 'Next Step' }).first();
				await node.waitFor({ timeout: 30_000 });
				await node.dblclick();
				const input = page.locator('[data-test-id="ndv-input-panel"]');
				await input.waitFor({ timeout: 20_000 });
				assert.equal((await schemaAnswer).status(), expectedStatus);
				return { page, input };
			};

			// Without the schema file n8n answers 404 and no field of the operation appears.
			const hidden = `${schemaFile}.hidden`;
			fs.renameSync(schemaFile, hidden);
			try {
				const { page, input } = await openNextStep(404);
				// What the panel settles on without a schema (with one, it lists the fields under a preview notice).
				await input.locator('[data-test-id="execute-previous-node"]').first().waitFor({ timeout: 20_000 });
				assert.equal(await input.locator('[data-test-id="run-data-schema-item"]').count(), 0);
				assert.doesNotMatch(await input.innerText(), /barcode_string/);
				await page.context().close();
			} finally {
				fs.renameSync(hidden, schemaFile);
			}

			const { page, input } = await openNextStep(200);
			const field = input.getByText('barcode_string', { exact: true }).first();
			await field.waitFor({ timeout: 20_000 });
			const text = await input.innerText();
			for (const name of ['found', 'status', 'event_id', 'message']) assert.match(text, new RegExp(`\\b${name}\\b`));
			await page.context().close();
		});

		it('with the sample delivery pinned on the trigger, the next node\'s input shows Showpass\'s fields', async () => {
			const page = await signedInPage(browser, n8n);
			await page.goto(`${n8n.baseUrl}/workflow/${pinnedWorkflowId}`);
			const node = page.locator('[data-test-id="canvas-node"]').filter({ hasText: 'Next Step' }).first();
			await node.waitFor({ timeout: 120_000 });
			await node.dblclick();
			const input = page.locator('[data-test-id="ndv-input-panel"]');
			await input.getByText('Showpass Trigger').first().waitFor({ timeout: 60_000 });
			const fields = ['event_type', 'webhook_event_uuid', 'transaction_id'];
			const shown = await scrollUntilShown(input, fields);
			assert.deepEqual(shown.names.sort(), [...fields].sort(), `fields shown: ${shown.names.join(', ')}`);
			// transaction_id is the invoice's (data), which is what dragging it maps.
			assert.ok(shown.mappings.includes('{{ $json.data.transaction_id }}'), shown.mappings.join(', '));
			await page.context().close();
		});
	});
}
