import {
	BASE_URL,
	atVersion,
	failure,
	locator,
	ORG_PATH,
	page,
	run,
	showpass,
	usesShowpassOnly,
} from './harness';

usesShowpassOnly();

const STATS = `${ORG_PATH}/tickets/items/histories/stats/`;
const TIMELINE = `${STATS}timeline/`;

/** Showpass's door totals, as its docs show them. */
const totals = {
	total_voided: 1,
	total_picked_up: 412,
	total_returned: 9,
	total_used: 403,
	total_multiscan_used: 0,
};
const breakdown = [
	{
		id: 3001,
		name: 'General Admission',
		total_picked_up: 380,
		total_returned: 9,
		total_voided: 1,
		total_used: 371,
	},
	{
		id: 3002,
		name: 'VIP',
		total_picked_up: 32,
		total_returned: 0,
		total_voided: 0,
		total_used: 32,
	},
];
const days = [
	{ date: '2026-07-14', picked_up: 0, returned: 0, voided: 1 },
	{ date: '2026-07-15', picked_up: 412, returned: 9, voided: 0 },
];

const stats = (parameters: Record<string, unknown>) => ({
	resource: 'ticket',
	operation: 'getScanStats',
	...parameters,
});

describe('Ticket → Get Scan Stats', () => {
	it("asks for the event's totals only, and outputs Showpass's answer as one item", async () => {
		showpass().get(STATS).query({ item__event_id: '98765' }).reply(200, totals);
		const { output } = await run(stats({ eventId: locator('list', '98765') }));
		expect(output).toEqual([{ json: totals, pairedItem: { item: 0 } }]);
	});

	it('adds breakdown_by_type=true and the period as ISO 8601 created__gte / created__lte', async () => {
		showpass()
			.get(STATS)
			.query({
				item__event_id: '98765',
				breakdown_by_type: 'true',
				created__gte: '2026-07-15T18:00:00Z',
				created__lte: '2026-07-16T02:00:00.000Z',
			})
			.reply(200, { ...totals, breakdown_by_type: breakdown });
		const { json } = await run(
			stats({
				eventId: locator('id', ' 98765 '),
				breakdownByType: true,
				createdAfter: ' 2026-07-15T18:00:00Z ',
				createdBefore: "={{ DateTime.fromISO('2026-07-16T02:00:00Z', { zone: 'utc' }) }}",
			}),
		);
		expect(json).toEqual([{ ...totals, breakdown_by_type: breakdown }]);
	});

	it('takes the event from an expression, once per input item', async () => {
		showpass()
			.get(STATS)
			.query({ item__event_id: '1' })
			.reply(200, totals)
			.get(STATS)
			.query({ item__event_id: '2' })
			.reply(200, { ...totals, total_used: 7 });
		const { output } = await run(stats({ eventId: locator('id', '={{ $json.event_id }}') }), {
			items: [{ event_id: 1 }, { event_id: 2 }],
		});
		expect(output.map((item) => [item.json.total_used, item.pairedItem])).toEqual([
			[403, { item: 0 }],
			[7, { item: 1 }],
		]);
	});

	it('version 1 takes the event ID as text', async () => {
		showpass().get(STATS).query({ item__event_id: '98765' }).reply(200, totals);
		const { json } = await atVersion(1).run(stats({ eventId: '98765' }));
		expect(json).toEqual([totals]);
	});

	it('an event slug or an empty event fails before any request, saying what to give', async () => {
		const slug = await failure(stats({ eventId: locator('id', '=harbour-lights-2026') }));
		expect(slug.message).toContain('numeric ID');
		expect(slug.message).toContain('harbour-lights-2026');
		const empty = await failure(stats({ eventId: locator('id', '={{ $json.missing }}') }));
		expect(empty.message).toContain('Event ID is empty');
	});

	it('a date that is no date fails before any request, naming the field', async () => {
		const error = await failure(
			stats({ eventId: locator('list', '98765'), createdAfter: '=doors open' }),
		);
		expect(error.message).toContain('Scanned After');
		expect(error.message).toContain('doors open');
	});

	it("what Showpass refuses is reported in Showpass's words", async () => {
		showpass()
			.get(STATS)
			.query(true)
			.reply(400, { created__gte: ['Enter a valid date/time.'] });
		const error = await failure(
			stats({ eventId: locator('list', '98765'), createdAfter: '2026-07-15' }),
		);
		expect(error.message).toBe(
			'Showpass rejected the request (400): created__gte: Enter a valid date/time.',
		);
		expect(error.httpCode).toBe('400');
	});
});

describe('Ticket → Get Scan Timeline', () => {
	const timeline = { resource: 'ticket', operation: 'getScanTimeline' };

	it("outputs one item per day of Showpass's bare array", async () => {
		showpass().get(TIMELINE).query({ item__event_id: '98765' }).reply(200, days);
		const { output } = await run({ ...timeline, eventId: locator('list', '98765') });
		expect(output).toEqual(days.map((day) => ({ json: day, pairedItem: { item: 0 } })));
	});

	it('reads a {results} page too, following next on the credential address', async () => {
		showpass()
			.get(TIMELINE)
			.query({ item__event_id: '98765' })
			.reply(
				200,
				page([days[0]], `https://elsewhere.example${TIMELINE}?item__event_id=98765&page=2`),
			)
			.get(TIMELINE)
			.query({ item__event_id: '98765', page: '2' })
			.reply(200, page([days[1]], null));
		const { json, sent } = await run({ ...timeline, eventId: locator('id', '98765') });
		expect(json).toEqual(days);
		expect(sent.map((request) => request.url.startsWith(`${BASE_URL}/`))).toEqual([true, true]);
	});

	it('no scans yet: no items', async () => {
		showpass().get(TIMELINE).query({ item__event_id: '98765' }).reply(200, []);
		const { json } = await run({ ...timeline, eventId: locator('list', '98765') });
		expect(json).toEqual([]);
	});

	it('version 1 takes the event ID as text; a slug fails before any request', async () => {
		showpass().get(TIMELINE).query({ item__event_id: '98765' }).reply(200, days);
		expect((await atVersion(1).run({ ...timeline, eventId: '98765' })).json).toEqual(days);
		const error = await atVersion(1).failure({ ...timeline, eventId: 'harbour-lights-2026' });
		expect(error.message).toContain('numeric ID');
	});
});
