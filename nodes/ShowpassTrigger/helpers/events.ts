import type { IDataObject } from 'n8n-workflow';

import { isPlainObject } from './payload';

export const SHOWPASS_EVENT_TYPES = [
	'invoice.purchase',
	'invoice.refund',
	'invoice.void',
	'invoice.transfer',
	'invoice.transferred',
	'webhook.test',
] as const;

export type ShowpassEventType = (typeof SHOWPASS_EVENT_TYPES)[number];

export const ALL_EVENTS = '*';

/** What Showpass sends when a user clicks Send Test: a sample whose event IDs are not the user's. */
export const SEND_TEST_EVENT_TYPE: ShowpassEventType = 'webhook.test';

export function isEventSelected(selectedEvents: readonly string[], eventType: unknown): boolean {
	if (selectedEvents.includes(ALL_EVENTS)) return true;
	if (typeof eventType !== 'string') return false;
	return selectedEvents.includes(eventType.trim().toLowerCase());
}

export interface EventIdList {
	/** The listed IDs as comparable text; empty when the list is empty (every event). */
	ids: Set<string>;
	/** Entries that cannot be a Showpass event ID (not a whole number). */
	invalidEntries: string[];
}

const WHOLE_NUMBER = /^\d+$/;

/**
 * An event ID as text that compares equal however Showpass sent it: `474708`, `"474708"` and
 * `" 0474708 "` are all `474708`. Anything that is not a number or text gives undefined.
 */
export function eventIdText(value: unknown): string | undefined {
	let text: string;
	if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
	else if (typeof value === 'string') text = value.trim();
	else return undefined;
	if (text === '') return undefined;
	return WHOLE_NUMBER.test(text) ? text.replace(/^0+(?=\d)/, '') : text;
}

/** Parses the Event IDs option: comma-, space- or newline-separated; empty entries are skipped. */
export function parseEventIds(value: unknown): EventIdList {
	const text = Array.isArray(value) ? value.join(',') : value === undefined ? '' : String(value);
	const list: EventIdList = { ids: new Set(), invalidEntries: [] };
	for (const entry of text.split(/[\s,;]+/)) {
		if (entry === '') continue;
		if (WHOLE_NUMBER.test(entry)) list.ids.add(eventIdText(entry) as string);
		else list.invalidEntries.push(entry);
	}
	return list;
}

/** The `event_id` of each ticket and line of an invoice, as comparable text. */
export function eventIdsOfInvoice(invoice: unknown): string[] {
	if (!isPlainObject(invoice)) return [];
	const ids: string[] = [];
	for (const list of [invoice.ticket_items, invoice.invoice_items]) {
		if (!Array.isArray(list)) continue;
		for (const entry of list) {
			const id = isPlainObject(entry) ? eventIdText(entry.event_id) : undefined;
			if (id !== undefined) ids.push(id);
		}
	}
	return ids;
}

/**
 * The event IDs a delivery is screened and shaped by: none (every event) when the list is empty, and
 * none for Send Test's sample, whose event IDs are Showpass's example, so a test still runs.
 */
export function eventIdsFor(
	delivery: IDataObject,
	chosen: ReadonlySet<string> | undefined,
): ReadonlySet<string> | undefined {
	if (!chosen || chosen.size === 0) return undefined;
	if (isEventSelected([SEND_TEST_EVENT_TYPE], delivery.event_type)) return undefined;
	return chosen;
}

/** Whether a ticket or line belongs to one of `eventIds`. */
export function isOfEvents(entry: IDataObject, eventIds: ReadonlySet<string>): boolean {
	const id = eventIdText(entry.event_id);
	return id !== undefined && eventIds.has(id);
}
