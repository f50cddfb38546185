import fc from 'fast-check';

import { baseUrlOf, organizationUrlOf, pathSegment } from '../../nodes/Showpass/helpers/connection';
import { describeShowpassError, showpassMessageOf } from '../../nodes/Showpass/helpers/errors';
import { firstPageSize, queryOfNextLink, readPage } from '../../nodes/Showpass/helpers/pagination';
import { decimalText, idList, idValue, withoutEmpty } from '../../nodes/Showpass/helpers/values';
import { discountBody } from '../../nodes/Showpass/resources/discount/fields';
import { trackingLinkBody } from '../../nodes/Showpass/resources/trackingLink/fields';
import { ShowpassApi } from '../../credentials/ShowpassApi.credentials';

describe('connection', () => {
	it.each([
		[{ environment: 'production' }, 'https://www.showpass.com'],
		[{ environment: 'demo' }, 'https://demo.showpass.com'],
		[{}, 'https://www.showpass.com'],
		[{ environment: 'custom', baseUrl: ' http://127.0.0.1:9/x// ' }, 'http://127.0.0.1:9/x'],
	])('%j → %s', (credentials, expected) => {
		expect(baseUrlOf({ apiToken: 't', organizationId: 1, ...credentials } as never)).toBe(expected);
	});

	it('puts the organization id in the path and refuses one that is not a number', () => {
		expect(organizationUrlOf({ apiToken: 't', organizationId: 42 })).toBe('https://www.showpass.com/api/venue/42');
		expect(() => organizationUrlOf({ apiToken: 't', organizationId: '../42' })).toThrow('must be a number');
	});

	it('encodes path segments so an id cannot leave its place in the path', () => {
		fc.assert(
			fc.property(fc.string({ minLength: 1 }).filter((text) => text.trim() !== ''), (text) => {
				const segment = pathSegment(text, 'ID');
				expect(segment).not.toMatch(/[/?#]/);
				expect(decodeURIComponent(segment)).toBe(text.trim());
			}),
		);
	});
});

describe('errors', () => {
	it.each([
		[{ detail: 'Not found.' }, 'Not found.'],
		[{ code: ['Taken.'], amount: ['Too big.', 'Not a number.'] }, 'code: Taken.; amount: Too big.; Not a number.'],
		[{ non_field_errors: ['Ticket already scanned.'] }, 'Ticket already scanned.'],
		[{ extra: 'Quick purchase tracking links requires basket data.' }, 'extra: Quick purchase tracking links requires basket data.'],
		[{ event_discount_permissions: [{ event: ['Invalid pk.'] }] }, 'event_discount_permissions: event: Invalid pk.'],
		['<html>Bad gateway</html>', '<html>Bad gateway</html>'],
		[null, ''],
		['', ''],
	])('Showpass body %j reads as %j', (body, expected) => {
		expect(showpassMessageOf(body)).toBe(expected);
	});

	it('every status gets a message and a description', () => {
		for (const status of [400, 401, 403, 404, 405, 409, 429, 500, 502, 503]) {
			const { message, description } = describeShowpassError(status, { detail: 'x' });
			expect(message).toContain(String(status));
			expect(description.length).toBeGreaterThan(10);
		}
	});
});

describe('pagination', () => {
	it('reads pages and bare lists', () => {
		expect(readPage({ count: 1, next: 'n', previous: null, results: [{ id: 1 }] })).toEqual({ results: [{ id: 1 }], next: 'n' });
		expect(readPage([{ id: 1 }])).toEqual({ results: [{ id: 1 }], next: null });
		expect(readPage({ detail: 'x' })).toEqual({ results: [], next: null });
		expect(readPage('')).toEqual({ results: [], next: null });
	});

	it('takes the query of an absolute or relative next link', () => {
		expect(queryOfNextLink('https://www.showpass.com/api/venue/1/events/?page=2&search=a%20b')).toEqual({ page: '2', search: 'a b' });
		expect(queryOfNextLink('/api/venue/1/events/?page=3')).toEqual({ page: '3' });
		expect(queryOfNextLink('https://www.showpass.com/api/venue/1/events/')).toEqual({});
	});

	it('asks for at most 100 per page', () => {
		expect(firstPageSize(undefined)).toBe(100);
		expect(firstPageSize(7)).toBe(7);
		expect(firstPageSize(5000)).toBe(100);
	});
});

describe('values', () => {
	it('ids, lists and decimals', () => {
		expect(idValue(' 12 ')).toBe(12);
		expect(idValue('abc-1')).toBe('abc-1');
		expect(idValue('12345678901234567890')).toBe('12345678901234567890');
		expect(idList('1, 2 3,,')).toEqual([1, 2, 3]);
		expect(idList([4, '5'])).toEqual([4, 5]);
		expect(decimalText(25)).toBe('25.00');
		expect(decimalText('12.5')).toBe('12.50');
		expect(() => decimalText('ten')).toThrow('"ten" is not a number');
		expect(withoutEmpty({ a: '', b: 0, c: false, d: [], e: null, f: undefined, g: 'x' })).toEqual({ b: 0, c: false, g: 'x' });
	});

	it('a discount body uses Showpass names and keeps explicit zeros and falses', () => {
		expect(discountBody({ isPublic: false, totalLimit: 3, perUserLimit: 1, amount: 0, code: ' x ' })).toEqual({
			is_public: false,
			limit: 3,
			per_user_limit: 1,
			amount: '0.00',
			code: 'x',
		});
	});

	it('a tracking link body carries the organization as venue', () => {
		expect(trackingLinkBody('1234', 2, {}, {})).toEqual({ venue: 1234, via: 2 });
	});
});

describe('Showpass API credential', () => {
	const credential = new ShowpassApi();

	it('authenticates with the literal word Token, as Showpass requires', () => {
		expect(credential.authenticate.properties.headers).toEqual({ Authorization: '=Token {{$credentials.apiToken}}' });
	});

	it('tests with a one-event request to the organization', () => {
		expect(credential.test.request.url).toBe('=/api/venue/{{ String($credentials.organizationId).trim() }}/events/');
		expect(credential.test.request.qs).toEqual({ page_size: 1 });
		expect(credential.test.request.baseURL).toContain('https://demo.showpass.com');
		expect(credential.test.request.baseURL).toContain('https://www.showpass.com');
	});

	it('keeps the token in a password field', () => {
		const token = credential.properties.find((property) => property.name === 'apiToken');
		expect(token?.typeOptions?.password).toBe(true);
	});
});
