import { createHmac, timingSafeEqual } from 'crypto';

const SHA1_HEX = /^[0-9a-f]{40}$/;
const SURROUNDING_QUOTES = /^["'`]+|["'`]+$/g;
const ALGORITHM_PREFIX = /^sha1=/;

export type SignatureCheck = 'valid' | 'invalid' | 'missing';

/** Lower-case hex HMAC-SHA1 of the delivery's `id` text, as Showpass computes it. */
export function computeSignature(secretKey: string, idText: string): string {
	return createHmac('sha1', secretKey).update(idText, 'utf8').digest('hex');
}

/**
 * Brings an `X-SHOWPASS-SIGNATURE` header value to bare lower-case hex.
 * Showpass's docs print the value in quotes, and proxies may repeat a header (an array),
 * so whitespace, quotes and a `sha1=` prefix are tolerated. Returns '' when nothing is left.
 */
export function normalizeSignatureHeader(headerValue: unknown): string {
	const raw = Array.isArray(headerValue)
		? headerValue.find((value) => typeof value === 'string' && value.trim() !== '')
		: headerValue;
	if (typeof raw !== 'string') return '';
	return raw
		.trim()
		.replace(SURROUNDING_QUOTES, '')
		.trim()
		.toLowerCase()
		.replace(ALGORITHM_PREFIX, '');
}

/** Constant-time check of one header value against one key; never throws on odd input. */
export function signatureMatches(secretKey: string, idText: string, headerValue: unknown): boolean {
	const received = normalizeSignatureHeader(headerValue);
	if (!SHA1_HEX.test(received) || secretKey === '') return false;
	const expected = Buffer.from(computeSignature(secretKey, idText), 'hex');
	return timingSafeEqual(expected, Buffer.from(received, 'hex'));
}

/** Checks the header against every configured key (current, then previous). */
export function checkSignature(
	idText: string,
	headerValue: unknown,
	secretKeys: readonly string[],
): SignatureCheck {
	if (normalizeSignatureHeader(headerValue) === '') return 'missing';
	const usableKeys = secretKeys.filter((key) => typeof key === 'string' && key !== '');
	// Every key is tried, so the time taken does not tell which key matched.
	let matched = false;
	for (const key of usableKeys) {
		if (signatureMatches(key, idText, headerValue)) matched = true;
	}
	return matched ? 'valid' : 'invalid';
}
