// End-to-end: every workflow in examples/ is imported into a real n8n of each pinned version,
// activated, and sent a signed delivery (or, for the examples that start from n8n's Webhook node, the
// request a scanner or a sign-up form sends). The check stops at what this package controls: the
// items that reach the node after the Showpass nodes, with the fields that node uses, and the answers. Third-party nodes
// (Slack, Google Sheets, HubSpot, email) are disabled for the run, so nothing leaves 127.0.0.1;
// n8n passes their input through, which shows what they would have received.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { N8nInstance } from '../../scripts/lib/n8n-instance.mjs';
import { testedVersions } from '../../scripts/lib/n8n-versions.mjs';
import { ShowpassApiStub } from '../../scripts/lib/showpass-api-stub.mjs';
import { buildDelivery, loadFixture, postDelivery } from '../../scripts/lib/deliveries.mjs';
import { localExample } from '../../scripts/lib/example-workflow.mjs';
import { nodeRun } from './workflows.mjs';

const examplesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');
const SECRET_KEY = 'e2e-examples-secret-77aa';
const API_TOKEN = 'e2e-examples-token-12cd';
const ORGANIZATION_ID = '5796';
const versions = testedVersions();

const loadExample = (file) => JSON.parse(fs.readFileSync(path.join(examplesDir, file), 'utf8'));
const unique = (values) => [...new Set(values)].join(', ');

/** A purchase with several tickets, for the one-row-per-ticket example. */
function purchaseWithTickets(count) {
	const delivery = buildDelivery('invoice.purchase');
	const [first] = delivery.data.ticket_items;
	delivery.data.ticket_items = Array.from({ length: count }, (_, index) => ({
		...first,
		id: first.id + index,
		barcode_string: `${first.barcode_string}${index}`,
		first_name_on_ticket: `Guest${index}`,
		last_name_on_ticket: 'Example',
	}));
	return delivery;
}

for (const version of versions) {
	describe(`Example workflows on n8n ${version}`, { timeout: 15 * 60_000 }, () => {
		let n8n;
		let showpass;
		let credentials;
		let counter = 0;

		/** Imports an example as a user would, with our credentials and third-party nodes disabled. */
		async function importExample(file) {
			counter += 1;
			const { workflow, webhookId, webhookPath } = localExample(file, {
				...credentials,
				webhookId: `examples-${version}-${counter}`,
			});
			const created = await n8n.createWorkflow(workflow);
			await n8n.activateWorkflow(created.id);
			const url = webhookPath ? `${n8n.baseUrl}/webhook/${webhookPath}` : n8n.webhookUrl(webhookId);
			return { id: created.id, url };
		}

		async function deliver(imported, delivery) {
			const reply = await postDelivery(imported.url, delivery, { secretKey: SECRET_KEY });
			assert.equal(reply.status, 200, reply.text);
			assert.equal(reply.json.status, 'accepted', reply.text);
		}

		before(async () => {
			// As `npm start` runs it: the sample deliveries' orders exist in the stand-in.
			showpass = await new ShowpassApiStub({ token: API_TOKEN, organizationId: ORGANIZATION_ID, autoInvoices: true }).start();
			n8n = await N8nInstance.start({ version, log: (line) => console.log(`# ${line}`) });
			await n8n.setUpOwnerAndApiKey();
			const webhook = await n8n.createCredential('Showpass Webhook account', 'showpassWebhookApi', { secretKey: SECRET_KEY });
			const api = await n8n.createCredential('Showpass API account', 'showpassApi', showpass.credentialData());
			credentials = { webhookCredential: webhook, apiCredential: api };
		});

		after(async () => {
			await n8n?.stop();
			await showpass?.stop();
		});

		it('every example file is a workflow with a Showpass node and a description in both READMEs', () => {
			const readme = fs.readFileSync(path.join(examplesDir, 'README.md'), 'utf8');
			const mainReadme = fs.readFileSync(path.join(examplesDir, '..', 'README.md'), 'utf8');
			const files = fs.readdirSync(examplesDir).filter((file) => file.endsWith('.json'));
			assert.ok(files.length >= 6, files.join(', '));
			for (const file of files) {
				const example = loadExample(file);
				assert.ok(example.nodes.some((node) => node.type.startsWith('n8n-nodes-showpass.')), file);
				assert.ok(readme.includes(`(${file})`), `examples/README.md does not link ${file}`);
				assert.ok(mainReadme.includes(`(examples/${file})`), `README.md does not link ${file}`);
			}
		});

		it('purchase → Slack: the Slack node gets who bought what, for which event, and the total', async () => {
			const imported = await importExample('purchase-to-slack.json');
			const delivery = buildDelivery('invoice.purchase');
			await deliver(imported, delivery);
			const [execution] = await n8n.waitForExecutions(imported.id, 1);
			assert.equal(execution.status, 'success');
			const invoice = delivery.data;
			const tickets = invoice.ticket_items;
			const expected = {
				buyer: `${invoice.customer_name} <${invoice.customer_email}>`,
				event: unique(tickets.map((ticket) => ticket.event_name)),
				tickets: tickets.map((ticket) => ticket.ticket_type_name).join(', '),
				total: `${invoice.gross_revenue} ${invoice.currency}`,
				message:
					`New Showpass order: ${invoice.customer_name} <${invoice.customer_email}> bought ${tickets.length} ticket(s) ` +
					`(${tickets.map((ticket) => ticket.ticket_type_name).join(', ')}) for ${unique(tickets.map((ticket) => ticket.event_name))}. ` +
					`Total ${invoice.gross_revenue} ${invoice.currency}, transaction ${invoice.transaction_id}.`,
			};
			assert.deepEqual(nodeRun(execution, 'Post to Slack').items, [expected]);
			assert.ok(expected.event && expected.tickets && !expected.message.includes('undefined'));
		});

		it('purchase → Google Sheets: one row per ticket with the invoice\'s buyer', async () => {
			const imported = await importExample('tickets-to-google-sheets.json');
			const delivery = purchaseWithTickets(3);
			await deliver(imported, delivery);
			const [execution] = await n8n.waitForExecutions(imported.id, 1);
			assert.equal(execution.status, 'success');
			const rows = nodeRun(execution, 'Append to Sheet').items;
			assert.deepEqual(
				rows,
				delivery.data.ticket_items.map((ticket) => ({
					Transaction: delivery.data.transaction_id,
					'Bought By': delivery.data.customer_name,
					Email: delivery.data.customer_email,
					Event: ticket.event_name,
					'Event Starts (UTC)': ticket.event_starts_on,
					'Ticket Type': ticket.ticket_type_name,
					Attendee: `${ticket.first_name_on_ticket} Example`,
					Barcode: ticket.barcode_string,
					Status: ticket.ticket_status,
				})),
			);
		});

		it('refund or void → HubSpot and email: both get the contact, the change and the message', async () => {
			const imported = await importExample('refund-or-void-to-crm-and-email.json');
			const refund = buildDelivery('invoice.refund', { base: loadFixture('invoice.purchase.legacy') });
			const voided = buildDelivery('invoice.void');
			const ignored = buildDelivery('invoice.purchase');
			for (const delivery of [refund, voided]) await deliver(imported, delivery);
			const ignoredReply = await postDelivery(imported.url, ignored, { secretKey: SECRET_KEY });
			assert.equal(ignoredReply.json.status, 'ignored');
			const executions = await n8n.waitForExecutions(imported.id, 2);
			assert.equal(executions.length, 2);
			for (const [delivery, what] of [
				[refund, 'refunded'],
				[voided, 'voided'],
			]) {
				const invoice = delivery.data;
				const [firstName, ...rest] = invoice.customer_name.split(' ');
				const expected = {
					email: invoice.customer_email,
					firstName,
					lastName: rest.join(' '),
					what,
					event: unique(invoice.ticket_items.map((ticket) => ticket.event_name)),
					note: `Showpass order ${invoice.transaction_id} ${what} (${invoice.gross_revenue} ${invoice.currency})`,
					subject: `Your order ${invoice.transaction_id} was ${what}`,
				};
				const execution = executions.find((candidate) => nodeRun(candidate, 'Showpass Trigger').items[0]?.webhook_event_uuid === delivery.webhook_event_uuid);
				assert.ok(execution, `no execution for ${delivery.event_type}`);
				assert.deepEqual(nodeRun(execution, 'Update HubSpot Contact').items, [expected]);
				assert.deepEqual(nodeRun(execution, 'Email the Customer').items, [expected]);
			}
		});

		it('refund → the invoice\'s tickets from Showpass → one summary for Slack, as the README quotes it', async () => {
			const imported = await importExample('refund-tickets-summary.json');
			const delivery = buildDelivery('invoice.refund');
			// The stand-in serves the sample order as `npm start` does: the refunded delivery's own tickets.
			const { tickets } = showpass.invoices.get(delivery.data.transaction_id);
			assert.deepEqual(
				tickets.map((ticket) => [ticket.id, String(ticket.event_id), ticket.barcode_string, ticket.status]),
				delivery.data.ticket_items.map((item) => [item.id, item.event_id, item.barcode_string, 'voided']),
			);
			await deliver(imported, delivery);
			const [execution] = await n8n.waitForExecutions(imported.id, 1, { timeoutMs: 90_000 });
			assert.equal(execution.status, 'success', JSON.stringify(execution.data?.resultData?.error ?? {}));
			const statuses = tickets.map((ticket) => `${ticket.barcode_string}: ${ticket.status}`).join(', ');
			const summary =
				`Refund for ${delivery.data.customer_name} <${delivery.data.customer_email}>, transaction ${delivery.data.transaction_id}: ` +
				`${tickets.length} ticket(s) in Showpass now: ${tickets.map((ticket) => `${ticket.barcode_string} ${ticket.status}`).join(', ')}`;
			assert.deepEqual(nodeRun(execution, 'Post to Slack').items, [
				{ transaction_id: delivery.data.transaction_id, tickets: tickets.length, statuses, summary },
			]);
			const asked = showpass.requestsTo(`/financials/invoices/${delivery.data.transaction_id}/tickets/`);
			assert.deepEqual(asked.map((request) => request.status), [202, 200]);
			const readme = fs.readFileSync(path.join(examplesDir, '..', 'README.md'), 'utf8');
			assert.ok(readme.includes(`\`${summary}\``), `README.md does not quote the refund summary: ${summary}`);
		});
		it('door check-in: a scanner posts a barcode → admitted once, then "already used"; an unknown barcode is refused', async () => {
			const imported = await importExample('door-check-in.json');
			const [ticket] = showpass.addInvoice(`door-${version}`, { ticketCount: 1 }).tickets;
			const scan = async (barcode) => {
				const response = await fetch(imported.url, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ barcode }),
				});
				const text = await response.text();
				assert.equal(response.status, 200, text);
				return JSON.parse(text);
			};
			const historiesBefore = showpass.requestsTo('/tickets/items/histories/').length;

			assert.deepEqual(await scan(ticket.barcode_string), {
				admitted: true,
				reason: 'checked in',
				ticket: ticket.id,
				ticketType: ticket.type.name,
			});
			assert.equal(showpass.tickets.get(String(ticket.id)).status, 'used');
			const histories = showpass.requestsTo('/tickets/items/histories/').slice(historiesBefore);
			assert.deepEqual(
				histories.map((request) => [request.method, request.status, request.body.item, request.body.action, request.body.barcode_string, request.body.scanner_device]),
				[['POST', 201, ticket.id, 'pickup', ticket.barcode_string, 'door-1']],
			);

			assert.deepEqual(await scan(ticket.barcode_string), { admitted: false, reason: 'already used' });
			assert.deepEqual(await scan('NOT-A-TICKET'), { admitted: false, reason: 'No ticket found for code "NOT-A-TICKET".' });
			// Neither refusal records anything in Showpass: still the one check-in.
			assert.equal(showpass.requestsTo('/tickets/items/histories/').length, historiesBefore + 1);
			const verifications = showpass.requestsTo('/tickets/items/scan/').slice(-3);
			assert.deepEqual(verifications.map((request) => [request.status, request.query.code ?? request.body?.code]), [
				[200, ticket.barcode_string],
				[200, ticket.barcode_string],
				[404, 'NOT-A-TICKET'],
			]);
			const executions = await n8n.waitForExecutions(imported.id, 3);
			assert.deepEqual(executions.map((execution) => execution.status), ['success', 'success', 'success']);
		});

		it('member signs up → a one-use ticket-type code in Showpass → the email gets the code', async () => {
			const imported = await importExample('member-password-email.json');
			const member = { email: 'grace@example.com', name: 'Grace', memberId: 'm17' };
			const response = await fetch(imported.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(member),
			});
			assert.equal(response.status, 200, await response.text());
			const [execution] = await n8n.waitForExecutions(imported.id, 1);
			assert.equal(execution.status, 'success', JSON.stringify(execution.data?.resultData?.error ?? {}));

			const [created] = showpass.requestsTo('/passwords/').filter((request) => request.method === 'POST');
			assert.equal(created.status, 201);
			assert.equal(created.body.password, 'MEMBER-M17');
			assert.equal(created.body.ticket_type, 3002);
			assert.equal(created.body.max_item_purchase_limit, 1);
			assert.equal('event_id' in created.body, false);
			const [code] = [...showpass.passwords.values()].filter((record) => record.password === 'MEMBER-M17');
			assert.deepEqual([code.ticket_type, code.max_item_purchase_limit, code.is_active], [3002, 1, true]);

			assert.deepEqual(nodeRun(execution, 'Email the Member').items, [
				{
					to: member.email,
					subject: 'Your members\' presale code',
					text: `Hi ${member.name},\n\nyour presale code is MEMBER-M17. Enter it on the event page to unlock the members' tickets; it is good for 1 ticket.\n\nSee you there`,
				},
			]);
		});
	});
}
