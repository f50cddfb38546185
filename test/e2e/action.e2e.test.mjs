// End-to-end: the Showpass node inside a real n8n of each pinned version, against a stand-in
// Showpass API on 127.0.0.1 (credential environment "custom"), so every request passes through
// n8n's own request helpers and the credential's authentication. Workflows start from the
// Showpass Trigger with a signed delivery, as they would in production.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { N8nInstance } from '../../scripts/lib/n8n-instance.mjs';
import { testedVersions } from '../../scripts/lib/n8n-versions.mjs';
import { ShowpassApiStub } from '../../scripts/lib/showpass-api-stub.mjs';
import { buildDelivery, postDelivery } from '../../scripts/lib/deliveries.mjs';
import { nodeRun, showpassApiCredential, triggerThenSteps } from './workflows.mjs';

const SECRET_KEY = 'e2e-action-secret-4c1d';
const API_TOKEN = 'e2e-showpass-token-91ab';
const ORGANIZATION_ID = '5796';
const versions = testedVersions();

for (const version of versions) {
	describe(`Showpass node on n8n ${version}`, { timeout: 15 * 60_000 }, () => {
		let n8n;
		let showpass;
		let webhookCredential;
		let apiCredential;
		let wrongTokenCredential;

		async function deliverThrough({ name, events, steps, delivery }) {
			const { workflow, webhookId } = triggerThenSteps({
				name,
				triggerParameters: { events, output: 'event' },
				webhookCredential,
				steps,
			});
			const created = await n8n.createWorkflow(workflow);
			await n8n.activateWorkflow(created.id);
			const reply = await postDelivery(n8n.webhookUrl(webhookId), delivery, { secretKey: SECRET_KEY });
			assert.equal(reply.status, 200, reply.text);
			const [execution] = await n8n.waitForExecutions(created.id, 1);
			assert.ok(execution, `no execution of ${name}`);
			return execution;
		}

		before(async () => {
			showpass = await new ShowpassApiStub({ token: API_TOKEN, organizationId: ORGANIZATION_ID }).start();
			n8n = await N8nInstance.start({ version, log: (line) => console.log(`# ${line}`) });
			await n8n.setUpOwnerAndApiKey();
			webhookCredential = await n8n.createCredential('Showpass webhook', 'showpassWebhookApi', { secretKey: SECRET_KEY });
			// The trailing slash checks that the node normalises a pasted Base URL.
			const standIn = { ...showpass.credentialData(), baseUrl: `${showpass.baseUrl}/` };
			apiCredential = await n8n.createCredential('Showpass API (stand-in)', 'showpassApi', standIn);
			wrongTokenCredential = await n8n.createCredential('Showpass API (wrong token)', 'showpassApi', {
				...standIn,
				apiToken: 'not-the-token',
			});
		});

		after(async () => {
			await n8n?.stop();
			await showpass?.stop();
		});

		it('refund → the invoice\'s tickets (waiting out a 202) → each ticket voided', async () => {
			const delivery = buildDelivery('invoice.refund');
			const transactionId = delivery.data.transaction_id;
			const { tickets } = showpass.addInvoice(transactionId, { ticketCount: 3 });
			const execution = await deliverThrough({
				name: 'e2e refund voids tickets',
				events: ['invoice.refund'],
				delivery,
				steps: [
					{
						name: 'Invoice Tickets',
						parameters: {
							resource: 'invoice',
							operation: 'getTickets',
							transactionId: '={{ $json.data.transaction_id }}',
							options: { waitSeconds: 0.2 },
						},
						credentials: showpassApiCredential(apiCredential),
					},
					{
						name: 'Void Ticket',
						parameters: { resource: 'ticket', operation: 'scan', ticketId: '={{ $json.id }}', scanAction: 'void' },
						credentials: showpassApiCredential(apiCredential),
					},
				],
			});
			assert.equal(execution.status, 'success', JSON.stringify(execution.data?.resultData?.error ?? {}));
			assert.deepEqual(
				nodeRun(execution, 'Invoice Tickets').items.map((ticket) => ticket.id),
				tickets.map((ticket) => ticket.id),
			);
			const voids = nodeRun(execution, 'Void Ticket').items;
			assert.deepEqual(voids.map((scan) => [scan.item, scan.action, scan.after]), tickets.map((ticket) => [ticket.id, 'void', 'voided']));

			const ticketRequests = showpass.requestsTo(`/financials/invoices/${transactionId}/tickets/`);
			assert.deepEqual(ticketRequests.map((request) => [request.method, request.status]), [['GET', 202], ['GET', 200]]);
			const scans = showpass.requestsTo('/tickets/items/histories/');
			assert.deepEqual(scans.map((request) => request.body), tickets.map((ticket) => ({ item: ticket.id, action: 'void' })));
			assert.ok([...ticketRequests, ...scans].every((request) => request.authorization === `Token ${API_TOKEN}`));
		});

		it('purchase → all events over several pages → a discount code and a tracking link, read back and deleted', async () => {
			const delivery = buildDelivery('invoice.purchase');
			const execution = await deliverThrough({
				name: 'e2e discount and link',
				events: ['invoice.purchase'],
				delivery,
				steps: [
					{
						name: 'All Events',
						parameters: { resource: 'event', operation: 'getAll', returnAll: true, filters: { search: 'harbour' } },
						credentials: showpassApiCredential(apiCredential),
					},
					{
						name: 'Create Discount',
						executeOnce: true,
						parameters: {
							resource: 'discount',
							operation: 'create',
							code: '=e2e-{{ $json.id }}',
							valueType: 'percentage',
							value: 10,
							additionalFields: {
								totalLimit: 1,
								reference: '={{ $("Showpass Trigger").first().json.webhook_event_uuid }}',
							},
						},
						credentials: showpassApiCredential(apiCredential),
					},
					{
						name: 'Create Link',
						executeOnce: true,
						parameters: {
							resource: 'trackingLink',
							operation: 'create',
							via: 3,
							additionalFields: { eventId: '={{ $("All Events").first().json.id }}', description: 'Partner e2e' },
						},
						credentials: showpassApiCredential(apiCredential),
					},
					{
						name: 'Get Discount',
						parameters: { resource: 'discount', operation: 'get', discountId: '={{ $("Create Discount").first().json.id }}' },
						credentials: showpassApiCredential(apiCredential),
					},
					{
						name: 'Delete Discount',
						parameters: { resource: 'discount', operation: 'delete', discountId: '={{ $json.id }}' },
						credentials: showpassApiCredential(apiCredential),
					},
				],
			});
			assert.equal(execution.status, 'success', JSON.stringify(execution.data?.resultData?.error ?? {}));
			const events = nodeRun(execution, 'All Events').items;
			assert.equal(events.length, showpass.events.length);
			const pages = showpass.requestsTo('/events/');
			assert.deepEqual(
				pages.map((request) => request.query),
				[
					{ page_size: '100', search: 'harbour' },
					{ page_size: '100', search: 'harbour', page: '2' },
					{ page_size: '100', search: 'harbour', page: '3' },
				],
			);

			const [discountRequest] = showpass.requestsTo('/financials/discounts/').filter((request) => request.method === 'POST');
			assert.deepEqual(discountRequest.body, {
				code: `e2e-${events[0].id}`,
				limit: 1,
				reference: delivery.webhook_event_uuid,
				percentage: '10.00',
				type: 1,
			});
			const [discount] = nodeRun(execution, 'Create Discount').items;
			assert.equal(discount.code, `E2E-${events[0].id}`);

			const [linkRequest] = showpass.requestsTo('/analytics/tracking/links/');
			assert.equal(linkRequest.method, 'POST');
			assert.deepEqual(linkRequest.body, {
				venue: Number(ORGANIZATION_ID),
				via: 3,
				description: 'Partner e2e',
				event: events[0].id,
			});
			assert.match(nodeRun(execution, 'Create Link').items[0].short_url, /^https:\/\/showpass\.com\/l\//);
			assert.deepEqual(nodeRun(execution, 'Get Discount').items[0].id, discount.id);
			assert.deepEqual(nodeRun(execution, 'Delete Discount').items, [{ id: discount.id, deleted: true }]);
			assert.equal(showpass.discounts.size, 0);
		});

		it('a wrong token fails the execution with the 401 advice, and nothing is changed', async () => {
			const before = showpass.requests.length;
			const execution = await deliverThrough({
				name: 'e2e wrong token',
				events: ['invoice.purchase'],
				delivery: buildDelivery('invoice.purchase'),
				steps: [
					{
						name: 'Get Event',
						parameters: { resource: 'event', operation: 'get', eventId: '98765' },
						credentials: showpassApiCredential(wrongTokenCredential),
					},
				],
			});
			assert.equal(execution.status, 'error');
			const { error } = nodeRun(execution, 'Get Event');
			assert.equal(error?.message, 'Showpass did not accept the API token (401)');
			assert.match(error?.description ?? '', /Check the API token and the organization ID/);
			const sent = showpass.requests.slice(before);
			assert.deepEqual(sent.map((request) => [request.method, request.status, request.authorization]), [
				['GET', 401, 'Token not-the-token'],
			]);
		});

		it('the credential test asks for one event of the organization and reports a wrong token', async () => {
			const test = async (credential, apiToken) =>
				n8n.rest('POST', '/credentials/test', {
					credentials: {
						id: credential.id,
						name: credential.name,
						type: 'showpassApi',
						data: { apiToken, organizationId: ORGANIZATION_ID, environment: 'custom', baseUrl: `${showpass.baseUrl}/` },
					},
				});
			const before = showpass.requests.length;
			const good = await test(apiCredential, API_TOKEN);
			assert.equal(good.status, 200, good.text);
			assert.equal(good.json?.data?.status, 'OK', good.text);
			const bad = await test(wrongTokenCredential, 'not-the-token');
			assert.equal(bad.json?.data?.status, 'Error', bad.text);
			// n8n may ask more than once after a failed test; every ask is the same one-event request.
			const [first, ...afterBad] = showpass.requests.slice(before);
			const asked = [`/api/venue/${ORGANIZATION_ID}/events/`, { page_size: '1' }];
			assert.deepEqual([first.path, first.query, first.status, first.authorization], [...asked, 200, `Token ${API_TOKEN}`]);
			assert.ok(afterBad.length >= 1);
			for (const request of afterBad) {
				assert.deepEqual([request.path, request.query, request.status], [...asked, 401]);
			}
		});
	});
}
