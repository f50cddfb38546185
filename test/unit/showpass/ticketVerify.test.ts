import nock from 'nock';

import ticket from '../../fixtures/showpass-api/ticket.json';
import scanHistory from '../../fixtures/showpass-api/scan-history.json';
import { failure, ORG_PATH, run, showpass, usesShowpassOnly } from './harness';

usesShowpassOnly();

const SCAN_PATH = `${ORG_PATH}/tickets/items/scan/`;
const HISTORY_PATH = `${ORG_PATH}/tickets/items/histories/`;

const verify = (code: string, options = {}) => ({
	resource: 'ticket',
	operation: 'verify',
	code,
	options,
});

describe('Ticket → Verify', () => {
	it('a found code gives the ticket as Showpass returns it, with found: true', async () => {
		showpass().get(SCAN_PATH).query({ code: '1234567890' }).reply(200, ticket);
		const { json, sent } = await run(verify(' 1234567890 '));
		expect(json).toEqual([{ ...ticket, found: true }]);
		expect(sent.map((request) => request.method)).toEqual(['GET']);
	});

	it("a 404 is an answer, not a failure: found: false with Showpass's reason", async () => {
		showpass().get(SCAN_PATH).query({ code: 'NOPE' }).reply(404, { detail: 'Not found.' });
		const { json } = await run(verify('NOPE'));
		expect(json).toEqual([{ found: false, code: 'NOPE', message: 'Not found.' }]);
	});

	it('a 400 with field errors is also "not found", with the field errors as the message', async () => {
		showpass()
			.get(SCAN_PATH)
			.query({ code: 'BAD' })
			.reply(400, { code: ['No ticket matches this code.'] });
		const { json } = await run(verify('BAD'));
		expect(json).toEqual([
			{ found: false, code: 'BAD', message: 'code: No ticket matches this code.' },
		]);
	});

	it('a 404 without a body still says why', async () => {
		showpass().get(SCAN_PATH).query({ code: 'X' }).reply(404, '');
		const { json } = await run(verify('X'));
		expect(json[0]).toMatchObject({ found: false, code: 'X' });
		expect(json[0].message).toContain('404');
	});

	it('sends a short list of permitted ticket types in the query; a ticket of another type is not found', async () => {
		showpass()
			.get(SCAN_PATH)
			.query({ code: '1234567890', permittedTypeIDs: '3001,3002' })
			.reply(400, { detail: 'Ticket type is not permitted.' });
		const { json } = await run(verify('1234567890', { permittedTicketTypeIds: '3001, 3002' }));
		expect(json).toEqual([
			{ found: false, code: '1234567890', message: 'Ticket type is not permitted.' },
		]);
	});

	it('ten permitted IDs still go in the query', async () => {
		const ids = Array.from({ length: 10 }, (_, index) => 3001 + index);
		showpass()
			.get(SCAN_PATH)
			.query({ code: '1234567890', permittedTypeIDs: ids.join(',') })
			.reply(200, ticket);
		const { json } = await run(verify('1234567890', { permittedTicketTypeIds: ids.join(',') }));
		expect(json[0].found).toBe(true);
	});

	it('a long list of permitted IDs is POSTed in a JSON body, as Showpass advises', async () => {
		const ids = Array.from({ length: 40 }, (_, index) => 3001 + index);
		showpass()
			.post(SCAN_PATH, { code: '1234567890', permittedTypeIDs: ids.join(',') })
			.reply(200, ticket);
		const { json, sent } = await run(
			verify('1234567890', { permittedTicketTypeIds: ids.join(',') }),
		);
		expect(json).toEqual([{ ...ticket, found: true }]);
		expect(sent.map((request) => [request.method, request.url.includes('?')])).toEqual([
			['POST', false],
		]);
	});

	it('an answer without a ticket is not a found ticket', async () => {
		showpass().get(SCAN_PATH).query({ code: 'EMPTY' }).reply(200, {});
		const { json } = await run(verify('EMPTY'));
		expect(json[0]).toMatchObject({ found: false, code: 'EMPTY' });
	});

	it.each([
		[401, { detail: 'Invalid token.' }, 'Showpass did not accept the API token (401)'],
		[
			403,
			{ detail: 'You do not have permission.' },
			'Showpass refused access (403): You do not have permission.',
		],
		[500, 'oops', 'Showpass had a server error (500)'],
	])('a %i stays an error', async (status, body, message) => {
		showpass().get(SCAN_PATH).query({ code: 'C' }).reply(status, body);
		const error = await failure(verify('C'));
		expect(error.message).toBe(message);
		expect(error.httpCode).toBe(String(status));
	});

	it('a refused connection stays an error', async () => {
		// A real refused connection: nothing listens on port 1 of this machine.
		nock.enableNetConnect('127.0.0.1:1');
		try {
			const error = await failure(verify('C'), {
				credentials: { environment: 'custom', baseUrl: 'http://127.0.0.1:1' },
			});
			expect(error.message).toMatch(/refused the connection|Could not reach Showpass/);
			expect(error.description).toContain('Check the environment');
		} finally {
			nock.disableNetConnect();
		}
	});

	it('an empty code fails before any request', async () => {
		const error = await failure(verify('  '));
		expect(error.message).toBe('Barcode or Code is empty');
	});
});

describe('Ticket → Scan by barcode', () => {
	const scanByBarcode = (scanAction: string, extra = {}) => ({
		resource: 'ticket',
		operation: 'scan',
		ticketBy: 'barcode',
		code: 'SCANNED-1',
		scanAction,
		...extra,
	});
	const found = { ...ticket, barcode_string: '1234567890' };

	it('checks in the ticket the barcode belongs to, with the barcode Showpass returned', async () => {
		showpass()
			.get(SCAN_PATH)
			.query({ code: 'SCANNED-1' })
			.reply(200, found)
			.post(HISTORY_PATH, {
				item: 123456,
				action: 'pickup',
				scanner_device: 'door-2',
				barcode_string: '1234567890',
				barcode_type: 'static',
			})
			.reply(201, scanHistory);
		const { json, sent } = await run(
			scanByBarcode('pickup', { options: { scannerDevice: 'door-2', barcodeType: 'static' } }),
		);
		expect(json).toEqual([{ ...scanHistory, found: true, ticket: found }]);
		expect(sent.map((request) => request.method)).toEqual(['GET', 'POST']);
	});

	it("ignores the ticket-ID mode's Barcode field", async () => {
		showpass()
			.get(SCAN_PATH)
			.query({ code: 'SCANNED-1' })
			.reply(200, found)
			.post(HISTORY_PATH, {
				item: 123456,
				action: 'pickup',
				scanner_device: 'web_app',
				barcode_string: '1234567890',
			})
			.reply(201, scanHistory);
		const { json } = await run(scanByBarcode('pickup', { ticketId: '999', barcode: 'OTHER' }));
		expect(json[0].item).toBe(123456);
	});

	it.each(['return', 'void'])(
		'records a %s on the ticket found, with only the item and the action',
		async (action) => {
			const answer = { ...scanHistory, action };
			showpass()
				.get(SCAN_PATH)
				.query({ code: 'SCANNED-1' })
				.reply(200, found)
				.post(HISTORY_PATH, { item: 123456, action })
				.reply(201, answer);
			const { json } = await run(scanByBarcode(action));
			expect(json).toEqual([{ ...answer, found: true, ticket: found }]);
		},
	);

	it.each([
		[404, { detail: 'Not found.' }, 'Not found.'],
		[400, { detail: 'Invalid code.' }, 'Invalid code.'],
	])(
		'an unknown barcode (%i) records nothing and says found: false',
		async (status, body, message) => {
			showpass().get(SCAN_PATH).query({ code: 'SCANNED-1' }).reply(status, body);
			const { json, sent } = await run(scanByBarcode('pickup'));
			expect(json).toEqual([{ found: false, code: 'SCANNED-1', message }]);
			expect(sent.map((request) => request.method)).toEqual(['GET']);
		},
	);

	it('a check-in Showpass refuses (already used) stays an error', async () => {
		showpass()
			.get(SCAN_PATH)
			.query({ code: 'SCANNED-1' })
			.reply(200, { ...found, status: 'used' })
			.post(HISTORY_PATH)
			.reply(400, { non_field_errors: ['Ticket has already been scanned.'] });
		const error = await failure(scanByBarcode('pickup'));
		expect(error.message).toBe(
			'Showpass rejected the request (400): Ticket has already been scanned.',
		);
	});

	it('without Find Ticket By (a version 1 workflow) it scans by ticket ID as before', async () => {
		showpass()
			.post(HISTORY_PATH, {
				item: 123456,
				action: 'pickup',
				scanner_device: 'web_app',
				barcode_string: '1234567890',
			})
			.reply(201, scanHistory);
		const { json } = await run(
			{
				resource: 'ticket',
				operation: 'scan',
				ticketId: '123456',
				scanAction: 'pickup',
				barcode: '1234567890',
			},
			{ typeVersion: 1 },
		);
		expect(json).toEqual([scanHistory]);
	});
});
