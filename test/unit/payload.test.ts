import fc from 'fast-check';

import { findTopLevelIdToken, parseDelivery } from '../../nodes/ShowpassTrigger/helpers/payload';
import legacy from '../fixtures/invoice.purchase.legacy.json';
import purchase from '../fixtures/invoice.purchase.json';

const json = (text: string) =>
	parseDelivery({
		contentType: 'application/octet-stream',
		parsedBody: {},
		rawBody: Buffer.from(text),
	});

describe('parseDelivery', () => {
	it('reads both published samples', () => {
		for (const sample of [purchase, legacy]) {
			const parsed = parseDelivery({
				contentType: 'application/json',
				parsedBody: sample,
				rawBody: JSON.stringify(sample),
			});
			expect(parsed).toEqual({ ok: true, delivery: sample, idText: sample.id });
		}
	});

	it('keeps every digit of a numeric id past 2^53 and shows it as text', () => {
		const text = '{"data":{"id":1},"id":9007199254740993,"event_type":"invoice.purchase"}';
		const parsed = parseDelivery({
			contentType: 'application/json',
			parsedBody: JSON.parse(text),
			rawBody: text,
		});
		expect(parsed).toMatchObject({
			ok: true,
			idText: '9007199254740993',
			delivery: { id: '9007199254740993' },
		});
	});

	it('takes the id text from the raw body when n8n did not parse it', () => {
		expect(json('{"id": -12.50}')).toMatchObject({ ok: true, idText: '-12.50' });
		expect(json('\uFEFF{"id":"a"}')).toMatchObject({ ok: true, idText: 'a' });
	});

	it("uses n8n's parsed object when there is no raw body", () => {
		expect(parseDelivery({ parsedBody: { id: 7 } })).toMatchObject({ ok: true, idText: '7' });
	});

	it.each([
		['', /empty/],
		['   ', /empty/],
		['{"id":', /not valid JSON/],
		['[1]', /JSON object/],
		['"x"', /JSON object/],
		['true', /JSON object/],
		['{}', /no "id"/],
		['{"id":null}', /no "id"/],
		['{"id":""}', /empty/],
		['{"id":{}}', /string or a number/],
		['{"data":{"id":"nested"}}', /no "id"/],
	])('rejects %p', (text, reason) => {
		const parsed = json(text);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.reason).toMatch(reason);
	});

	it('survives deeply nested bodies without a stack overflow', () => {
		const depth = 100_000;
		const text = `{"id":"deep","data":${'['.repeat(depth)}${']'.repeat(depth)}}`;
		const parsed = json(text);
		expect(parsed.ok === true || parsed.reason.length > 0).toBe(true);
		expect(findTopLevelIdToken(text)).toBe('"deep"');
	});
});

describe('findTopLevelIdToken', () => {
	it('ignores nested ids, strings that look like keys, and takes the last duplicate key', () => {
		expect(findTopLevelIdToken('{"a":{"id":1},"b":"\\"id\\":2","id":3}')).toBe('3');
		expect(findTopLevelIdToken('{"id":1,"id":2}')).toBe('2');
		expect(findTopLevelIdToken('{"\\u0069d" : 5 }')).toBe('5');
		expect(findTopLevelIdToken('[{"id":1}]')).toBeUndefined();
	});

	it('agrees with JSON.parse on generated objects (property)', () => {
		fc.assert(
			fc.property(
				fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
				fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
				(rest, id) => {
					const text = JSON.stringify({ ...rest, id });
					const token = findTopLevelIdToken(text);
					expect(token).toBeDefined();
					expect(JSON.parse(token as string)).toEqual(JSON.parse(text).id);
				},
			),
			{ numRuns: 1000 },
		);
	});

	it('never throws on arbitrary text, and parseDelivery always answers (property)', () => {
		fc.assert(
			fc.property(fc.string(), (text) => {
				findTopLevelIdToken(text);
				const parsed = json(text);
				expect(typeof parsed.ok).toBe('boolean');
			}),
			{ numRuns: 2000 },
		);
	});
});
