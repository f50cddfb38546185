import type { IDataObject } from 'n8n-workflow';

/** An id typed or mapped by a user: a number when it is all digits, otherwise the trimmed text. */
export function idValue(value: unknown): number | string {
	const text = String(value ?? '').trim();
	return /^\d{1,15}$/.test(text) ? Number(text) : text;
}

/** "12, 13 14" or [12, "13"] → [12, 13, 14]. */
export function idList(value: unknown): Array<number | string> {
	const parts = Array.isArray(value) ? value : String(value ?? '').split(/[\s,]+/);
	return parts
		.map((part) => String(part).trim())
		.filter((part) => part !== '')
		.map(idValue);
}

/** "a, b ,,c" or ["a", " b"] → "a,b,c": a comma-separated list as Showpass's `__in` filters take it. */
export function commaList(value: unknown): string {
	const parts = Array.isArray(value) ? value : String(value ?? '').split(',');
	return parts
		.map((part) => String(part).trim())
		.filter((part) => part !== '')
		.join(',');
}

/** A date from the editor (text, or a date object from an expression) as ISO text. */
export function dateTimeText(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (value instanceof Date) return value.toISOString();
	const withIso = value as { toISO?: () => string };
	if (typeof withIso.toISO === 'function') return withIso.toISO();
	return String(value).trim();
}

/** `dateTimeText` for a query filter: undefined when empty; throws, naming the field, when it is no date. */
export function dateTimeFilter(value: unknown, label: string): string | undefined {
	const text = dateTimeText(value);
	if (text === undefined || text === '') return undefined;
	if (Number.isNaN(Date.parse(text))) {
		throw new Error(`${label} is not a date and time: "${text}" (use e.g. 2026-07-15T19:00:00Z)`);
	}
	return text;
}

/** Showpass decimals are strings with two places, e.g. "25.00". */
export function decimalText(value: unknown): string {
	const number = typeof value === 'number' ? value : Number(String(value).trim());
	if (!Number.isFinite(number)) throw new Error(`"${String(value)}" is not a number`);
	return number.toFixed(2);
}

/** Drops fields left empty in the editor so Showpass keeps its own defaults for them. */
export function withoutEmpty(fields: IDataObject): IDataObject {
	const kept: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined || value === null || value === '') continue;
		if (Array.isArray(value) && value.length === 0) continue;
		kept[key] = value;
	}
	return kept;
}
