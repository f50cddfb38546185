import type { IDataObject } from 'n8n-workflow';

import discount from '../../fixtures/showpass-api/discount.json';
import event from '../../fixtures/showpass-api/event.json';
import {
	atVersion,
	capture,
	failure,
	loadOptions,
	locator,
	ORG_PATH,
	page,
	run,
	sent,
	showpass,
	usesShowpassOnly,
} from './harness';

usesShowpassOnly();

const DISCOUNTS = `${ORG_PATH}/financials/discounts/`;

const create = (parameters: IDataObject) => ({
	resource: 'discount',
	operation: 'create',
	code: 'MAKE-GOOD',
	valueType: 'percentage',
	value: 100,
	additionalFields: {},
	...parameters,
});

const update = (parameters: IDataObject) => ({
	resource: 'discount',
	operation: 'update',
	discountId: locator('id', '4401'),
	...parameters,
});

const twoTicketTypes = {
	permission_type: 'disc_level_ticket_type',
	event_discount_permissions: [
		{ event: 98765, tt_discount_permissions: [{ ticket_type: 3001 }, { ticket_type: 3002 }] },
	],
};

describe('Discount → Create: Applies To', () => {
	it('All Events (the default) sends neither permission_type nor event_discount_permissions', async () => {
		const { bodies, matcher } = capture();
		showpass().post(DISCOUNTS, matcher).reply(201, discount);
		await run(create({}));
		expect(bodies).toEqual([{ code: 'MAKE-GOOD', percentage: '100.00', type: 1 }]);
	});

	it('Selected Events: one entry per event, without ticket types, as "only the listed items"', async () => {
		const { bodies, matcher } = capture();
		showpass().post(DISCOUNTS, matcher).reply(201, discount);
		await run(create({ appliesTo: 'events', eventIds: ['98765', '98766', '98765'] }));
		expect(bodies[0]).toEqual({
			code: 'MAKE-GOOD',
			percentage: '100.00',
			type: 1,
			permission_type: 'disc_level_ticket_type',
			event_discount_permissions: [{ event: 98765 }, { event: 98766 }],
		});
	});

	it('Selected Events from an expression: a comma-separated text or a list of numbers', async () => {
		const { bodies, matcher } = capture();
		showpass().post(DISCOUNTS, matcher).times(2).reply(201, discount);
		await run(create({ appliesTo: 'events', eventIds: '={{ $json.events }}' }), {
			items: [{ events: '98765, 98766' }, { events: [98767] }],
		});
		expect(bodies.map((body) => body.event_discount_permissions)).toEqual([
			[{ event: 98765 }, { event: 98766 }],
			[{ event: 98767 }],
		]);
	});

	it('Selected Ticket Types: one entry for the event with its ticket types (disc_level_ticket_type)', async () => {
		const { bodies, matcher } = capture();
		showpass().post(DISCOUNTS, matcher).reply(201, discount);
		await run(
			create({
				appliesTo: 'ticketTypes',
				eventId: locator('list', '98765'),
				ticketTypeIds: ['3001', '3002'],
			}),
		);
		expect(bodies[0]).toEqual({
			code: 'MAKE-GOOD',
			percentage: '100.00',
			type: 1,
			...twoTicketTypes,
		});
	});

	it('All Except Selected Ticket Types: the same entry as disc_level_excluded_ticket_type', async () => {
		const { bodies, matcher } = capture();
		showpass().post(DISCOUNTS, matcher).reply(201, discount);
		await run(
			create({
				appliesTo: 'allExceptTicketTypes',
				eventId: locator('id', '98765'),
				ticketTypeIds: '={{ [3002] }}',
			}),
		);
		expect(bodies[0]).toMatchObject({
			permission_type: 'disc_level_excluded_ticket_type',
			event_discount_permissions: [
				{ event: 98765, tt_discount_permissions: [{ ticket_type: 3002 }] },
			],
		});
	});

	it('a choice without its IDs fails before any request, saying what to choose', async () => {
		const noEvents = await failure(create({ appliesTo: 'events', eventIds: '={{ [] }}' }));
		expect(noEvents.message).toContain('no event is chosen');
		expect(noEvents.message).toContain('Event Names or IDs');
		const noEvent = await failure(
			create({
				appliesTo: 'ticketTypes',
				eventId: locator('id', '={{ "" }}'),
				ticketTypeIds: ['3001'],
			}),
		);
		expect(noEvent.message).toContain('no event is chosen');
		const noTypes = await failure(
			create({
				appliesTo: 'allExceptTicketTypes',
				eventId: locator('id', '98765'),
				ticketTypeIds: '={{ "" }}',
			}),
		);
		expect(noTypes.message).toContain('no ticket type is chosen');
		expect(noTypes.message).toContain('All Except Selected Ticket Types');
		const slug = await failure(create({ appliesTo: 'events', eventIds: '=98765,harbour-lights' }));
		expect(slug.message).toContain('"harbour-lights" is not a numeric ID');
		expect(sent).toEqual([]);
	});

	it("Showpass's refusal of a restriction is reported in its words", async () => {
		showpass()
			.post(DISCOUNTS)
			.reply(400, {
				event_discount_permissions: [{ event: ['Invalid pk "1" - object does not exist.'] }],
			});
		const error = await failure(create({ appliesTo: 'events', eventIds: ['1'] }));
		expect(error.message).toContain('Showpass rejected the request (400)');
		expect(error.message).toContain('Invalid pk "1" - object does not exist.');
	});

	it('version 1 stays as released: no restriction is sent, whatever the parameters hold', async () => {
		const { bodies, matcher } = capture();
		showpass().post(DISCOUNTS, matcher).reply(201, discount);
		await atVersion(1).run(create({ appliesTo: 'events', eventIds: ['98765'] }));
		expect(bodies).toEqual([{ code: 'MAKE-GOOD', percentage: '100.00', type: 1 }]);
	});
});

describe('Discount → Update: Applies To', () => {
	it('Keep Current (the default) sends what Update always sent', async () => {
		const { bodies, matcher } = capture();
		showpass().put(`${DISCOUNTS}4401/`, matcher).reply(200, discount);
		await run(update({ updateFields: { totalLimit: 5 } }));
		expect(bodies).toEqual([{ limit: 5 }]);
	});

	it('a restriction alone is enough to update, and replaces the current one', async () => {
		const { bodies, matcher } = capture();
		showpass().put(`${DISCOUNTS}4401/`, matcher).reply(200, discount);
		await run(
			update({
				appliesTo: 'ticketTypes',
				eventId: locator('id', '98765'),
				ticketTypeIds: ['3001', '3002'],
			}),
		);
		expect(bodies).toEqual([twoTicketTypes]);
	});

	it("All Events lifts a restriction: no entries, Showpass's default permission type", async () => {
		const { bodies, matcher } = capture();
		showpass().put(`${DISCOUNTS}4401/`, matcher).reply(200, discount);
		await run(update({ appliesTo: 'all', updateFields: { isPublic: true } }));
		expect(bodies).toEqual([
			{
				is_public: true,
				permission_type: 'disc_level_ticket_type',
				event_discount_permissions: [],
			},
		]);
	});

	it('nothing to change fails before any request; a version-1 workflow sends no restriction', async () => {
		const nothing = await failure(update({ updateFields: {} }));
		expect(nothing.message).toBe('Add at least one field under Update Fields');
		const { bodies, matcher } = capture();
		showpass().put(`${DISCOUNTS}4401/`, matcher).reply(200, discount);
		await atVersion(1).run(
			update({ discountId: '4401', appliesTo: 'all', updateFields: { reference: 'r' } }),
		);
		expect(bodies).toEqual([{ reference: 'r' }]);
	});
});

describe("Discount pickers: events and the chosen event's ticket types", () => {
	it("lists the ticket types of the event chosen, from the event's record", async () => {
		showpass().get(`${ORG_PATH}/events/98765/`).reply(200, event);
		const options = await loadOptions('loadEventTicketTypes', {
			parameters: create({ appliesTo: 'ticketTypes', eventId: locator('list', '98765') }),
		});
		expect(options).toEqual([
			{ name: 'General Admission', value: '3001', description: 'ID 3001 · 35.00' },
			{ name: 'VIP', value: '3002', description: 'ID 3002 · 85.00' },
		]);
	});

	it('asks to choose the event first when none is chosen', async () => {
		await expect(
			loadOptions('loadEventTicketTypes', {
				parameters: create({ appliesTo: 'ticketTypes', eventId: locator('list', '') }),
			}),
		).rejects.toThrow('Choose the event first');
	});

	it("lists the organization's events by name and start date", async () => {
		showpass()
			.get(`${ORG_PATH}/events/`)
			.query({ page_size: '100' })
			.reply(200, page([event, { id: 7, name: 'Late Show' }], null));
		const options = await loadOptions('loadEvents', {
			parameters: create({ appliesTo: 'events' }),
		});
		expect(options).toEqual([
			{ name: 'Harbour Lights 2026 (2026-07-15)', value: '98765' },
			{ name: 'Late Show', value: '7' },
		]);
	});
});

describe('Discount → Get Many: ticket types, codes and order', () => {
	it('sends code__in and tt_discount_permissions__ticket_type__in as lists, and the order', async () => {
		showpass()
			.get(DISCOUNTS)
			.query({
				page_size: '20',
				code__in: 'SORRY-ADA,SUMMER25',
				tt_discount_permissions__ticket_type__in: '3001,3002',
				events: '98765',
				ordering: '-updated',
			})
			.reply(200, page([discount], null));
		const { json } = await run({
			resource: 'discount',
			operation: 'getAll',
			limit: 20,
			filters: { codes: ' SORRY-ADA , SUMMER25', ticketTypeIds: '3001, 3002', events: '98765' },
			options: { ordering: '-updated' },
		});
		expect(json).toEqual([discount]);
	});

	it('version 1 keeps its released filters and sends nothing new', async () => {
		showpass()
			.get(DISCOUNTS)
			.query({ page_size: '20', code: 'SORRY-ADA' })
			.reply(200, page([discount], null));
		await atVersion(1).run({
			resource: 'discount',
			operation: 'getAll',
			limit: 20,
			filters: { code: 'SORRY-ADA', codes: 'A,B' },
			options: { ordering: 'id' },
		});
	});
});
