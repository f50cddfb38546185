#!/usr/bin/env node
// `npm run screenshots`: starts the pinned n8n with this package, sets up the Slack example, runs it
// once from the Test URL with a real signed delivery, and photographs the editor with Debian's Chromium
// (playwright-core) into docs/images/. The Slack node keeps its place with pinned data (what Slack
// answers), so nothing leaves 127.0.0.1 and the picture shows the example as a user sees it.
import fs from 'node:fs';
import path from 'node:path';

import { launchBrowser, signedInPage } from './lib/browser.mjs';
import { buildDelivery, postDelivery } from './lib/deliveries.mjs';
import { localExample } from './lib/example-workflow.mjs';
import { N8nInstance } from './lib/n8n-instance.mjs';
import { DEFAULT_VERSION, projectRoot } from './lib/n8n-versions.mjs';

const outputDir = path.join(projectRoot, 'docs', 'images');
const version = process.env.SCREENSHOT_N8N_VERSION ?? DEFAULT_VERSION;
const SECRET_KEY = 'screenshot-secret-key-0f9e';
const log = (line) => console.log(line);

/** What Slack answers to the example's message (pinned on the Slack node: it never calls Slack). */
function slackAnswer(invoice) {
	const tickets = invoice.ticket_items;
	const events = [...new Set(tickets.map((ticket) => ticket.event_name))].join(', ');
	const types = tickets.map((ticket) => ticket.ticket_type_name).join(', ');
	const text =
		`New Showpass order: ${invoice.customer_name} <${invoice.customer_email}> bought ${tickets.length} ticket(s) (${types}) ` +
		`for ${events}. Total ${invoice.gross_revenue} ${invoice.currency}, transaction ${invoice.transaction_id}.`;
	return { ok: true, channel: 'C0TICKETSALES', message: { type: 'message', text, bot_id: 'B0SHOWPASS' } };
}

async function importSlackExample(n8n, webhookCredential) {
	const slackCredential = await n8n.createCredential('Slack account', 'slackApi', { accessToken: 'xoxb-screenshots-never-sent' });
	const { workflow: example, webhookId } = localExample('purchase-to-slack.json', { webhookCredential, thirdParty: 'keep' });
	const slack = example.nodes.find((node) => node.type === 'n8n-nodes-base.slack');
	slack.credentials = { slackApi: { id: slackCredential.id, name: slackCredential.name } };
	const workflow = await n8n.createWorkflow(example);
	const delivery = buildDelivery('invoice.purchase');
	// Pinned data stands in for Slack in test runs (n8n reads it from the saved workflow).
	const stored = await n8n.api('GET', `/workflows/${workflow.id}`);
	const pinned = await n8n.rest('PATCH', `/workflows/${workflow.id}`, {
		versionId: stored.versionId,
		pinData: { [slack.name]: [{ json: slackAnswer(delivery.data) }] },
	});
	if (pinned.status !== 200) throw new Error(`could not pin Slack's answer (${pinned.status}): ${pinned.text.slice(0, 300)}`);
	await n8n.activateWorkflow(workflow.id);
	// A test run, as after clicking the trigger's button in the editor.
	const listen = await n8n.rest('POST', `/workflows/${workflow.id}/run`, {
		workflowData: await n8n.api('GET', `/workflows/${workflow.id}`),
		triggerToStartFrom: { name: 'Showpass Trigger' },
	});
	if (listen.status !== 200) throw new Error(`n8n did not start listening for a test delivery (${listen.status}): ${listen.text}`);
	const reply = await postDelivery(n8n.webhookUrl(webhookId, 'test'), delivery, { secretKey: SECRET_KEY });
	if (reply.status !== 200) throw new Error(`the sample delivery was answered ${reply.status}: ${reply.text}`);
	const [execution] = await n8n.waitForExecutions(workflow.id, 1);
	if (execution?.status !== 'success') {
		const result = execution?.data?.resultData;
		throw new Error(`the test run did not succeed (${execution?.status}): ${result?.lastNodeExecuted}: ${result?.error?.message}`);
	}
	return { workflow, execution };
}

/** n8n 2.x opens a "Production Checklist" pop-over the first time it shows a published workflow. */
async function closeProductionChecklist(page) {
	const checklist = page.getByText('Production Checklist');
	if (!(await checklist.waitFor({ timeout: 8000 }).then(() => true, () => false))) return;
	await page.keyboard.press('Escape');
	if (await checklist.waitFor({ state: 'hidden', timeout: 2000 }).then(() => true, () => false)) return;
	await checklist.locator('xpath=ancestor::*[.//button][1]').locator('button').first().click();
	await checklist.waitFor({ state: 'hidden', timeout: 5000 });
}

async function dismissPopups(page) {
	await page.keyboard.press('Escape');
	for (const close of await page.locator('button[aria-label="Close"], .el-notification__closeBtn').all()) {
		await close.click({ timeout: 1000 }).catch(() => {});
	}
}

async function main() {
	fs.mkdirSync(outputDir, { recursive: true });
	const n8n = await N8nInstance.start({ version, log });
	let browser;
	try {
		await n8n.setUpOwnerAndApiKey();
		const created = await n8n.createCredential('Showpass Webhook account', 'showpassWebhookApi', { secretKey: SECRET_KEY });
		const { workflow, execution } = await importSlackExample(n8n, created);

		browser = await launchBrowser();
		const page = await signedInPage(browser, n8n);
		const shot = async (name) => {
			await page.waitForTimeout(800);
			await page.screenshot({ path: path.join(outputDir, name) });
			log(`wrote docs/images/${name}`);
		};

		await page.goto(`${n8n.baseUrl}/workflow/new`);
		await page.locator('[data-test-id="canvas-plus-button"]').click();
		await page.locator('[data-test-id="node-creator-search-bar"]').fill('Showpass');
		await page.locator('[data-test-id="node-creator-item-name"]', { hasText: 'Showpass' }).first().waitFor();
		await shot('node-picker.png');

		await page.goto(`${n8n.baseUrl}/workflow/${workflow.id}`);
		await page.locator('[data-test-id="canvas-node"]').filter({ hasText: 'Showpass Trigger' }).dblclick({ timeout: 60_000 });
		await page.locator('[data-test-id="ndv"]').waitFor();
		await page.locator('[data-test-id="collection-parameter-add"]').first().click();
		await shot('trigger-panel.png');
		await page.keyboard.press('Escape');
		await page.locator('[data-test-id="ndv-close-button"]').click();

		await page.locator('[data-test-id="node-creator-plus-button"]').click();
		await page.locator('[data-test-id="node-creator-search-bar"]').fill('Showpass');
		await page.locator('[data-test-id="node-creator-item-name"]', { hasText: /^Showpass$/ }).first().click();
		await page.locator('[data-test-id="node-creator-action-item"]').first().waitFor();
		await shot('showpass-actions.png');

		await page.goto(`${n8n.baseUrl}/home/credentials/${created.id}`);
		await page.locator('[data-test-id="editCredential-modal"]').waitFor();
		await page.locator('[data-test-id="credentials-config-container-test-success"]').waitFor({ timeout: 15_000 }).catch(() => {});
		await shot('credential-form.png');

		await page.goto(`${n8n.baseUrl}/workflow/${workflow.id}/executions/${execution.id}`);
		await page.locator('[data-test-id="canvas-node"]').filter({ hasText: 'Compose Message' }).first().waitFor({ timeout: 60_000 });
		await closeProductionChecklist(page);
		await dismissPopups(page);
		await shot('slack-example-execution.png');
		await page.locator('[data-test-id="canvas-node"]').filter({ hasText: 'Compose Message' }).first().dblclick();
		await page.locator('[data-test-id="ndv"]').waitFor();
		await shot('slack-example-message.png');
	} finally {
		await browser?.close();
		await n8n.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
