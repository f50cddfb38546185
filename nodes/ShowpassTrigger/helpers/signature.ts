import { createHmac, timingSafeEqual } from 'crypto';

const SHA1_HEX = /^[0-9a-f]{40}$/;
const SURROUNDING_QUOTES = /^["'`]+|["'`]+$/g;
const ALGORITHM_PREFIX = /^sha1=/;

export type SignatureCheck = 'valid' | 'invalid' | 'missing';

function signatureDigest(secretKey: string, idText: string): Buffer {
	return createHmac('sha1', secretKey).update(idText, 'utf8').digest();
}

/** Lower-case hex HMAC-SHA1 of the delivery's `id` text, as Showpass computes it. */
export function computeSignature(secretKey: string, idText: string): string {
	return signatureDigest(secretKey, idText).toString('hex');
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
	return checkSignature(idText, headerValue, [secretKey]) === 'valid';
}

/**
 * Checks the header against every configured key (current, then previous). The header is
 * normalised and decoded once; every key is tried, so the time taken does not tell which matched.
 */
export function checkSignature(
	idText: string,
	headerValue: unknown,
	secretKeys: readonly string[],
): SignatureCheck {
	const normalized = normalizeSignatureHeader(headerValue);
	if (normalized === '') return 'missing';
	if (!SHA1_HEX.test(normalized)) return 'invalid';
	const received = Buffer.from(normalized, 'hex');
	let matched = false;
	for (const key of secretKeys) {
		if (typeof key !== 'string' || key === '') continue;
		if (timingSafeEqual(signatureDigest(key, idText), received)) matched = true;
	}
	return matched ? 'valid' : 'invalid';
}
