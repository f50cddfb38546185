import event from '../../fixtures/showpass-api/event.json';
import { ORGANIZATION_ID } from '../engine';
import { atVersion, failure, page, run, showpassPublic, usesShowpassOnly } from './harness';

usesShowpassOnly();

const DISCOVERY = '/api/public/discovery/';
const publicEvent = (id: number) => ({ ...event, id, slug: `show-${id}` });
const events = (from: number, count: number) =>
	Array.from({ length: count }, (_, index) => publicEvent(from + index));

const listing = (parameters: Record<string, unknown> = {}) => ({
	resource: 'event',
	operation: 'getManyPublic',
	...parameters,
});

describe('Event → Get Many (Public)', () => {
	it("lists the credential's organization on Showpass's public API, without the token", async () => {
		showpassPublic()
			.get(DISCOVERY)
			.query({ venue: ORGANIZATION_ID, page_size: '5' })
			.reply(200, page(events(1, 5), null, 5));
		const { output, sent } = await run(listing({ returnAll: false, limit: 5 }));
		expect(output.map((item) => [item.json.id, item.pairedItem])).toEqual(
			[1, 2, 3, 4, 5].map((id) => [id, { item: 0 }]),
		);
		expect(sent).toEqual([
			{
				method: 'GET',
				url: `https://www.showpass.com${DISCOVERY}?venue=${ORGANIZATION_ID}&page_size=5`,
				authorization: undefined,
			},
		]);
	});

	it("sends every filter and the order in Showpass's names", async () => {
		showpassPublic()
			.get(DISCOVERY)
			.query({
				venue: ORGANIZATION_ID,
				page_size: '50',
				starts_on__gte: '2026-07-01T00:00:00Z',
				starts_on__lte: '2026-07-31T23:59:59.000Z',
				search_string: 'harbour',
				tags: 'family,outdoor',
				categories: 'music',
				only_parents: 'false',
				ordering: '-starts_on',
			})
			.reply(200, page([event], null));
		const { json } = await run(
			listing({
				returnAll: false,
				limit: 50,
				filters: {
					startsAfter: '2026-07-01T00:00:00Z',
					startsBefore: "={{ DateTime.fromISO('2026-07-31T23:59:59Z', { zone: 'utc' }) }}",
					search: ' harbour ',
					tags: ' family, outdoor ,',
					categories: 'music',
					includeRecurringInstances: true,
				},
				options: { ordering: '-starts_on' },
			}),
		);
		expect(json).toEqual([event]);
	});

	it('parents only (no only_parents sent) unless recurring instances are asked for', async () => {
		showpassPublic()
			.get(DISCOVERY)
			.query({ venue: ORGANIZATION_ID, page_size: '50' })
			.reply(200, page([event], null));
		await run(listing({ filters: { includeRecurringInstances: false } }));
	});

	it('Return All follows next links on the credential address, never sending the token', async () => {
		const next = (host: string, pageNumber: number) =>
			`${host}${DISCOVERY}?page=${pageNumber}&page_size=100&venue=${ORGANIZATION_ID}`;
		showpassPublic()
			.get(DISCOVERY)
			.query({ venue: ORGANIZATION_ID, page_size: '100' })
			.reply(200, page(events(1, 100), next('https://elsewhere.example', 2), 230))
			.get(DISCOVERY)
			.query({ venue: ORGANIZATION_ID, page_size: '100', page: '2' })
			.reply(200, page(events(101, 100), next('https://www.showpass.com', 3), 230))
			.get(DISCOVERY)
			.query({ venue: ORGANIZATION_ID, page_size: '100', page: '3' })
			.reply(200, page(events(201, 30), null, 230));
		const { json, sent } = await run(listing({ returnAll: true }));
		expect(json.map((record) => record.id)).toEqual(
			Array.from({ length: 230 }, (_, index) => index + 1),
		);
		expect(sent.map((request) => [new URL(request.url).host, request.authorization])).toEqual([
			['www.showpass.com', undefined],
			['www.showpass.com', undefined],
			['www.showpass.com', undefined],
		]);
	});

	it('a Limit above one page reads just enough pages', async () => {
		showpassPublic()
			.get(DISCOVERY)
			.query({ venue: ORGANIZATION_ID, page_size: '100' })
			.reply(
				200,
				page(
					events(1, 100),
					`https://www.showpass.com${DISCOVERY}?page=2&page_size=100&venue=1234`,
				),
			)
			.get(DISCOVERY)
			.query({ venue: ORGANIZATION_ID, page_size: '100', page: '2' })
			.reply(
				200,
				page(
					events(101, 100),
					`https://www.showpass.com${DISCOVERY}?page=3&page_size=100&venue=1234`,
				),
			);
		const { json } = await run(listing({ returnAll: false, limit: 120 }));
		expect(json).toHaveLength(120);
	});

	it("uses the credential's environment: the demo site, or a custom base URL with its path", async () => {
		showpassPublic('https://demo.showpass.com')
			.get(DISCOVERY)
			.query(true)
			.reply(200, page([event], null));
		await run(listing(), { credentials: { environment: 'demo' } });
		showpassPublic('https://proxy.example')
			.get(`/showpass${DISCOVERY}`)
			.query(true)
			.reply(200, page([event], null));
		await run(listing(), {
			credentials: { environment: 'custom', baseUrl: 'https://proxy.example/showpass/' },
		});
	});

	it('exists in version 1 as well, with the same fields', async () => {
		showpassPublic()
			.get(DISCOVERY)
			.query({ venue: ORGANIZATION_ID, page_size: '50', search_string: 'x' })
			.reply(200, page([event], null));
		const { json } = await atVersion(1).run(listing({ filters: { search: 'x' } }));
		expect(json).toEqual([event]);
	});

	it('a period that cannot match, a date that is no date, or an organization ID that is not a number fail before any request', async () => {
		const reversed = await failure(
			listing({
				filters: { startsAfter: '2026-08-01T00:00:00Z', startsBefore: '2026-07-01T00:00:00Z' },
			}),
		);
		expect(reversed.message).toContain('Starts After');
		expect(reversed.message).toContain('later than Starts Before');
		const notADate = await failure(listing({ filters: { startsBefore: '=next week' } }));
		expect(notADate.message).toContain('Starts Before');
		const organization = await failure(listing(), {
			credentials: { organizationId: 'harbour-hall' },
		});
		expect(organization.message).toContain('Organization ID must be a number');
	});

	it("what Showpass refuses is reported in Showpass's words", async () => {
		showpassPublic()
			.get(DISCOVERY)
			.query(true)
			.reply(400, { ordering: ['Select a valid choice.'] });
		const error = await failure(listing());
		expect(error.message).toBe(
			'Showpass rejected the request (400): ordering: Select a valid choice.',
		);
	});
});
