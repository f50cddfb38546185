import fc from 'fast-check';

import {
	checkSignature,
	computeSignature,
	normalizeSignatureHeader,
	signatureMatches,
} from '../../nodes/ShowpassTrigger/helpers/signature';

describe('computeSignature', () => {
	it('is lower-case hex HMAC-SHA1 (RFC 2202-style known vector)', () => {
		expect(computeSignature('key', 'The quick brown fox jumps over the lazy dog')).toBe(
			'de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9',
		);
	});
});

describe('normalizeSignatureHeader', () => {
	it.each([
		['  ABCdef  ', 'abcdef'],
		['"abc"', 'abc'],
		["'abc'", 'abc'],
		['sha1=ABC', 'abc'],
		[['', ' "ab" '], 'ab'],
		[undefined, ''],
		[42, ''],
		[[], ''],
	])('%p → %p', (input, expected) => {
		expect(normalizeSignatureHeader(input)).toBe(expected);
	});
});

describe('checkSignature', () => {
	const id = 'f1-1068-4af6-be8f-1222417da0f2';
	it('tells missing, invalid and valid apart, with either key', () => {
		const byOld = computeSignature('old', id);
		expect(checkSignature(id, undefined, ['new'])).toBe('missing');
		expect(checkSignature(id, byOld, ['new'])).toBe('invalid');
		expect(checkSignature(id, byOld, ['new', 'old'])).toBe('valid');
		expect(checkSignature(id, byOld, [])).toBe('invalid');
		expect(checkSignature(id, byOld, ['', 'old'])).toBe('valid');
	});

	it('never accepts an empty key', () => {
		expect(signatureMatches('', id, computeSignature('', id))).toBe(false);
	});

	it('never throws and never accepts arbitrary header values (property)', () => {
		fc.assert(
			fc.property(
				fc.string(),
				fc.oneof(fc.string(), fc.array(fc.string()), fc.constant(undefined), fc.integer()),
				(idText, header) => {
					const result = checkSignature(idText, header, ['secret']);
					expect(['missing', 'invalid', 'valid']).toContain(result);
					if (result === 'valid')
						expect(normalizeSignatureHeader(header)).toBe(computeSignature('secret', idText));
				},
			),
			{ numRuns: 2000 },
		);
	});

	it('accepts exactly the right signature in any case and quoting (property)', () => {
		fc.assert(
			fc.property(
				fc.string({ minLength: 1 }),
				fc.string({ minLength: 1 }),
				fc.boolean(),
				(idText, key, upper) => {
					const signature = computeSignature(key, idText);
					const header = `"${upper ? signature.toUpperCase() : signature}"`;
					expect(checkSignature(idText, header, [key])).toBe('valid');
					expect(checkSignature(`${idText}x`, header, [key])).toBe('invalid');
				},
			),
			{ numRuns: 500 },
		);
	});
});
