import type { IDataObject } from 'n8n-workflow';

import {
	BASE_URL,
	capture,
	failure,
	locator,
	ORG_PATH,
	page,
	run,
	showpass,
	usesShowpassOnly,
} from './harness';

usesShowpassOnly();

const PASSWORDS = `${ORG_PATH}/passwords/`;

/** A password as Showpass answers it (its documented fields). */
const answer = (fields: IDataObject = {}) => ({
	id: 5501,
	password: 'MEMBER-7QX4',
	ticket_type_ids: [],
	start_time: '2026-11-29T00:00:00Z',
	end_time: null,
	is_active: true,
	ticket_type: 3001,
	venue: 1234,
	password_use_count: 0,
	max_item_purchase_limit: 1,
	is_regex_match: false,
	...fields,
});

const create = (parameters: IDataObject) => ({
	resource: 'password',
	operation: 'create',
	password: 'MEMBER-7QX4',
	...parameters,
});

describe('Password → Create', () => {
	it('scope Ticket Type sends ticket_type only, and a start time of now when none is set', async () => {
		const { bodies, matcher } = capture();
		showpass().post(PASSWORDS, matcher).reply(201, answer());
		const before = Date.now();
		const { json } = await run(
			create({
				scope: 'ticketType',
				ticketTypeId: '3001',
				additionalFields: { maxItemPurchaseLimit: 1 },
			}),
		);
		const after = Date.now();
		expect(json).toEqual([answer()]);
		const { start_time: startTime, ...rest } = bodies[0];
		expect(rest).toEqual({
			password: 'MEMBER-7QX4',
			ticket_type: 3001,
			max_item_purchase_limit: 1,
		});
		const started = Date.parse(String(startTime));
		expect(started).toBeGreaterThanOrEqual(before);
		expect(started).toBeLessThanOrEqual(after);
	});

	it('scope Event sends event_id only (from the event picker)', async () => {
		const { bodies, matcher } = capture();
		showpass()
			.post(PASSWORDS, matcher)
			.reply(201, answer({ ticket_type: null }));
		await run(create({ scope: 'event', eventId: locator('list', '98765'), ticketTypeId: '3001' }));
		expect(bodies[0]).toMatchObject({ password: 'MEMBER-7QX4', event_id: 98765 });
		expect(Object.keys(bodies[0]).sort()).toEqual(['event_id', 'password', 'start_time']);
	});

	it('scope Event Ticket Types sends event_id and ticket_type_ids, never ticket_type', async () => {
		const { bodies, matcher } = capture();
		showpass()
			.post(PASSWORDS, matcher)
			.reply(201, answer({ ticket_type: null, ticket_type_ids: [3001, 3002] }));
		await run(
			create({
				scope: 'eventTicketTypes',
				eventId: locator('id', ' 98765 '),
				ticketTypeIds: '3001, 3002',
				ticketTypeId: '9999',
			}),
		);
		expect(bodies[0]).toMatchObject({ event_id: 98765, ticket_type_ids: [3001, 3002] });
		expect(bodies[0]).not.toHaveProperty('ticket_type');
	});

	it('version 1 takes the event as text', async () => {
		const { bodies, matcher } = capture();
		showpass()
			.post(PASSWORDS, matcher)
			.reply(201, answer({ ticket_type: null }));
		await run(create({ scope: 'event', eventId: '98765' }), { typeVersion: 1 });
		expect(bodies[0]).toMatchObject({ event_id: 98765 });
	});

	it("sends every additional field under Showpass's names, keeping a start time that is set", async () => {
		const { bodies, matcher } = capture();
		showpass().post(PASSWORDS, matcher).reply(201, answer());
		await run(
			create({
				password: '^VIP-[0-9]+',
				scope: 'ticketType',
				ticketTypeId: '3001',
				additionalFields: {
					isActive: false,
					startTime: '2026-12-01T09:00:00',
					endTime: '2026-12-24T23:59:00',
					maxItemPurchaseLimit: 10000,
					isRegexMatch: true,
				},
			}),
		);
		expect(bodies[0]).toEqual({
			password: '^VIP-[0-9]+',
			ticket_type: 3001,
			is_active: false,
			start_time: '2026-12-01T09:00:00',
			end_time: '2026-12-24T23:59:00',
			max_item_purchase_limit: 10000,
			is_regex_match: true,
		});
	});

	it('a password of 256 characters is sent; 257 fails before any request', async () => {
		showpass()
			.post(PASSWORDS, (body: IDataObject) => String(body.password).length === 256)
			.reply(201, answer());
		await run(create({ password: 'x'.repeat(256), scope: 'ticketType', ticketTypeId: '3001' }));
		const error = await failure(
			create({ password: 'x'.repeat(257), scope: 'ticketType', ticketTypeId: '3001' }),
		);
		expect(error.message).toBe('Password is 257 characters long; Showpass allows at most 256');
	});

	it.each([0, 10001, 2.5, -1])(
		'Max Item Purchase Limit %p fails before any request',
		async (limit) => {
			const error = await failure(
				create({
					scope: 'ticketType',
					ticketTypeId: '3001',
					additionalFields: { maxItemPurchaseLimit: limit },
				}),
			);
			expect(error.message).toBe(
				`Max Item Purchase Limit must be a whole number from 1 to 10,000, not ${limit}`,
			);
		},
	);

	it.each([
		[
			{ scope: 'ticketType', ticketTypeId: '={{ $json.ticketType }}' },
			'Ticket Type ID is empty; the scope "Ticket Type" needs it',
		],
		[
			{ scope: 'event', eventId: locator('id', '={{ $json.event }}') },
			'Event ID is empty; the scope "Event" needs it',
		],
		[
			{
				scope: 'eventTicketTypes',
				eventId: locator('id', '98765'),
				ticketTypeIds: '={{ $json.types }}',
			},
			'Ticket Type IDs is empty; the scope "Event Ticket Types" needs it',
		],
		[
			{ password: '={{ $json.code }}', scope: 'ticketType', ticketTypeId: '3001' },
			'Password is empty',
		],
	])(
		'%j mapped from an item without the value fails before any request',
		async (parameters, message) => {
			const error = await failure(create(parameters), {
				items: [{ ticketType: ' ', event: '', types: '', code: ' ' }],
			});
			expect(error.message).toBe(message);
		},
	);

	it('n8n itself refuses to run a required ID left empty', async () => {
		await expect(run(create({ scope: 'event', eventId: locator('list', '') }))).rejects.toThrow(
			'Parameter "Event ID" is required.',
		);
	});

	it("Showpass's 400 field errors come through readable", async () => {
		showpass()
			.post(PASSWORDS)
			.reply(400, {
				password: ['Ensure this field has no more than 256 characters.'],
				ticket_type: ['Invalid pk "1" - object does not exist.'],
			});
		const error = await failure(create({ scope: 'ticketType', ticketTypeId: '1' }));
		expect(error.message).toBe(
			'Showpass rejected the request (400): password: Ensure this field has no more than 256 characters.; ticket_type: Invalid pk "1" - object does not exist.',
		);
	});

	it('a 403 says Showpass refused access, with its reason', async () => {
		showpass()
			.post(PASSWORDS)
			.reply(403, { detail: 'You do not have permission to perform this action.' });
		const error = await failure(create({ scope: 'ticketType', ticketTypeId: '3001' }));
		expect(error.message).toBe(
			'Showpass refused access (403): You do not have permission to perform this action.',
		);
	});
});

describe('Password → Update', () => {
	const update = (
		updateFields: IDataObject,
		passwordId: IDataObject | string = locator('list', '5501'),
	) => ({
		resource: 'password',
		operation: 'update',
		passwordId,
		updateFields,
	});

	it('PUTs only the fields set (no start time is invented)', async () => {
		showpass()
			.put(`${PASSWORDS}5501/`, { is_active: false })
			.reply(200, answer({ is_active: false }));
		const { json } = await run(update({ isActive: false }));
		expect(json[0].is_active).toBe(false);
	});

	it.each([
		[{ scope: 'ticketType', ticketTypeId: '3002' }, { ticket_type: 3002 }],
		[{ scope: 'event', eventId: '98765' }, { event_id: 98765 }],
		[
			{ scope: 'eventTicketTypes', eventId: '98765', ticketTypeIds: '3001,3002' },
			{ event_id: 98765, ticket_type_ids: [3001, 3002] },
		],
	])('a change of scope %j sends %j and nothing of the other scopes', async (fields, body) => {
		showpass().put(`${PASSWORDS}5501/`, body).reply(200, answer());
		await run(update({ ...fields, endTime: '' }));
	});

	it('a scope with every ID filled in still sends only its own', async () => {
		showpass()
			.put(`${PASSWORDS}5501/`, { ticket_type: 3001, password: 'NEW-CODE' })
			.reply(200, answer());
		await run(
			update({
				scope: 'ticketType',
				ticketTypeId: '3001',
				eventId: '98765',
				ticketTypeIds: '1,2',
				password: 'NEW-CODE',
			}),
		);
	});

	it('IDs without a scope fail before any request, saying to add Scope', async () => {
		const error = await failure(update({ eventId: '98765' }));
		expect(error.message).toContain('Add Scope under Update Fields');
	});

	it('no fields fails before any request', async () => {
		const error = await failure(update({}));
		expect(error.message).toBe('Add at least one field under Update Fields');
	});

	it('version 1 takes the password ID as text', async () => {
		showpass().put(`${PASSWORDS}5501/`, { max_item_purchase_limit: 5 }).reply(200, answer());
		await run(update({ maxItemPurchaseLimit: 5 }, '5501'), { typeVersion: 1 });
	});
});

describe('Password → Get, Get Many, Delete', () => {
	it('gets one password by ID', async () => {
		showpass().get(`${PASSWORDS}5501/`).reply(200, answer());
		const { json } = await run({
			resource: 'password',
			operation: 'get',
			passwordId: locator('id', '5501'),
		});
		expect(json).toEqual([answer()]);
	});

	it("Get Many follows Showpass's pages", async () => {
		showpass()
			.get(PASSWORDS)
			.query({ page_size: '100' })
			.reply(
				200,
				page(
					[answer({ id: 1 }), answer({ id: 2 })],
					`${BASE_URL}${PASSWORDS}?page=2&page_size=100`,
					3,
				),
			)
			.get(PASSWORDS)
			.query({ page: '2', page_size: '100' })
			.reply(200, page([answer({ id: 3 })], null, 3));
		const { json } = await run({ resource: 'password', operation: 'getAll', returnAll: true });
		expect(json.map((record) => record.id)).toEqual([1, 2, 3]);
	});

	it("Get Many reads a bare array (Showpass's answer without paging) as the whole list", async () => {
		showpass()
			.get(PASSWORDS)
			.query({ page_size: '2' })
			.reply(200, [answer({ id: 1 }), answer({ id: 2 }), answer({ id: 3 })]);
		const { json } = await run({
			resource: 'password',
			operation: 'getAll',
			returnAll: false,
			limit: 2,
		});
		expect(json.map((record) => record.id)).toEqual([1, 2]);
	});

	it('deletes a ticket-type code by ID alone', async () => {
		showpass()
			.delete(`${PASSWORDS}5501/`)
			.query((query) => Object.keys(query).length === 0)
			.reply(204);
		const { json } = await run({
			resource: 'password',
			operation: 'delete',
			passwordId: locator('list', '5501'),
			eventId: locator('list', ''),
		});
		expect(json).toEqual([{ id: 5501, deleted: true }]);
	});

	it('deletes an event-scoped code with ?event_id=', async () => {
		showpass().delete(`${PASSWORDS}5501/`).query({ event_id: '98765' }).reply(204);
		const { json } = await run({
			resource: 'password',
			operation: 'delete',
			passwordId: locator('id', '5501'),
			eventId: locator('list', '98765'),
		});
		expect(json).toEqual([{ id: 5501, deleted: true }]);
	});

	it('version 1 deletes with text IDs, and without Event ID at all', async () => {
		showpass()
			.delete(`${PASSWORDS}5501/`)
			.query({ event_id: '98765' })
			.reply(204)
			.delete(`${PASSWORDS}5502/`)
			.reply(204);
		const { json: withEvent } = await run(
			{ resource: 'password', operation: 'delete', passwordId: '5501', eventId: '98765' },
			{ typeVersion: 1 },
		);
		const { json: withoutEvent } = await run(
			{ resource: 'password', operation: 'delete', passwordId: '5502' },
			{ typeVersion: 1 },
		);
		expect([...withEvent, ...withoutEvent]).toEqual([
			{ id: 5501, deleted: true },
			{ id: 5502, deleted: true },
		]);
	});
});
