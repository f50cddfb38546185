// End-to-end: a real n8n of each pinned version, this package loaded as a community package,
// signed deliveries over real HTTP, executions read back through n8n's public API.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { N8nInstance } from '../../scripts/lib/n8n-instance.mjs';
import { testedVersions } from '../../scripts/lib/n8n-versions.mjs';
import { buildDelivery, EVENT_TYPES, loadFixture, postDelivery, sign } from '../../scripts/lib/deliveries.mjs';
import { triggerItems, triggerWorkflow } from './workflows.mjs';

const CURRENT_KEY = 'e2e-current-key-7f3a9c';
const PREVIOUS_KEY = 'e2e-previous-key-51bd02';
const versions = testedVersions();

for (const version of versions) {
	describe(`Showpass Trigger on n8n ${version}`, { timeout: 15 * 60_000 }, () => {
		let n8n;
		let rotating;
		let newOnly;
		const workflows = {};

		async function activeTrigger(key, parameters, credential = rotating) {
			const { workflow, webhookId } = triggerWorkflow({ name: `e2e ${key}`, parameters, credential });
			const created = await n8n.createWorkflow(workflow);
			await n8n.activateWorkflow(created.id);
			workflows[key] = { id: created.id, url: n8n.webhookUrl(webhookId), webhookId };
			return workflows[key];
		}

		before(async () => {
			n8n = await N8nInstance.start({ version, log: (line) => console.log(`# ${line}`) });
			await n8n.setUpOwnerAndApiKey();
			rotating = await n8n.createCredential('Showpass rotating', 'showpassWebhookApi', {
				secretKey: CURRENT_KEY,
				previousSecretKey: PREVIOUS_KEY,
			});
			newOnly = await n8n.createCredential('Showpass new key only', 'showpassWebhookApi', { secretKey: CURRENT_KEY });
		});

		after(async () => {
			await n8n?.stop();
		});

		it('loads the package and activates a Showpass Trigger workflow', async () => {
			const all = await activeTrigger('all', { events: ['*'], output: 'event' });
			assert.ok(all.id);
		});

		it('runs one execution per event type whose output is the delivery', async () => {
			const sent = [];
			for (const eventType of EVENT_TYPES) {
				const delivery = buildDelivery(eventType);
				const reply = await postDelivery(workflows.all.url, delivery, { secretKey: CURRENT_KEY });
				assert.equal(reply.status, 200, reply.text);
				assert.deepEqual(reply.json, {
					status: 'accepted',
					message: 'Delivery received.',
					webhook_event_uuid: delivery.webhook_event_uuid,
				});
				sent.push(delivery);
			}
			const executions = await n8n.waitForExecutions(workflows.all.id, sent.length);
			assert.equal(executions.length, sent.length);
			const received = executions.map((execution) => triggerItems(execution));
			for (const delivery of sent) {
				const match = received.find((items) => items[0]?.webhook_event_uuid === delivery.webhook_event_uuid);
				assert.ok(match, `no execution for ${delivery.event_type}`);
				assert.deepEqual(match, [delivery]);
			}
			assert.ok(executions.every((execution) => execution.status === 'success'));
		});

		it('shapes per-ticket items with the invoice context, from the legacy sample too', async () => {
			const tickets = await activeTrigger('tickets', {
				events: ['invoice.purchase'],
				output: 'tickets',
				options: { amountsAsNumbers: true },
			});
			const delivery = buildDelivery('invoice.purchase', { base: loadFixture('invoice.purchase.legacy') });
			const reply = await postDelivery(tickets.url, delivery, { secretKey: CURRENT_KEY });
			assert.equal(reply.status, 200, reply.text);
			const [execution] = await n8n.waitForExecutions(tickets.id, 1);
			const items = triggerItems(execution);
			assert.equal(items.length, delivery.data.ticket_items.length);
			assert.deepEqual(items[0], {
				...delivery.data.ticket_items[0],
				event_type: 'invoice.purchase',
				webhook_event_uuid: delivery.webhook_event_uuid,
				transaction_id: delivery.data.transaction_id,
				showpass_organization_id: delivery.data.showpass_organization_id,
				customer_name: delivery.data.customer_name,
				customer_email: delivery.data.customer_email,
				customer_phone_number: null,
				currency: 'CAD',
				invoice_type: 'Sale',
				payment_type: 'Credit',
			});
		});

		it('starts nothing for unselected, forged, unsigned and malformed requests, with the documented statuses', async () => {
			const url = workflows.tickets.url;
			const valid = () => buildDelivery('invoice.purchase');
			const cases = [
				['unselected event', buildDelivery('invoice.refund'), { secretKey: CURRENT_KEY }, 200, 'ignored'],
				['webhook.test not selected', buildDelivery('webhook.test'), { secretKey: CURRENT_KEY }, 200, 'ignored'],
				['forged signature', valid(), { secretKey: 'not-the-key' }, 401, 'rejected'],
				['signature over another field', valid(), { signature: sign(CURRENT_KEY, 'webhook_event_uuid') }, 401, 'rejected'],
				['short signature', valid(), { signature: 'abc' }, 401, 'rejected'],
				['missing signature', valid(), {}, 401, 'rejected'],
				['array body', '[1,2,3]', { signature: 'a'.repeat(40), headers: { 'content-type': 'text/plain' } }, 400, 'rejected'],
				['non-JSON text', 'hello', { signature: 'a'.repeat(40), headers: { 'content-type': 'text/plain' } }, 400, 'rejected'],
				['no id', JSON.stringify({ event_type: 'invoice.purchase' }), { signature: 'a'.repeat(40) }, 400, 'rejected'],
				['empty body', '', { signature: 'a'.repeat(40) }, 400, 'rejected'],
			];
			for (const [label, delivery, options, status, answer] of cases) {
				const reply = await postDelivery(url, delivery, options);
				assert.equal(reply.status, status, `${label}: ${reply.text}`);
				assert.equal(reply.json?.status, answer, label);
			}
			// A body declared as JSON that does not parse is refused by n8n itself before the node runs.
			const malformed = await postDelivery(url, '{"id": "x",', { signature: 'a'.repeat(40) });
			assert.equal(malformed.status, 422, malformed.text);
			const executions = await n8n.waitForExecutions(workflows.tickets.id, 1);
			assert.equal(executions.length, 1, 'only the earlier valid delivery ran');
		});

		it('with Event IDs: ignores other events\' deliveries, outputs only the chosen event\'s tickets, still runs Send Test', async () => {
			const chosen = await activeTrigger('eventIds', { events: ['*'], output: 'tickets', options: { eventIds: '474999, 1' } });
			/** The sample purchase (event 474708) plus a ticket and a line of event 474999. */
			const twoEvents = () => {
				const delivery = buildDelivery('invoice.purchase');
				const [ticket] = delivery.data.ticket_items;
				const [line] = delivery.data.invoice_items;
				delivery.data.ticket_items.push({ ...ticket, id: ticket.id + 1, event_id: 474999, barcode_string: 'CHOSEN1' });
				delivery.data.invoice_items.push({ ...line, id: line.id + 1, event_id: '474999' });
				return delivery;
			};
			const other = buildDelivery('invoice.purchase');
			const ignored = await postDelivery(chosen.url, other, { secretKey: CURRENT_KEY });
			assert.equal(ignored.status, 200, ignored.text);
			assert.equal(ignored.json?.status, 'ignored');
			assert.match(ignored.json?.message, /not for the events chosen/);
			const forged = await postDelivery(chosen.url, other, { secretKey: 'not-the-key' });
			assert.equal(forged.status, 401, 'an ignored delivery is still verified first');
			// Not remembered while ignored: the same delivery is a duplicate only after it was accepted.
			const accepted = twoEvents();
			accepted.webhook_event_uuid = other.webhook_event_uuid;
			const answers = [];
			for (let attempt = 0; attempt < 2; attempt++) {
				answers.push((await postDelivery(chosen.url, accepted, { secretKey: CURRENT_KEY })).json?.status);
			}
			assert.deepEqual(answers, ['accepted', 'duplicate']);
			const sample = buildDelivery('webhook.test');
			const test = await postDelivery(chosen.url, sample, { secretKey: CURRENT_KEY });
			assert.equal(test.json?.status, 'accepted', test.text);

			const executions = await n8n.waitForExecutions(chosen.id, 2);
			assert.equal(executions.length, 2);
			const itemsOf = (eventType) => triggerItems(executions.find((execution) => triggerItems(execution)[0]?.event_type === eventType));
			assert.deepEqual(
				itemsOf('invoice.purchase').map((item) => [item.event_id, item.barcode_string]),
				[[474999, 'CHOSEN1']],
			);
			assert.deepEqual(itemsOf('webhook.test').map((item) => item.event_id), sample.data.ticket_items.map((ticket) => ticket.event_id));
		});

		it('refuses to activate a trigger whose Event IDs has an entry that is not a number, naming it', async () => {
			const { workflow } = triggerWorkflow({ name: 'e2e bad event ids', parameters: { options: { eventIds: '474708, summer-fest' } }, credential: rotating });
			const created = await n8n.createWorkflow(workflow);
			await assert.rejects(n8n.activateWorkflow(created.id), /summer-fest/);
		});

		it('runs a repeated delivery once in total', async () => {
			const repeated = await activeTrigger('repeated', { events: ['*'] });
			const delivery = buildDelivery('invoice.purchase');
			const answers = [];
			for (let attempt = 0; attempt < 3; attempt++) {
				answers.push((await postDelivery(repeated.url, delivery, { secretKey: CURRENT_KEY })).json?.status);
			}
			assert.deepEqual(answers, ['accepted', 'duplicate', 'duplicate']);
			const executions = await n8n.waitForExecutions(repeated.id, 1);
			assert.equal(executions.length, 1);
		});

		it('loses nothing while a key is rotated: both keys accepted, then only the new one', async () => {
			const both = workflows.all;
			const before = (await n8n.executions(both.id)).length;
			const byOld = await postDelivery(both.url, buildDelivery('invoice.purchase'), { secretKey: PREVIOUS_KEY });
			const byNew = await postDelivery(both.url, buildDelivery('invoice.purchase'), { secretKey: CURRENT_KEY });
			assert.equal(byOld.status, 200, byOld.text);
			assert.equal(byNew.status, 200, byNew.text);
			assert.equal((await n8n.waitForExecutions(both.id, before + 2)).length, before + 2);

			const rotated = await activeTrigger('rotated', { events: ['*'] }, newOnly);
			const oldRejected = await postDelivery(rotated.url, buildDelivery('invoice.purchase'), { secretKey: PREVIOUS_KEY });
			const newAccepted = await postDelivery(rotated.url, buildDelivery('invoice.purchase'), { secretKey: CURRENT_KEY });
			assert.equal(oldRejected.status, 401);
			assert.equal(newAccepted.status, 200);
			assert.equal((await n8n.waitForExecutions(rotated.id, 1)).length, 1);
		});

		it('answers the Test URL with n8n\'s own 404 until "Listen for test event" is clicked', async () => {
			const reply = await postDelivery(n8n.webhookUrl(workflows.all.webhookId, 'test'), buildDelivery('webhook.test'), {
				secretKey: CURRENT_KEY,
			});
			assert.equal(reply.status, 404);
		});

		it('runs one test execution from the Test URL while listening, never skipping a resent sample', async () => {
			const listening = await activeTrigger('listening', { events: ['webhook.test'] });
			const stored = await n8n.api('GET', `/workflows/${listening.id}`);
			const testUrl = n8n.webhookUrl(listening.webhookId, 'test');
			const sample = buildDelivery('webhook.test');
			// n8n stops listening just after its answer to the test delivery; an unsigned probe starts nothing
			// (the trigger answers 401 while n8n listens, n8n itself 404 once it does not).
			const stoppedListening = async () => {
				const deadline = Date.now() + 30_000;
				let probe;
				do {
					probe = await postDelivery(testUrl, { id: 'probe' }, { signature: 'a'.repeat(40) });
					if (probe.status === 404) return true;
					await new Promise((resolve) => setTimeout(resolve, 100));
				} while (Date.now() < deadline);
				return false;
			};
			const answers = [];
			for (let round = 0; round < 2; round++) {
				// Listening again before n8n has ended the previous round would be undone by that ending.
				assert.ok(await stoppedListening(), 'n8n stopped listening after the previous test delivery');
				// What the editor sends when you click "Listen for test event".
				const listen = await n8n.rest('POST', `/workflows/${listening.id}/run`, {
					workflowData: stored,
					triggerToStartFrom: { name: 'Showpass Trigger' },
				});
				assert.equal(listen.status, 200, listen.text);
				assert.equal(listen.json?.data?.waitingForWebhook, true, listen.text);
				const reply = await postDelivery(testUrl, sample, { secretKey: CURRENT_KEY });
				assert.equal(reply.status, 200, reply.text);
				answers.push(reply.json?.status);
			}
			assert.deepEqual(answers, ['accepted', 'accepted']);
			const executions = await n8n.waitForExecutions(listening.id, 2);
			assert.ok(await stoppedListening(), 'the Test URL stops listening after its test execution');
			const afterListening = await postDelivery(testUrl, sample, { secretKey: CURRENT_KEY });
			assert.equal(afterListening.status, 404, 'a resent sample starts nothing once n8n has stopped listening');
			assert.equal(executions.length, 2);
			assert.ok(executions.every((execution) => execution.mode === 'manual'));
			assert.deepEqual(triggerItems(executions[0]), [sample]);
		});

		it('keeps the secrets out of execution data, answers and n8n\'s log', async () => {
			const everything = [];
			for (const workflow of Object.values(workflows)) everything.push(await n8n.executions(workflow.id));
			const text = JSON.stringify(everything) + fs.readFileSync(n8n.logFile, 'utf8');
			assert.ok(!text.includes(CURRENT_KEY));
			assert.ok(!text.includes(PREVIOUS_KEY));
		});
	});
}
