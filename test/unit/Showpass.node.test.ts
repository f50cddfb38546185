import nock from 'nock';

import discount from '../fixtures/showpass-api/discount.json';
import event from '../fixtures/showpass-api/event.json';
import invoice from '../fixtures/showpass-api/invoice.json';
import scanHistory from '../fixtures/showpass-api/scan-history.json';
import ticket from '../fixtures/showpass-api/ticket.json';
import trackingLink from '../fixtures/showpass-api/tracking-link.json';
import { ORGANIZATION_ID } from './engine';
import { atVersion, BASE_URL, ORG_PATH, page, showpass, usesShowpassOnly } from './showpass/harness';

// These workflows were saved with version 1 of the node: IDs are plain parameters, not locators.
const { run, failure } = atVersion(1);

const ids = (from: number, count: number) =>
	Array.from({ length: count }, (_, index) => ({ id: from + index }));

usesShowpassOnly();

describe('Showpass node: event', () => {
	it('gets one event by id', async () => {
		showpass().get(`${ORG_PATH}/events/98765/`).reply(200, event);
		const { json } = await run({ resource: 'event', operation: 'get', eventId: '98765' });
		expect(json).toEqual([event]);
	});

	it('gets one event by slug, encoding what a slug must not carry raw', async () => {
		showpass().get(`${ORG_PATH}/events/harbour%20lights%2F2026/`).reply(200, event);
		const { json } = await run({ resource: 'event', operation: 'get', eventId: ' harbour lights/2026 ' });
		expect(json[0].id).toBe(98765);
	});

	it('lists events with a search, one page of Limit records', async () => {
		showpass()
			.get(`${ORG_PATH}/events/`)
			.query({ page_size: '5', search: 'lights' })
			.reply(200, page(ids(1, 5), `${BASE_URL}${ORG_PATH}/events/?page=2&page_size=5&search=lights`, 12));
		const { json } = await run({
			resource: 'event',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			filters: { search: 'lights' },
		});
		expect(json.map((record) => record.id)).toEqual([1, 2, 3, 4, 5]);
	});

	it('Return All follows every next link, keeping the filters Showpass puts in it', async () => {
		const next = (pageNumber: number) =>
			`${BASE_URL}${ORG_PATH}/events/?page=${pageNumber}&page_size=100&search=x`;
		showpass()
			.get(`${ORG_PATH}/events/`)
			.query({ page_size: '100', search: 'x' })
			.reply(200, page(ids(1, 100), next(2), 230))
			.get(`${ORG_PATH}/events/`)
			.query({ page: '2', page_size: '100', search: 'x' })
			.reply(200, page(ids(101, 100), next(3), 230))
			.get(`${ORG_PATH}/events/`)
			.query({ page: '3', page_size: '100', search: 'x' })
			.reply(200, page(ids(201, 30), null, 230));
		const { json, output } = await run({
			resource: 'event',
			operation: 'getAll',
			returnAll: true,
			filters: { search: 'x' },
		});
		expect(json).toHaveLength(230);
		expect(json[229].id).toBe(230);
		expect(output.every((item) => JSON.stringify(item.pairedItem) === JSON.stringify({ item: 0 }))).toBe(true);
	});

	it('a Limit above one page reads just enough pages and stops at the limit', async () => {
		showpass()
			.get(`${ORG_PATH}/events/`)
			.query({ page_size: '100' })
			.reply(200, page(ids(1, 100), `${BASE_URL}${ORG_PATH}/events/?page=2&page_size=100`))
			.get(`${ORG_PATH}/events/`)
			.query({ page: '2', page_size: '100' })
			.reply(200, page(ids(101, 100), `${BASE_URL}${ORG_PATH}/events/?page=3&page_size=100`));
		const { json } = await run({ resource: 'event', operation: 'getAll', returnAll: false, limit: 150 });
		expect(json).toHaveLength(150);
		expect(json[149].id).toBe(150);
	});

	it('asks the next page on the credential address even when next names another host', async () => {
		showpass()
			.get(`${ORG_PATH}/events/`)
			.query({ page_size: '100' })
			.reply(200, page(ids(1, 2), `https://elsewhere.example${ORG_PATH}/events/?page=2&page_size=100`))
			.get(`${ORG_PATH}/events/`)
			.query({ page: '2', page_size: '100' })
			.reply(200, page(ids(3, 1), null));
		const { json, sent } = await run({ resource: 'event', operation: 'getAll', returnAll: true });
		expect(json).toHaveLength(3);
		expect(sent.every((request) => request.url.startsWith(`${BASE_URL}/`))).toBe(true);
	});

	it('stops when a next link repeats a page already read', async () => {
		const same = `${BASE_URL}${ORG_PATH}/events/?page=2&page_size=100`;
		showpass()
			.get(`${ORG_PATH}/events/`)
			.query({ page_size: '100' })
			.reply(200, page(ids(1, 1), same))
			.get(`${ORG_PATH}/events/`)
			.query({ page: '2', page_size: '100' })
			.reply(200, page(ids(2, 1), same));
		const { json } = await run({ resource: 'event', operation: 'getAll', returnAll: true });
		expect(json.map((record) => record.id)).toEqual([1, 2]);
	});

	it('an empty list gives no items', async () => {
		showpass().get(`${ORG_PATH}/events/`).query({ page_size: '50' }).reply(200, page([], null));
		const { json } = await run({ resource: 'event', operation: 'getAll', returnAll: false, limit: 50 });
		expect(json).toEqual([]);
	});
});

describe('Showpass node: invoice', () => {
	const transactionId = invoice.transaction_id;

	it('gets the invoice a delivery names, through an expression n8n resolves', async () => {
		showpass().get(`${ORG_PATH}/financials/invoices/${transactionId}/`).reply(200, invoice);
		const { json } = await run(
			{ resource: 'invoice', operation: 'get', transactionId: '={{ $json.data.transaction_id }}' },
			{ items: [{ event_type: 'invoice.purchase', data: { transaction_id: transactionId } }] },
		);
		expect(json).toEqual([invoice]);
	});

	it('lists invoices by customer email and event', async () => {
		showpass()
			.get(`${ORG_PATH}/financials/invoices/`)
			.query({ page_size: '10', email: 'ada@example.com', event: '98765' })
			.reply(200, page([invoice], null));
		const { json } = await run({
			resource: 'invoice',
			operation: 'getAll',
			returnAll: false,
			limit: 10,
			filters: { customerEmail: ' ada@example.com ', eventId: '98765' },
		});
		expect(json).toEqual([invoice]);
	});

	it('Get Tickets outputs one item per ticket', async () => {
		showpass()
			.get(`${ORG_PATH}/financials/invoices/${transactionId}/tickets/`)
			.reply(200, [ticket, { ...ticket, id: 123457, barcode_string: '1234567891' }]);
		const { json } = await run({ resource: 'invoice', operation: 'getTickets', transactionId });
		expect(json.map((record) => record.barcode_string)).toEqual(['1234567890', '1234567891']);
	});

	it('Get Tickets asks again while Showpass answers 202, then returns the tickets', async () => {
		const path = `${ORG_PATH}/financials/invoices/${transactionId}/tickets/`;
		showpass()
			.get(path)
			.reply(202, { detail: 'Tickets are being generated.' })
			.get(path)
			.reply(202, '')
			.get(path)
			.reply(200, page([ticket], null));
		const { json, sent } = await run({
			resource: 'invoice',
			operation: 'getTickets',
			transactionId,
			options: { maxAttempts: 5, waitSeconds: 0.01 },
		});
		expect(json).toEqual([ticket]);
		expect(sent).toHaveLength(3);
	});

	it('Get Tickets follows pages of tickets', async () => {
		const path = `${ORG_PATH}/financials/invoices/${transactionId}/tickets/`;
		showpass()
			.get(path)
			.reply(200, page([ticket], `${BASE_URL}${path}?page=2`))
			.get(path)
			.query({ page: '2' })
			.reply(200, page([{ ...ticket, id: 2 }], null));
		const { json } = await run({ resource: 'invoice', operation: 'getTickets', transactionId });
		expect(json.map((record) => record.id)).toEqual([123456, 2]);
	});

	it('Get Tickets gives up after Max Attempts answers of 202 with an error that says so', async () => {
		showpass()
			.get(`${ORG_PATH}/financials/invoices/${transactionId}/tickets/`)
			.times(3)
			.reply(202, '');
		const error = await failure({
			resource: 'invoice',
			operation: 'getTickets',
			transactionId,
			options: { maxAttempts: 3, waitSeconds: 0 },
		});
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toContain(`has not issued the tickets of invoice ${transactionId} yet`);
		expect(error.description).toContain('3 time(s)');
		expect(error.description).toContain('Max Attempts');
	});

	it('a transaction id that is empty fails before any request', async () => {
		const error = await failure({ resource: 'invoice', operation: 'get', transactionId: '  ' });
		expect(error.message).toContain('Transaction ID is empty');
	});
});

describe('Showpass node: ticket', () => {
	it('gets one ticket', async () => {
		showpass().get(`${ORG_PATH}/tickets/items/123456/`).reply(200, ticket);
		const { json } = await run({ resource: 'ticket', operation: 'get', ticketId: '123456' });
		expect(json).toEqual([ticket]);
	});

	it('lists tickets by invoice, event, status and barcode', async () => {
		showpass()
			.get(`${ORG_PATH}/tickets/items/`)
			.query({
				page_size: '100',
				invoice: '555',
				event: '98765',
				status: 'used',
				barcode_string: '1234567890',
			})
			.reply(200, page([ticket], null));
		const { json } = await run({
			resource: 'ticket',
			operation: 'getAll',
			returnAll: true,
			filters: { invoice: '555', eventId: '98765', status: 'used', barcode: '1234567890' },
		});
		expect(json).toEqual([ticket]);
	});

	it('checks a ticket in with the barcode given', async () => {
		showpass()
			.post(`${ORG_PATH}/tickets/items/histories/`, {
				item: 123456,
				action: 'pickup',
				scanner_device: 'door-2',
				barcode_string: '1234567890',
				barcode_type: 'static',
			})
			.reply(201, scanHistory);
		const { json } = await run({
			resource: 'ticket',
			operation: 'scan',
			ticketId: '123456',
			scanAction: 'pickup',
			barcode: '1234567890',
			options: { scannerDevice: 'door-2', barcodeType: 'static' },
		});
		expect(json).toEqual([scanHistory]);
	});

	it('looks the barcode up first when a check-in has none', async () => {
		showpass()
			.get(`${ORG_PATH}/tickets/items/123456/`)
			.reply(200, ticket)
			.post(`${ORG_PATH}/tickets/items/histories/`, {
				item: 123456,
				action: 'pickup',
				scanner_device: 'web_app',
				barcode_string: '1234567890',
			})
			.reply(201, scanHistory);
		const { json, sent } = await run({
			resource: 'ticket',
			operation: 'scan',
			ticketId: '123456',
			scanAction: 'pickup',
			barcode: '',
		});
		expect(json[0].after).toBe('used');
		expect(sent.map((request) => request.method)).toEqual(['GET', 'POST']);
	});

	it.each(['return', 'void'])('records a %s with only the item and the action', async (action) => {
		const answer = { ...scanHistory, action };
		showpass()
			.post(`${ORG_PATH}/tickets/items/histories/`, { item: 123456, action })
			.reply(201, answer);
		const { json } = await run({ resource: 'ticket', operation: 'scan', ticketId: '123456', scanAction: action });
		expect(json).toEqual([answer]);
	});

	it('a refused scan carries Showpass\'s reason', async () => {
		showpass()
			.post(`${ORG_PATH}/tickets/items/histories/`)
			.reply(400, { non_field_errors: ['Ticket has already been scanned.'] });
		const error = await failure({
			resource: 'ticket',
			operation: 'scan',
			ticketId: '123456',
			scanAction: 'pickup',
			barcode: '1234567890',
		});
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toBe('Showpass rejected the request (400): Ticket has already been scanned.');
	});
});

describe('Showpass node: discount', () => {
	it('creates a percentage code with the settings chosen', async () => {
		showpass()
			.post(`${ORG_PATH}/financials/discounts/`, {
				code: 'SORRY-ADA',
				type: 1,
				percentage: '10.00',
				description: 'Refund goodwill',
				limit: 1,
				per_user_limit: 1,
				is_public: true,
				allowed_checkouts: ['disc_allowed_public'],
				apply_method: 2,
				ends_on: '2026-12-31T23:59:00',
				reference: 'refund-8e7b',
			})
			.reply(201, discount);
		const { json } = await run({
			resource: 'discount',
			operation: 'create',
			code: ' SORRY-ADA ',
			valueType: 'percentage',
			value: 10,
			additionalFields: {
				description: 'Refund goodwill',
				totalLimit: 1,
				perUserLimit: 1,
				isPublic: true,
				allowedCheckouts: ['disc_allowed_public'],
				applyMethod: 2,
				endsOn: '2026-12-31T23:59:00',
				reference: 'refund-8e7b',
			},
		});
		expect(json).toEqual([discount]);
	});

	it('creates a fixed-amount code and lets Showpass generate the code when none is given', async () => {
		showpass()
			.post(`${ORG_PATH}/financials/discounts/`, { type: 1, amount: '12.50' })
			.reply(201, { ...discount, code: 'X7K2Q', amount: '12.50', percentage: '0.00' });
		const { json } = await run({
			resource: 'discount',
			operation: 'create',
			code: '',
			valueType: 'amount',
			value: 12.5,
			additionalFields: {},
		});
		expect(json[0].code).toBe('X7K2Q');
	});

	it('gets, lists and deletes discounts', async () => {
		showpass()
			.get(`${ORG_PATH}/financials/discounts/4401/`)
			.reply(200, discount)
			.get(`${ORG_PATH}/financials/discounts/`)
			.query({
				page_size: '20',
				code: 'SORRY-ADA',
				invoice__email: 'ada@example.com',
				events: '98765,98766',
				is_public: 'true',
				reference: 'refund-8e7b',
				search: 'sorry',
			})
			.reply(200, page([discount], null))
			.delete(`${ORG_PATH}/financials/discounts/4401/`)
			.reply(204);
		expect((await run({ resource: 'discount', operation: 'get', discountId: '4401' })).json).toEqual([discount]);
		const listed = await run({
			resource: 'discount',
			operation: 'getAll',
			returnAll: false,
			limit: 20,
			filters: {
				code: 'SORRY-ADA',
				invoiceEmail: 'ada@example.com',
				events: '98765,98766',
				isPublic: true,
				reference: 'refund-8e7b',
				search: 'sorry',
			},
		});
		expect(listed.json).toEqual([discount]);
		const deleted = await run({ resource: 'discount', operation: 'delete', discountId: '4401' });
		expect(deleted.json).toEqual([{ id: 4401, deleted: true }]);
	});

	it('updates with PUT and only the fields given', async () => {
		showpass()
			.put(`${ORG_PATH}/financials/discounts/4401/`, { is_public: false, percentage: '15.00' })
			.reply(200, { ...discount, is_public: false, percentage: '15.00' });
		const { json } = await run({
			resource: 'discount',
			operation: 'update',
			discountId: '4401',
			updateFields: { isPublic: false, percentage: 15 },
		});
		expect(json[0].percentage).toBe('15.00');
	});

	it('an update with no fields fails before any request', async () => {
		const error = await failure({ resource: 'discount', operation: 'update', discountId: '4401', updateFields: {} });
		expect(error.message).toBe('Add at least one field under Update Fields');
	});

	it('a duplicate code is reported in Showpass\'s words', async () => {
		showpass()
			.post(`${ORG_PATH}/financials/discounts/`)
			.reply(400, { code: ['A discount with this code already exists for this venue.'] });
		const error = await failure({
			resource: 'discount',
			operation: 'create',
			code: 'SORRY-ADA',
			valueType: 'percentage',
			value: 10,
			additionalFields: {},
		});
		expect(error.message).toBe(
			'Showpass rejected the request (400): code: A discount with this code already exists for this venue.',
		);
		expect(error.httpCode).toBe('400');
	});
});

describe('Showpass node: tracking link', () => {
	it('creates an affiliate link for an event, scoped to the credential\'s organization', async () => {
		showpass()
			.post(`${ORG_PATH}/analytics/tracking/links/`, {
				venue: 1234,
				via: 3,
				description: 'Partner: Calgary Music Blog',
				event: 98765,
				ticket_types: [3001, 3002],
				hide_public_ticket_types: true,
			})
			.reply(201, trackingLink);
		const { json } = await run({
			resource: 'trackingLink',
			operation: 'create',
			via: 3,
			additionalFields: {
				description: 'Partner: Calgary Music Blog',
				eventId: '98765',
				ticketTypes: '3001, 3002',
				hidePublicTicketTypes: true,
			},
		});
		expect(json).toEqual([trackingLink]);
	});

	it('creates a Quick Purchase link with its basket', async () => {
		const answer = { ...trackingLink, via: 4, extra: [{ ticket_type: 3001, quantity: 2 }] };
		showpass()
			.post(`${ORG_PATH}/analytics/tracking/links/`, {
				venue: 1234,
				via: 4,
				extra: [{ ticket_type: 3001, quantity: 2 }, { product_attribute: 77, quantity: 1 }],
			})
			.reply(201, answer);
		const { json } = await run({
			resource: 'trackingLink',
			operation: 'create',
			via: 4,
			basketItems: {
				item: [
					{ ticketType: '3001', productAttribute: '', quantity: 2 },
					{ ticketType: '', productAttribute: '77', quantity: 1 },
				],
			},
			additionalFields: {},
		});
		expect(json).toEqual([answer]);
	});

	it('a Quick Purchase link without basket items fails before any request', async () => {
		const error = await failure({
			resource: 'trackingLink',
			operation: 'create',
			via: 4,
			basketItems: {},
			additionalFields: {},
		});
		expect(error.message).toBe('A Quick Purchase link needs at least one Basket Item');
	});

	it('gets, lists, updates and deletes links', async () => {
		showpass()
			.get(`${ORG_PATH}/analytics/tracking/links/9901/`)
			.reply(200, trackingLink)
			.get(`${ORG_PATH}/analytics/tracking/links/`)
			.query({ page_size: '100', event: '98765', via: '3', search: 'blog' })
			.reply(200, page([trackingLink], null))
			.put(`${ORG_PATH}/analytics/tracking/links/9901/`, {
				venue: 1234,
				via: 4,
				description: 'Two GA',
				extra: [{ ticket_type: 3001, quantity: 2 }],
			})
			.reply(200, { ...trackingLink, via: 4, description: 'Two GA' })
			.delete(`${ORG_PATH}/analytics/tracking/links/9901/`)
			.reply(204, '');
		const got = await run({ resource: 'trackingLink', operation: 'get', trackingLinkId: '9901' });
		expect(got.json).toEqual([trackingLink]);
		const listed = await run({
			resource: 'trackingLink',
			operation: 'getAll',
			returnAll: true,
			filters: { eventId: '98765', via: 3, search: 'blog' },
		});
		expect(listed.json).toEqual([trackingLink]);
		const updated = await run({
			resource: 'trackingLink',
			operation: 'update',
			trackingLinkId: '9901',
			basketItems: { item: [{ ticketType: '3001', productAttribute: '', quantity: 2 }] },
			updateFields: { description: 'Two GA' },
		});
		expect(updated.json[0].description).toBe('Two GA');
		const deleted = await run({ resource: 'trackingLink', operation: 'delete', trackingLinkId: '9901' });
		expect(deleted.json).toEqual([{ id: 9901, deleted: true }]);
	});

	it('a link that Showpass will not change is reported as 405 with its detail', async () => {
		showpass()
			.put(`${ORG_PATH}/analytics/tracking/links/9901/`)
			.reply(405, { detail: 'Method "PUT" not allowed.' });
		const error = await failure({
			resource: 'trackingLink',
			operation: 'update',
			trackingLinkId: '9901',
			basketItems: {},
			updateFields: { description: 'x' },
		});
		expect(error.message).toBe('Showpass rejected the request (405): Method "PUT" not allowed.');
	});
});

describe('Showpass node: credentials, errors and items', () => {
	it('a 401 tells the user to check the token and organization id', async () => {
		nock(BASE_URL)
			.get(`${ORG_PATH}/events/1/`)
			.reply(401, { detail: 'Invalid token.' });
		const error = await failure({ resource: 'event', operation: 'get', eventId: '1' });
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toBe('Showpass did not accept the API token (401)');
		expect(error.description).toContain('Check the API token and the organization ID');
		expect(error.description).toContain('Invalid token.');
		expect(error.httpCode).toBe('401');
	});

	it('a 5xx is reported as Showpass\'s server error', async () => {
		showpass().get(`${ORG_PATH}/events/1/`).reply(503, '<html>Service Unavailable</html>');
		const error = await failure({ resource: 'event', operation: 'get', eventId: '1' });
		expect(error.message).toBe('Showpass had a server error (503)');
		expect(error.description).toContain('try again later');
	});

	it('a 404 says to check the id', async () => {
		showpass().get(`${ORG_PATH}/tickets/items/9/`).reply(404, { detail: 'Not found.' });
		const error = await failure({ resource: 'ticket', operation: 'get', ticketId: '9' });
		expect(error.message).toBe('Showpass found nothing at this address (404): Not found.');
	});

	it('a network failure says Showpass could not be reached', async () => {
		showpass().get(`${ORG_PATH}/events/1/`).replyWithError('connect ECONNREFUSED');
		const error = await failure({ resource: 'event', operation: 'get', eventId: '1' });
		expect(error.name).toBe('NodeApiError');
		// n8n words refused connections itself; the description says what to check.
		expect(error.message).toMatch(/refused the connection|Could not reach Showpass/);
		expect(error.description).toContain(`GET ${BASE_URL}${ORG_PATH}/events/1/`);
		expect(error.description).toContain('Check the environment');
	});

	it('Continue On Fail turns a failed item into an error item and goes on', async () => {
		showpass()
			.get(`${ORG_PATH}/events/1/`)
			.reply(404, { detail: 'Not found.' })
			.get(`${ORG_PATH}/events/98765/`)
			.reply(200, event);
		const { output } = await run(
			{ resource: 'event', operation: 'get', eventId: '={{ $json.event.id }}' },
			{ items: [{ event: { id: 1 } }, { event: { id: 98765 } }], node: { onError: 'continueRegularOutput' } },
		);
		expect(output).toEqual([
			{ json: { error: 'Showpass found nothing at this address (404): Not found.' }, pairedItem: { item: 0 } },
			{ json: event, pairedItem: { item: 1 } },
		]);
	});

	it('runs once per input item, pairing each output with its input', async () => {
		showpass()
			.get(`${ORG_PATH}/tickets/items/1/`)
			.reply(200, { id: 1 })
			.get(`${ORG_PATH}/tickets/items/2/`)
			.reply(200, { id: 2 });
		const { output } = await run(
			{ resource: 'ticket', operation: 'get', ticketId: '={{ $json.ticket }}' },
			{ items: [{ ticket: '1' }, { ticket: 2 }] },
		);
		expect(output).toEqual([
			{ json: { id: 1 }, pairedItem: { item: 0 } },
			{ json: { id: 2 }, pairedItem: { item: 1 } },
		]);
	});

	it('the demo environment talks to demo.showpass.com', async () => {
		showpass('https://demo.showpass.com').get(`${ORG_PATH}/events/1/`).reply(200, { id: 1 });
		const { json } = await run(
			{ resource: 'event', operation: 'get', eventId: '1' },
			{ credentials: { environment: 'demo' } },
		);
		expect(json).toEqual([{ id: 1 }]);
	});

	it('a custom base URL keeps its path and loses a trailing slash', async () => {
		showpass('http://127.0.0.1:8999').get(`/showpass${ORG_PATH}/events/1/`).reply(200, { id: 1 });
		const { json } = await run(
			{ resource: 'event', operation: 'get', eventId: '1' },
			{ credentials: { environment: 'custom', baseUrl: 'http://127.0.0.1:8999/showpass/' } },
		);
		expect(json).toEqual([{ id: 1 }]);
	});

	it.each([
		[{ environment: 'custom', baseUrl: '' }, 'Base URL is empty'],
		[{ environment: 'custom', baseUrl: 'ftp://x' }, 'does not start with http'],
		[{ organizationId: 'my-venue' }, 'Organization ID must be a number'],
	])('a credential that cannot work (%j) fails before any request', async (credentials, message) => {
		const error = await failure({ resource: 'event', operation: 'get', eventId: '1' }, { credentials });
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toContain(message);
	});

	it('an unknown operation is refused by name', async () => {
		const error = await failure({ resource: 'event', operation: 'explode' });
		expect(error.message).toBe('The operation "explode" is not supported for "event"');
	});

	it('the organization id from the credential is the one in every path', async () => {
		expect(ORGANIZATION_ID).toBe('1234');
		showpass().get('/api/venue/777/events/1/').reply(200, { id: 1 });
		await run({ resource: 'event', operation: 'get', eventId: '1' }, { credentials: { organizationId: ' 777 ' } });
	});
});
