import type { IDataObject } from 'n8n-workflow';

import discount from '../../fixtures/showpass-api/discount.json';
import event from '../../fixtures/showpass-api/event.json';
import trackingLink from '../../fixtures/showpass-api/tracking-link.json';
import { EVENT_URL_REGEX } from '../../../nodes/Showpass/helpers/locator';
import { PAGES_PER_SEARCH } from '../../../nodes/Showpass/helpers/listSearch';
import {
	BASE_URL,
	searchList,
	sent,
	locator,
	ORG_PATH,
	page,
	run,
	showpass,
	usesShowpassOnly,
} from './harness';

usesShowpassOnly();

const EVENTS = `${ORG_PATH}/events/`;
const events = (from: number, count: number, name = (id: number) => `Show ${id}`) =>
	Array.from({ length: count }, (_, index) => ({
		id: from + index,
		slug: `show-${from + index}`,
		name: name(from + index),
	}));
const nextEvents = (pageNumber: number, base = BASE_URL) =>
	`${base}${EVENTS}?page=${pageNumber}&page_size=100`;

describe('list search (From List)', () => {
	it('events: keeps the names that contain the typed text in any case, across pages, with their pages', async () => {
		showpass()
			.get(EVENTS)
			.query({ page_size: '100' })
			.reply(200, page([event, ...events(1, 2)], nextEvents(2)))
			.get(EVENTS)
			.query({ page: '2', page_size: '100' })
			.reply(
				200,
				page(
					events(3, 2, () => 'HARBOUR late show'),
					null,
				),
			);
		const result = await searchList('searchEvents', 'harbour');
		expect(result).toEqual({
			results: [
				{
					name: 'Harbour Lights 2026 (2026-07-15)',
					value: '98765',
					url: 'https://www.showpass.com/harbour-lights-2026/',
				},
				{ name: 'HARBOUR late show', value: '3', url: 'https://www.showpass.com/show-3/' },
				{ name: 'HARBOUR late show', value: '4', url: 'https://www.showpass.com/show-4/' },
			],
		});
	});

	it('no filter lists everything; an id typed matches too', async () => {
		showpass()
			.get(EVENTS)
			.query({ page_size: '100' })
			.twice()
			.reply(200, page(events(41, 3), null));
		expect((await searchList('searchEvents')).results.map((r) => r.value)).toEqual([
			'41',
			'42',
			'43',
		]);
		expect((await searchList('searchEvents', '42')).results.map((r) => r.value)).toEqual(['42']);
	});

	it(`reads at most ${PAGES_PER_SEARCH} pages per request and hands back a token to read on`, async () => {
		const scope = showpass()
			.get(EVENTS)
			.query({ page_size: '100' })
			.reply(200, page(events(1, 1), nextEvents(2)));
		for (let pageNumber = 2; pageNumber <= PAGES_PER_SEARCH + 1; pageNumber++) {
			scope
				.get(EVENTS)
				.query({ page: String(pageNumber), page_size: '100' })
				.reply(200, page(events(pageNumber, 1), nextEvents(pageNumber + 1)));
		}
		scope
			.get(EVENTS)
			.query({ page: String(PAGES_PER_SEARCH + 2), page_size: '100' })
			.reply(200, page(events(PAGES_PER_SEARCH + 2, 1), null));
		const first = await searchList('searchEvents', '');
		expect(first.results).toHaveLength(PAGES_PER_SEARCH);
		expect(sent).toHaveLength(PAGES_PER_SEARCH);
		expect(first.paginationToken).toEqual(expect.any(String));
		const second = await searchList('searchEvents', '', first.paginationToken);
		expect(second.results.map((r) => r.value)).toEqual([
			String(PAGES_PER_SEARCH + 1),
			String(PAGES_PER_SEARCH + 2),
		]);
		expect(second.paginationToken).toBeUndefined();
	});

	it("asks the next page on the credential's address even when next names another host", async () => {
		showpass()
			.get(EVENTS)
			.query({ page_size: '100' })
			.reply(200, page(events(1, 1), nextEvents(2, 'https://elsewhere.example')))
			.get(EVENTS)
			.query({ page: '2', page_size: '100' })
			.reply(200, page(events(2, 1), null));
		const result = await searchList('searchEvents');
		expect(result.results.map((r) => r.value)).toEqual(['1', '2']);
		expect(sent.every((request) => request.url.startsWith(`${BASE_URL}/`))).toBe(true);
	});

	it("uses the credential's environment (demo) for requests and event pages", async () => {
		showpass('https://demo.showpass.com')
			.get(EVENTS)
			.query({ page_size: '100' })
			.reply(200, page(events(7, 1), null));
		const result = await searchList('searchEvents', undefined, undefined, {
			credentials: { environment: 'demo' },
		});
		expect(result.results).toEqual([
			{ name: 'Show 7', value: '7', url: 'https://demo.showpass.com/show-7/' },
		]);
	});

	it('a 401 while listing is the same readable error as elsewhere', async () => {
		showpass().get(EVENTS).query({ page_size: '100' }).reply(401, { detail: 'Invalid token.' });
		await expect(searchList('searchEvents')).rejects.toThrow(
			'Showpass did not accept the API token (401)',
		);
	});

	it.each([
		[
			'searchDiscounts',
			'/financials/discounts/',
			[discount, { id: 4402, code: 'SPRING', description: 'SPRING' }],
			'ada',
			[{ name: 'SORRY-ADA — Refund goodwill', value: '4401' }],
		],
		[
			'searchTrackingLinks',
			'/analytics/tracking/links/',
			[trackingLink, { id: 9902, description: '', short_url: 'https://showpass.com/l/zz' }],
			'/l/zz',
			[{ name: 'https://showpass.com/l/zz', value: '9902' }],
		],
		[
			'searchPasswords',
			'/passwords/',
			[
				{ id: 5501, password: 'MEMBER-7QX4', is_active: true },
				{ id: 5502, password: 'member-old', is_active: false },
			],
			'MEMBER',
			[
				{ name: 'MEMBER-7QX4', value: '5501' },
				{ name: 'member-old (inactive)', value: '5502' },
			],
		],
	])('%s lists %s by name', async (method, path, records, filter, expected) => {
		showpass()
			.get(`${ORG_PATH}${path}`)
			.query({ page_size: '100' })
			.reply(200, page(records as IDataObject[], null));
		const result = await searchList(method, filter);
		expect(result.results.map(({ name, value }) => ({ name, value }))).toEqual(expected);
	});

	it('tracking links open their long link', async () => {
		showpass()
			.get(`${ORG_PATH}/analytics/tracking/links/`)
			.query({ page_size: '100' })
			.reply(200, page([trackingLink], null));
		const result = await searchList('searchTrackingLinks');
		expect(result.results[0].url).toBe(trackingLink.long_url);
	});

	it('passwords listed as a bare array (Showpass without paging) are read too', async () => {
		showpass()
			.get(`${ORG_PATH}/passwords/`)
			.query({ page_size: '100' })
			.reply(200, [{ id: 5501, password: 'A' }]);
		const result = await searchList('searchPasswords');
		expect(result).toEqual({ results: [{ name: 'A', value: '5501' }] });
	});
});

describe('event By URL', () => {
	it.each([
		['https://www.showpass.com/harbour-lights-2026/', 'harbour-lights-2026'],
		['https://demo.showpass.com/harbour-lights-2026/', 'harbour-lights-2026'],
		['https://showpass.com/harbour-lights-2026', 'harbour-lights-2026'],
		['https://www.showpass.com/harbour-lights-2026/?tracking=abc#tickets', 'harbour-lights-2026'],
		['http://www.showpass.com/summer-fest', 'summer-fest'],
	])('%s gets the event %s', async (url, slug) => {
		showpass().get(`${EVENTS}${slug}/`).reply(200, event);
		const { json } = await run({
			resource: 'event',
			operation: 'get',
			eventId: locator('url', url),
		});
		expect(json).toEqual([event]);
	});

	it.each([
		'https://www.example.com/harbour-lights-2026/',
		'https://www.showpass.com.evil.example/harbour/',
		'https://www.showpass.com/',
		'https://www.showpass.com/o/example-hall/',
		'harbour-lights-2026',
	])('%s is not an event page address: n8n does not run the workflow', async (url) => {
		await expect(
			run({ resource: 'event', operation: 'get', eventId: locator('url', url) }),
		).rejects.toThrow('Enter an event page address on www.showpass.com or demo.showpass.com');
	});

	it('the extraction takes the first path segment only', () => {
		expect(new RegExp(EVENT_URL_REGEX).exec('https://www.showpass.com/a-b/c/?d')?.[1]).toBe('a-b');
	});
});

describe('record IDs in version 2 (pickers) and version 1 (text), same requests', () => {
	const cases: Array<[string, string, string, string, string]> = [
		// resource, operation, parameter, method, path
		['event', 'get', 'eventId', 'GET', `${EVENTS}98765/`],
		['discount', 'get', 'discountId', 'GET', `${ORG_PATH}/financials/discounts/4401/`],
		['discount', 'delete', 'discountId', 'DELETE', `${ORG_PATH}/financials/discounts/4401/`],
		['trackingLink', 'get', 'trackingLinkId', 'GET', `${ORG_PATH}/analytics/tracking/links/9901/`],
		[
			'trackingLink',
			'delete',
			'trackingLinkId',
			'DELETE',
			`${ORG_PATH}/analytics/tracking/links/9901/`,
		],
		['password', 'get', 'passwordId', 'GET', `${ORG_PATH}/passwords/5501/`],
	];
	const idIn = (path: string) => path.split('/').filter(Boolean).pop() as string;

	it.each(cases)(
		'%s %s: From List, By ID and version 1 text ask the same',
		async (resource, operation, name, method, path) => {
			const id = idIn(path);
			const scope = showpass();
			for (let times = 0; times < 3; times++)
				scope.intercept(path, method).reply(method === 'DELETE' ? 204 : 200, { id: Number(id) });
			const values = [locator('list', id), locator('id', ` ${id} `), id];
			const outputs: IDataObject[][] = [];
			for (const [index, value] of values.entries()) {
				const { json } = await run(
					{ resource, operation, [name]: value },
					{ typeVersion: index === 2 ? 1 : 2 },
				);
				outputs.push(json);
			}
			expect(outputs[0]).toEqual(outputs[1]);
			expect(outputs[0]).toEqual(outputs[2]);
		},
	);

	it('discount and tracking link updates take the picker too', async () => {
		showpass()
			.put(`${ORG_PATH}/financials/discounts/4401/`, { is_public: false })
			.reply(200, discount)
			.put(`${ORG_PATH}/analytics/tracking/links/9901/`)
			.reply(200, trackingLink);
		await run({
			resource: 'discount',
			operation: 'update',
			discountId: locator('list', '4401'),
			updateFields: { isPublic: false },
		});
		await run({
			resource: 'trackingLink',
			operation: 'update',
			trackingLinkId: locator('id', '9901'),
			basketItems: { item: [{ ticketType: '3001', quantity: 2, productAttribute: '' }] },
			updateFields: {},
		});
	});

	it('a version 1 workflow still takes an event slug as text', async () => {
		showpass().get(`${EVENTS}harbour-lights-2026/`).reply(200, event);
		const { json } = await run(
			{ resource: 'event', operation: 'get', eventId: 'harbour-lights-2026' },
			{ typeVersion: 1 },
		);
		expect(json).toEqual([event]);
	});
});
