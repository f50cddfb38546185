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

export function isEventSelected(selectedEvents: readonly string[], eventType: unknown): boolean {
	if (selectedEvents.includes(ALL_EVENTS)) return true;
	if (typeof eventType !== 'string') return false;
	return selectedEvents.includes(eventType.trim().toLowerCase());
}
