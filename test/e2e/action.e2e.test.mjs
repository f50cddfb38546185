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
import { ACTION_TYPE, nodeRun, showpassApiCredential, triggerThenSteps } from './workflows.mjs';
import { builtDescription, readBuiltSchema, schemaErrors, schemaVersionFolder } from './output-schemas.mjs';

const SECRET_KEY = 'e2e-action-secret-4c1d';
const API_TOKEN = 'e2e-showpass-token-91ab';
const ORGANIZATION_ID = '5796';
const versions = testedVersions();
const LATEST = 2;
const locator = (value, mode = 'id') => ({ __rl: true, mode, value });

for (const version of versions) {
	describe(`Showpass node on n8n ${version}`, { timeout: 15 * 60_000 }, () => {
		let n8n;
		let showpass;
		let webhookCredential;
		let apiCredential;
		let wrongTokenCredential;
		/** Every Showpass node output this suite saw: checked against the output schemas at the end. */
		const outputs = [];

		function collectOutputs(execution, steps) {
			for (const step of steps) {
				if ((step.type ?? ACTION_TYPE) !== ACTION_TYPE) continue;
				const { items, error } = nodeRun(execution, step.name);
				if (error || items.length === 0 || items.some((item) => 'error' in item)) continue;
				const { resource, operation } = step.parameters;
				outputs.push({ typeVersion: step.typeVersion ?? 1, resource, operation, node: step.name, items });
			}
		}

		/** Creates and activates a Trigger → steps workflow; `deliver` posts a delivery and returns its execution. */
		async function triggerWorkflow({ name, events = ['invoice.purchase'], steps }) {
			const { workflow, webhookId } = triggerThenSteps({
				name,
				triggerParameters: { events, output: 'event' },
				webhookCredential,
				steps,
			});
			const created = await n8n.createWorkflow(workflow);
			await n8n.activateWorkflow(created.id);
			let delivered = 0;
			return {
				async deliver(delivery = buildDelivery(events[0])) {
					const reply = await postDelivery(n8n.webhookUrl(webhookId), delivery, { secretKey: SECRET_KEY });
					assert.equal(reply.status, 200, reply.text);
					delivered += 1;
					const executions = await n8n.waitForExecutions(created.id, delivered);
					const execution = executions.find((candidate) => nodeRun(candidate, 'Showpass Trigger').items[0]?.webhook_event_uuid === delivery.webhook_event_uuid);
					assert.ok(execution, `no execution of ${name}`);
					collectOutputs(execution, steps);
					return execution;
				},
			};
		}

		async function deliverThrough({ name, events, steps, delivery }) {
			return (await triggerWorkflow({ name, events, steps })).deliver(delivery);
		}

		const succeeded = (execution) =>
			assert.equal(execution.status, 'success', JSON.stringify(execution.data?.resultData?.error ?? {}));

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
		it('Ticket → Verify: a found ticket, an unknown code and a type not permitted are items; 404 and 400 both mean "not found"; a long list is POSTed', async () => {
			const [ticket] = showpass.addInvoice(`verify-${version}`, { ticketCount: 1 }).tickets;
			const longList = [...Array.from({ length: 150 }, (_, index) => String(9000 + index)), String(ticket.type.id)].join(',');
			const verify = (name, code, options = {}) => ({
				name,
				typeVersion: LATEST,
				parameters: { resource: 'ticket', operation: 'verify', code, options },
				credentials: showpassApiCredential(apiCredential),
			});
			const steps = [
				verify('Verify Found', ticket.barcode_string, { permittedTicketTypeIds: `${ticket.type.id},3002` }),
				verify('Verify Unknown', 'NO-SUCH-CODE'),
				verify('Verify Not Permitted', ticket.barcode_string, { permittedTicketTypeIds: '3002' }),
				verify('Verify Long List', ticket.barcode_string, { permittedTicketTypeIds: longList }),
			];
			const workflow = await triggerWorkflow({ name: 'e2e verify', steps });
			const before = showpass.requests.length;
			const expectOutputs = (execution) => {
				succeeded(execution);
				assert.deepEqual(nodeRun(execution, 'Verify Found').items, [{ ...ticket, found: true }]);
				assert.deepEqual(nodeRun(execution, 'Verify Unknown').items, [
					{ found: false, code: 'NO-SUCH-CODE', message: 'No ticket found for code "NO-SUCH-CODE".' },
				]);
				assert.deepEqual(nodeRun(execution, 'Verify Not Permitted').items, [
					{ found: false, code: ticket.barcode_string, message: `The ticket type of code "${ticket.barcode_string}" is not permitted here.` },
				]);
				assert.deepEqual(nodeRun(execution, 'Verify Long List').items, [{ ...ticket, found: true }]);
			};
			expectOutputs(await workflow.deliver());
			const sent = showpass.requests.slice(before);
			assert.deepEqual(
				sent.map((request) => [request.method, request.path, request.status]),
				[
					['GET', `/api/venue/${ORGANIZATION_ID}/tickets/items/scan/`, 200],
					['GET', `/api/venue/${ORGANIZATION_ID}/tickets/items/scan/`, 404],
					['GET', `/api/venue/${ORGANIZATION_ID}/tickets/items/scan/`, 400],
					['POST', `/api/venue/${ORGANIZATION_ID}/tickets/items/scan/`, 200],
				],
			);
			assert.deepEqual(sent[0].query, { code: ticket.barcode_string, permittedTypeIDs: `${ticket.type.id},3002` });
			assert.deepEqual(sent[1].query, { code: 'NO-SUCH-CODE' });
			assert.deepEqual(sent[3].query, {});
			assert.equal(sent[3].body.code, ticket.barcode_string);
			assert.equal([sent[3].body.permittedTypeIDs].flat().join(','), longList);

			// A Showpass that answers the other way round (400 unknown, 404 not permitted) reads the same.
			showpass.verifyMissStatus = { unknown: 400, notPermitted: 404 };
			try {
				const again = showpass.requests.length;
				expectOutputs(await workflow.deliver());
				assert.deepEqual(showpass.requests.slice(again).map((request) => request.status), [200, 400, 404, 200]);
			} finally {
				showpass.verifyMissStatus = { unknown: 404, notPermitted: 400 };
			}
			assert.equal(showpass.requestsTo('/tickets/items/histories/').filter((request) => request.body.item === ticket.id).length, 0);
		});

		it('Ticket → Scan by barcode: verifies, then records the pickup on the ticket found with the barcode Showpass returned; an unknown barcode records nothing', async () => {
			const [ticket] = showpass.addInvoice(`scan-${version}`, { ticketCount: 1 }).tickets;
			const scanBy = (name, barcode) => ({
				name,
				typeVersion: LATEST,
				parameters: { resource: 'ticket', operation: 'scan', ticketBy: 'barcode', code: barcode, scanAction: 'pickup', options: {} },
				credentials: showpassApiCredential(apiCredential),
			});
			const before = showpass.requests.length;
			const execution = await deliverThrough({
				name: 'e2e scan by barcode',
				events: ['invoice.purchase'],
				delivery: buildDelivery('invoice.purchase'),
				steps: [scanBy('Check In', `  ${ticket.barcode_string} `), scanBy('Check In Unknown', 'NOT-ISSUED-1')],
			});
			succeeded(execution);
			const [history] = nodeRun(execution, 'Check In').items;
			assert.deepEqual([history.item, history.action, history.before, history.after, history.found], [ticket.id, 'pickup', 'payed', 'used', true]);
			assert.deepEqual(history.ticket, { ...ticket, status: 'payed' });
			assert.deepEqual(nodeRun(execution, 'Check In Unknown').items, [
				{ found: false, code: 'NOT-ISSUED-1', message: 'No ticket found for code "NOT-ISSUED-1".' },
			]);
			const sent = showpass.requests.slice(before);
			assert.deepEqual(
				sent.map((request) => [request.method, request.path.replace(`/api/venue/${ORGANIZATION_ID}`, ''), request.status]),
				[
					['GET', '/tickets/items/scan/', 200],
					['POST', '/tickets/items/histories/', 201],
					['GET', '/tickets/items/scan/', 404],
				],
			);
			assert.equal(sent[0].query.code, ticket.barcode_string);
			assert.deepEqual(sent[1].body, { item: ticket.id, action: 'pickup', scanner_device: 'web_app', barcode_string: ticket.barcode_string });
			assert.equal(showpass.tickets.get(String(ticket.id)).status, 'used');
		});

		it('Password: create for each scope, get, get many (bare list and pages), update, delete (event code with event_id)', async () => {
			const password = (name, parameters, extra = {}) => ({
				name,
				typeVersion: LATEST,
				executeOnce: true,
				parameters: { resource: 'password', ...parameters },
				credentials: showpassApiCredential(apiCredential),
				...extra,
			});
			const before = showpass.requests.length;
			const sentAt = Date.now();
			const execution = await deliverThrough({
				name: 'e2e passwords',
				events: ['invoice.purchase'],
				delivery: buildDelivery('invoice.purchase'),
				steps: [
					password('Ticket Type Code', {
						operation: 'create',
						password: 'E2E-TT',
						scope: 'ticketType',
						ticketTypeId: '3001',
						additionalFields: { maxItemPurchaseLimit: 1 },
					}),
					password('Event Code', {
						operation: 'create',
						password: 'E2E-EV',
						scope: 'event',
						eventId: locator('98765'),
						additionalFields: { startTime: '2026-01-01T00:00:00Z', endTime: '2027-01-01T00:00:00Z', isRegexMatch: false, isActive: true },
					}),
					password('Selected Types Code', {
						operation: 'create',
						password: 'E2E-SEL',
						scope: 'eventTicketTypes',
						eventId: locator('98766'),
						ticketTypeIds: '3011, 3012',
					}),
					password('Get Code', { operation: 'get', passwordId: locator('={{ $("Event Code").first().json.id }}') }),
					password('All Codes', { operation: 'getAll', returnAll: true }),
					password('Two Codes', { operation: 'getAll', returnAll: false, limit: 2 }),
					password('Retire Code', {
						operation: 'update',
						passwordId: locator('={{ $("Event Code").first().json.id }}'),
						updateFields: { isActive: false },
					}),
					password('Delete Event Code', {
						operation: 'delete',
						passwordId: locator('={{ $("Event Code").first().json.id }}'),
						eventId: locator('98765'),
					}),
					password('Delete Ticket Type Code', {
						operation: 'delete',
						passwordId: locator('={{ $("Ticket Type Code").first().json.id }}'),
					}),
				],
			});
			const readBackAt = Date.now();
			succeeded(execution);
			const sent = showpass.requests.slice(before).filter((request) => request.path.includes('/passwords/'));
			const creates = sent.filter((request) => request.method === 'POST');
			assert.deepEqual(creates.map((request) => request.status), [201, 201, 201]);
			const [typeCode, eventCode, selected] = creates.map((request) => request.body);
			// ticket_type XOR event_id, and ticket_type_ids only with an event.
			assert.equal(typeCode.ticket_type, 3001);
			assert.equal(typeCode.max_item_purchase_limit, 1);
			assert.equal('event_id' in typeCode || 'ticket_type_ids' in typeCode, false);
			// Start time defaults to now, so the code works at once: the moment the execution sent it.
			const startTime = Date.parse(typeCode.start_time);
			assert.ok(startTime >= sentAt && startTime <= readBackAt, `${typeCode.start_time} is not between ${new Date(sentAt).toISOString()} and ${new Date(readBackAt).toISOString()}`);
			assert.deepEqual(
				[eventCode.event_id, 'ticket_type' in eventCode, 'ticket_type_ids' in eventCode, eventCode.start_time, eventCode.end_time, eventCode.is_regex_match, eventCode.is_active],
				[98765, false, false, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', false, true],
			);
			assert.deepEqual([selected.event_id, 'ticket_type' in selected, selected.ticket_type_ids], [98766, false, [3011, 3012]]);

			const eventCodeRecord = nodeRun(execution, 'Event Code').items[0];
			assert.equal('event_id' in eventCodeRecord, false);
			assert.deepEqual(nodeRun(execution, 'Get Code').items, [eventCodeRecord]);
			assert.deepEqual(nodeRun(execution, 'All Codes').items.map((code) => code.password), ['E2E-TT', 'E2E-EV', 'E2E-SEL']);
			assert.deepEqual(nodeRun(execution, 'Two Codes').items.map((code) => code.password), ['E2E-TT', 'E2E-EV']);
			assert.equal(nodeRun(execution, 'Retire Code').items[0].is_active, false);
			const update = sent.find((request) => request.method === 'PUT');
			assert.deepEqual(update.body, { is_active: false });
			assert.deepEqual(nodeRun(execution, 'Delete Event Code').items, [{ id: eventCodeRecord.id, deleted: true }]);
			const deletes = sent.filter((request) => request.method === 'DELETE');
			assert.deepEqual(deletes.map((request) => [request.query, request.status]), [
				[{ event_id: '98765' }, 204],
				[{}, 204],
			]);
			assert.deepEqual([...showpass.passwords.values()].map((code) => code.password), ['E2E-SEL']);
			const lists = sent.filter((request) => request.method === 'GET' && request.path.endsWith('/passwords/'));
			assert.ok(lists.length >= 2 && lists.length <= 6, JSON.stringify(lists.map((request) => request.query)));
		});

		it('Password → Get Many reads Showpass\'s bare list (no pages) too', async () => {
			showpass.passwordListsBare = true;
			try {
				const before = showpass.requests.length;
				const execution = await deliverThrough({
					name: 'e2e bare password list',
					events: ['invoice.purchase'],
					delivery: buildDelivery('invoice.purchase'),
					steps: [
						{
							name: 'All Codes',
							typeVersion: LATEST,
							parameters: { resource: 'password', operation: 'getAll', returnAll: true },
							credentials: showpassApiCredential(apiCredential),
						},
					],
				});
				succeeded(execution);
				assert.deepEqual(nodeRun(execution, 'All Codes').items, [...showpass.passwords.values()]);
				const lists = showpass.requests.slice(before);
				assert.deepEqual(lists.map((request) => [request.method, request.path, request.status]), [
					['GET', `/api/venue/${ORGANIZATION_ID}/passwords/`, 200],
				]);
			} finally {
				showpass.passwordListsBare = false;
			}
		});

		it('resource locators: From List searches through n8n\'s own editor endpoint with a filter; By URL gets an event by its page', async () => {
			const description = builtDescription('Showpass', 'Showpass');
			const listMethod = (name) =>
				description.properties
					.find((property) => property.name === name && property.type === 'resourceLocator')
					.modes.find((mode) => mode.name === 'list').typeOptions.searchListMethod;
			const search = async (parameter, methodName, filter, currentNodeParameters) => {
				const answer = await n8n.rest('POST', '/dynamic-node-parameters/resource-locator-results', {
					path: `parameters.${parameter}`,
					nodeTypeAndVersion: { name: ACTION_TYPE, version: LATEST },
					methodName,
					filter,
					currentNodeParameters,
					credentials: showpassApiCredential(apiCredential),
				});
				assert.equal(answer.status, 200, answer.text);
				return answer.json.data;
			};
			const before = showpass.requests.length;
			const events = await search('eventId', listMethod('eventId'), 'lights 2026 #1', {
				resource: 'event',
				operation: 'get',
				eventId: locator('', 'list'),
			});
			const expected = showpass.events.filter((event) => event.name.toLowerCase().includes('lights 2026 #1'));
			assert.equal(expected.length, 11);
			// Each event is listed with its start date, so same-named shows are told apart.
			assert.deepEqual(
				events.results.map((result) => [result.name, result.value]),
				expected.map((event) => [`${event.name} (${event.starts_on.slice(0, 10)})`, String(event.id)]),
			);
			assert.equal(events.results[0].url, expected[0].frontend_details_url);
			const eventPages = showpass.requests.slice(before);
			assert.ok(eventPages.length >= 1 && eventPages.length <= 5, String(eventPages.length));
			assert.ok(eventPages.every((request) => request.path === `/api/venue/${ORGANIZATION_ID}/events/` && request.status === 200));

			for (const code of ['LOCATOR-SEL-1', 'LOCATOR-OTHER', 'locator-sel-2']) {
				const created = await fetch(`${showpass.baseUrl}/api/venue/${ORGANIZATION_ID}/passwords/`, {
					method: 'POST',
					headers: { authorization: `Token ${API_TOKEN}`, 'content-type': 'application/json' },
					body: JSON.stringify({ password: code, ticket_type: 3001 }),
				});
				assert.equal(created.status, 201);
			}
			const codes = await search('passwordId', listMethod('passwordId'), 'sel', { resource: 'password', operation: 'get', passwordId: locator('', 'list') });
			assert.deepEqual(codes.results.map((result) => result.name), [...showpass.passwords.values()].filter((code) => code.password.toLowerCase().includes('sel')).map((code) => code.password));

			const byUrl = showpass.events[3];
			const execution = await deliverThrough({
				name: 'e2e event by url',
				events: ['invoice.purchase'],
				delivery: buildDelivery('invoice.purchase'),
				steps: [
					{
						name: 'Event By URL',
						typeVersion: LATEST,
						parameters: { resource: 'event', operation: 'get', eventId: locator(`https://www.showpass.com/${byUrl.slug}/?utm_source=n8n`, 'url') },
						credentials: showpassApiCredential(apiCredential),
					},
					{
						name: 'Event By Demo URL',
						typeVersion: LATEST,
						parameters: { resource: 'event', operation: 'get', eventId: locator(`https://demo.showpass.com/${showpass.events[0].slug}/`, 'url') },
						credentials: showpassApiCredential(apiCredential),
					},
				],
			});
			succeeded(execution);
			assert.equal(nodeRun(execution, 'Event By URL').items[0].id, byUrl.id);
			assert.equal(nodeRun(execution, 'Event By Demo URL').items[0].id, showpass.events[0].id);
			assert.deepEqual(showpass.requestsTo('/events/').slice(-2).map((request) => request.path.split('/').at(-2)), [byUrl.slug, showpass.events[0].slug]);
		});

		it('a version-1 workflow (plain text IDs, the parameters saved before the pickers) runs unchanged', async () => {
			const [ticket] = showpass.addInvoice(`v1-${version}`, { ticketCount: 1 }).tickets;
			const v1 = (name, parameters) => ({ name, typeVersion: 1, parameters, credentials: showpassApiCredential(apiCredential) });
			const before = showpass.requests.length;
			const execution = await deliverThrough({
				name: 'e2e version 1',
				events: ['invoice.purchase'],
				delivery: buildDelivery('invoice.purchase'),
				steps: [
					v1('Get Event', { resource: 'event', operation: 'get', eventId: 'harbour-lights-2026' }),
					v1('Create Link', { resource: 'trackingLink', operation: 'create', via: 3, additionalFields: { eventId: '={{ $json.id }}' } }),
					v1('Get Link', { resource: 'trackingLink', operation: 'get', trackingLinkId: '={{ $json.id }}' }),
					v1('Delete Link', { resource: 'trackingLink', operation: 'delete', trackingLinkId: '={{ String($json.id) }}' }),
					v1('Check In', { resource: 'ticket', operation: 'scan', ticketId: String(ticket.id), scanAction: 'pickup' }),
				],
			});
			succeeded(execution);
			const sent = showpass.requests.slice(before);
			const link = nodeRun(execution, 'Get Link').items[0];
			assert.deepEqual(
				sent.map((request) => [request.method, request.path.replace(`/api/venue/${ORGANIZATION_ID}`, ''), request.status]),
				[
					['GET', '/events/harbour-lights-2026/', 200],
					['POST', '/analytics/tracking/links/', 201],
					['GET', `/analytics/tracking/links/${link.id}/`, 200],
					['DELETE', `/analytics/tracking/links/${link.id}/`, 204],
					['GET', `/tickets/items/${ticket.id}/`, 200],
					['POST', '/tickets/items/histories/', 201],
				],
			);
			assert.deepEqual(nodeRun(execution, 'Delete Link').items, [{ id: link.id, deleted: true }]);
			assert.equal(nodeRun(execution, 'Check In').items[0].after, 'used');
		});

		it('Ticket → Get Scan Stats and Get Scan Timeline: totals, per ticket type and period, one item per day (bare array or {results}); version 1 takes the ID as text', async () => {
			const event = showpass.events[5];
			const [generalAdmission, vip] = event.ticket_types;
			const tickets = showpass.addInvoice(`door-stats-${version}`, { ticketCount: 3, eventId: event.id }).tickets;
			showpass.recordScan(tickets[2].id, 'void', '2026-07-19T10:00:00Z');
			showpass.recordScan(tickets[0].id, 'pickup', '2026-07-20T19:00:00Z');
			showpass.recordScan(tickets[1].id, 'pickup', '2026-07-20T19:05:00Z');
			showpass.recordScan(tickets[1].id, 'return', '2026-07-21T01:00:00Z');
			const step = (name, parameters, typeVersion = LATEST) => ({
				name,
				typeVersion,
				parameters: { resource: 'ticket', ...parameters },
				credentials: showpassApiCredential(apiCredential),
			});
			const workflow = await triggerWorkflow({
				name: 'e2e door stats',
				steps: [
					step('Door Totals', { operation: 'getScanStats', eventId: locator(String(event.id), 'list') }),
					step('Door Evening By Type', {
						operation: 'getScanStats',
						eventId: locator(`={{ ${event.id} }}`),
						breakdownByType: true,
						createdAfter: '2026-07-20T00:00:00Z',
						createdBefore: '2026-07-20T23:59:59Z',
					}),
					step('Door Totals v1', { operation: 'getScanStats', eventId: String(event.id) }, 1),
					step('Door Days', { operation: 'getScanTimeline', eventId: locator(String(event.id)) }),
				],
			});
			const totals = { total_voided: 1, total_picked_up: 2, total_returned: 1, total_used: 1, total_multiscan_used: 0 };
			const days = [
				{ date: '2026-07-19', picked_up: 0, returned: 0, voided: 1 },
				{ date: '2026-07-20', picked_up: 2, returned: 0, voided: 0 },
				{ date: '2026-07-21', picked_up: 0, returned: 1, voided: 0 },
			];
			const before = showpass.requests.length;
			const execution = await workflow.deliver();
			succeeded(execution);
			assert.deepEqual(nodeRun(execution, 'Door Totals').items, [totals]);
			assert.deepEqual(nodeRun(execution, 'Door Evening By Type').items, [
				{
					total_voided: 0,
					total_picked_up: 2,
					total_returned: 0,
					total_used: 2,
					total_multiscan_used: 0,
					breakdown_by_type: [
						{ id: generalAdmission.id, name: generalAdmission.name, total_picked_up: 1, total_returned: 0, total_voided: 0, total_used: 1 },
						{ id: vip.id, name: vip.name, total_picked_up: 1, total_returned: 0, total_voided: 0, total_used: 1 },
					],
				},
			]);
			assert.deepEqual(nodeRun(execution, 'Door Totals v1').items, [totals]);
			assert.deepEqual(nodeRun(execution, 'Door Days').items, days);
			const sent = showpass.requests.slice(before);
			const stats = `/api/venue/${ORGANIZATION_ID}/tickets/items/histories/stats/`;
			assert.deepEqual(
				sent.map((request) => [request.method, request.path, request.query, request.status, request.authorization]),
				[
					['GET', stats, { item__event_id: String(event.id) }, 200, `Token ${API_TOKEN}`],
					[
						'GET',
						stats,
						{ item__event_id: String(event.id), breakdown_by_type: 'true', created__gte: '2026-07-20T00:00:00Z', created__lte: '2026-07-20T23:59:59Z' },
						200,
						`Token ${API_TOKEN}`,
					],
					['GET', stats, { item__event_id: String(event.id) }, 200, `Token ${API_TOKEN}`],
					['GET', `${stats}timeline/`, { item__event_id: String(event.id) }, 200, `Token ${API_TOKEN}`],
				],
			);

			// A Showpass that wraps the timeline in a page reads the same.
			showpass.timelineWrapped = true;
			try {
				const again = await workflow.deliver();
				succeeded(again);
				assert.deepEqual(nodeRun(again, 'Door Days').items, days);
			} finally {
				showpass.timelineWrapped = false;
			}
		});

		it('Event → Get Many (Public): the organization\'s public listing across pages, filtered and sorted, never with the token', async () => {
			const publicStep = (name, parameters, typeVersion = LATEST) => ({
				name,
				typeVersion,
				executeOnce: true,
				parameters: { resource: 'event', operation: 'getManyPublic', ...parameters },
				credentials: showpassApiCredential(apiCredential),
			});
			const from = showpass.events[10].starts_on;
			const before = showpass.requests.length;
			const execution = await deliverThrough({
				name: 'e2e public listing',
				events: ['invoice.purchase'],
				delivery: buildDelivery('invoice.purchase'),
				steps: [
					publicStep('All Public', { returnAll: true }),
					publicStep('Upcoming Family', {
						returnAll: true,
						filters: { startsAfter: from, tags: 'family', includeRecurringInstances: true },
						options: { ordering: '-starts_on' },
					}),
					publicStep('Five Public v1', { returnAll: false, limit: 5, filters: { search: 'harbour' } }, 1),
				],
			});
			succeeded(execution);
			const parents = showpass.events.filter((event) => showpass.listing.get(event.id).parent === null);
			assert.ok(parents.length > 10 && parents.length < showpass.events.length);
			assert.deepEqual(nodeRun(execution, 'All Public').items.map((event) => event.id), parents.map((event) => event.id));
			const family = showpass.events
				.filter((event) => Date.parse(event.starts_on) >= Date.parse(from) && showpass.listing.get(event.id).tags.includes('family'))
				.reverse();
			assert.ok(family.some((event) => showpass.listing.get(event.id).parent !== null), 'a recurring date is among them');
			assert.deepEqual(nodeRun(execution, 'Upcoming Family').items.map((event) => [event.id, event.starts_on]), family.map((event) => [event.id, event.starts_on]));
			assert.deepEqual(nodeRun(execution, 'Five Public v1').items.map((event) => event.id), parents.slice(0, 5).map((event) => event.id));
			assert.equal('is_published' in nodeRun(execution, 'All Public').items[0], false);

			const sent = showpass.requests.slice(before);
			assert.ok(sent.every((request) => request.path === '/api/public/discovery/' && request.authorization === undefined && request.status === 200));
			const venue = ORGANIZATION_ID;
			assert.deepEqual(
				sent.map((request) => request.query),
				[
					{ venue, page_size: '100' },
					{ venue, page_size: '100', page: '2' },
					{ venue, page_size: '100', page: '3' },
					{ venue, page_size: '100', starts_on__gte: from, tags: 'family', only_parents: 'false', ordering: '-starts_on' },
					{ venue, page_size: '5', search_string: 'harbour' },
				],
			);
		});

		it('Discount restrictions: codes for selected events, ticket types or all but some, updated and found by ticket type and code; what Showpass refuses is clear', async () => {
			const [first, second, third] = [showpass.events[1], showpass.events[2], showpass.events[3]];
			const [generalAdmission, vip] = first.ticket_types;
			// The ticket type picker, through n8n's own editor endpoint.
			const options = await n8n.rest('POST', '/dynamic-node-parameters/options', {
				path: 'parameters.ticketTypeIds',
				nodeTypeAndVersion: { name: ACTION_TYPE, version: LATEST },
				methodName: 'loadEventTicketTypes',
				currentNodeParameters: { resource: 'discount', operation: 'create', appliesTo: 'ticketTypes', eventId: locator(String(first.id), 'list') },
				credentials: showpassApiCredential(apiCredential),
			});
			assert.equal(options.status, 200, options.text);
			assert.deepEqual(options.json.data.map((option) => [option.name, option.value]), first.ticket_types.map((type) => [type.name, String(type.id)]));

			const discountStep = (name, parameters) => ({
				name,
				typeVersion: LATEST,
				executeOnce: true,
				parameters: { resource: 'discount', ...parameters },
				credentials: showpassApiCredential(apiCredential),
			});
			const create = (name, code, parameters = {}) =>
				discountStep(name, { operation: 'create', code, valueType: 'percentage', value: 100, additionalFields: {}, ...parameters });
			const idOf = (node) => locator(`={{ $("${node}").first().json.id }}`);
			const before = showpass.requests.length;
			const execution = await deliverThrough({
				name: 'e2e discount restrictions',
				events: ['invoice.purchase'],
				delivery: buildDelivery('invoice.purchase'),
				steps: [
					create('Events Code', 'E2E-EVENTS', { appliesTo: 'events', eventIds: [String(first.id), String(second.id)] }),
					create('Types Code', 'E2E-TYPES', {
						appliesTo: 'ticketTypes',
						eventId: locator(String(first.id), 'list'),
						ticketTypeIds: [String(generalAdmission.id), String(vip.id)],
					}),
					create('Except Code', 'E2E-EXCEPT', { appliesTo: 'allExceptTicketTypes', eventId: locator(String(first.id)), ticketTypeIds: [String(vip.id)] }),
					create('Open Code', 'E2E-OPEN'),
					discountStep('Narrow Open Code', { operation: 'update', discountId: idOf('Open Code'), appliesTo: 'events', eventIds: `=${third.id}`, updateFields: {} }),
					discountStep('Lift Types Code', { operation: 'update', discountId: idOf('Types Code'), appliesTo: 'all', updateFields: {} }),
					discountStep('Keep Events Code', { operation: 'update', discountId: idOf('Events Code'), updateFields: { reference: 'kept' } }),
					discountStep('By VIP', { operation: 'getAll', returnAll: true, filters: { ticketTypeIds: String(vip.id) }, options: { ordering: '-id' } }),
					discountStep('By Codes', { operation: 'getAll', returnAll: true, filters: { codes: 'e2e-open, E2E-EVENTS' }, options: { ordering: '-id' } }),
				],
			});
			succeeded(execution);
			const sent = showpass.requests.slice(before).filter((request) => request.path.includes('/financials/discounts/'));
			const writes = sent.filter((request) => request.method !== 'GET').map((request) => [request.method, request.status, request.body]);
			const only = 'disc_level_ticket_type';
			assert.deepEqual(writes, [
				['POST', 201, { code: 'E2E-EVENTS', percentage: '100.00', type: 1, permission_type: only, event_discount_permissions: [{ event: first.id }, { event: second.id }] }],
				[
					'POST',
					201,
					{
						code: 'E2E-TYPES',
						percentage: '100.00',
						type: 1,
						permission_type: only,
						event_discount_permissions: [{ event: first.id, tt_discount_permissions: [{ ticket_type: generalAdmission.id }, { ticket_type: vip.id }] }],
					},
				],
				[
					'POST',
					201,
					{
						code: 'E2E-EXCEPT',
						percentage: '100.00',
						type: 1,
						permission_type: 'disc_level_excluded_ticket_type',
						event_discount_permissions: [{ event: first.id, tt_discount_permissions: [{ ticket_type: vip.id }] }],
					},
				],
				['POST', 201, { code: 'E2E-OPEN', percentage: '100.00', type: 1 }],
				['PUT', 200, { permission_type: only, event_discount_permissions: [{ event: third.id }] }],
				['PUT', 200, { permission_type: only, event_discount_permissions: [] }],
				['PUT', 200, { reference: 'kept' }],
			]);
			const codeOf = (node) => nodeRun(execution, node).items.map((discount) => discount.code);
			assert.deepEqual(nodeRun(execution, 'Except Code').items[0].permission_type, 'disc_level_excluded_ticket_type');
			assert.deepEqual(nodeRun(execution, 'Keep Events Code').items[0].event_discount_permissions.map((entry) => entry.event), [first.id, second.id]);
			assert.deepEqual(codeOf('By VIP'), ['E2E-EXCEPT']);
			assert.deepEqual(codeOf('By Codes'), ['E2E-OPEN', 'E2E-EVENTS']);
			const lists = sent.filter((request) => request.method === 'GET').map((request) => request.query);
			assert.deepEqual(lists, [
				{ page_size: '100', tt_discount_permissions__ticket_type__in: String(vip.id), ordering: '-id' },
				{ page_size: '100', code__in: 'e2e-open,E2E-EVENTS', ordering: '-id' },
			]);

			// A ticket type of another event: Showpass refuses, the execution says so in its words.
			const refusedBefore = showpass.requests.length;
			const refused = await deliverThrough({
				name: 'e2e discount refused',
				events: ['invoice.purchase'],
				delivery: buildDelivery('invoice.purchase'),
				steps: [create('Wrong Types', 'E2E-WRONG', { appliesTo: 'ticketTypes', eventId: locator(String(first.id)), ticketTypeIds: [String(second.ticket_types[0].id)] })],
			});
			assert.equal(refused.status, 'error');
			const { error } = nodeRun(refused, 'Wrong Types');
			assert.match(error?.message ?? '', /^Showpass rejected the request \(400\): .*is not a ticket type of event/);
			assert.deepEqual(showpass.requests.slice(refusedBefore).map((request) => [request.method, request.status]), [['POST', 400]]);
		});

		it('every Showpass operation\'s output in this suite fits the output schema n8n has for it', async () => {
			const schemas = new Map();
			const schemaFor = async (typeVersion, resource, operation) => {
				const file = `${schemaVersionFolder(typeVersion)}/${resource}/${operation}.json`;
				if (!schemas.has(file)) {
					// As n8n's editor asks for it (both versions serve `__schema__/v<x.y.z>/…` this way).
					const served = await fetch(`${n8n.baseUrl}/schemas/${ACTION_TYPE}/${schemaVersionFolder(typeVersion).slice(1)}/${resource}/${operation}.json`);
					assert.equal(served.status, 200, `n8n ${version} serves no schema for ${file}`);
					const schema = await served.json();
					assert.deepEqual(schema, readBuiltSchema('Showpass', file));
					schemas.set(file, schema);
				}
				return schemas.get(file);
			};
			for (const { typeVersion, resource, operation, node, items } of outputs) {
				const schema = await schemaFor(typeVersion, resource, operation);
				for (const item of items) {
					assert.deepEqual(schemaErrors(schema, item, { complete: true }), [], `${node} (${resource}/${operation} v${typeVersion}): ${JSON.stringify(item)}`);
				}
			}
			const seen = new Set(outputs.filter((output) => output.typeVersion === LATEST).map((output) => `${output.resource}/${output.operation}`));
			const newOperations = [
				'ticket/verify',
				'ticket/scan',
				'ticket/getScanStats',
				'ticket/getScanTimeline',
				'password/create',
				'password/get',
				'password/getAll',
				'password/update',
				'password/delete',
				'event/get',
				'event/getManyPublic',
				'discount/create',
				'discount/update',
				'discount/getAll',
			];
			assert.deepEqual(newOperations.filter((operation) => !seen.has(operation)), []);
			assert.ok(outputs.length >= 25, String(outputs.length));
		});
	});
}
