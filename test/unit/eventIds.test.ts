import type { IDataObject } from 'n8n-workflow';

import {
	eventIdsFor,
	eventIdsOfInvoice,
	eventIdText,
	parseEventIds,
} from '../../nodes/ShowpassTrigger/helpers/events';
import { shapeOutput } from '../../nodes/ShowpassTrigger/helpers/output';
import purchase from '../fixtures/invoice.purchase.json';

/** The sample purchase with one ticket and one line per event ID, in that order. */
function purchaseFor(...eventIds: unknown[]): IDataObject {
	const delivery = JSON.parse(JSON.stringify(purchase)) as IDataObject;
	const data = delivery.data as IDataObject;
	const [ticket] = data.ticket_items as IDataObject[];
	const [line] = data.invoice_items as IDataObject[];
	data.ticket_items = eventIds.map((event_id, index) => ({ ...ticket, id: index, event_id }));
	data.invoice_items = eventIds.map((event_id, index) => ({ ...line, id: 100 + index, event_id }));
	return delivery;
}

describe('parseEventIds', () => {
	it('reads comma-, space- and newline-separated IDs and skips empty entries', () => {
		expect([...parseEventIds(' 474708,, 474712 ,\n474713;').ids]).toEqual([
			'474708',
			'474712',
			'474713',
		]);
		expect(parseEventIds(' , ').ids.size).toBe(0);
		expect(parseEventIds(undefined).ids.size).toBe(0);
	});

	it('takes a number or a list from an expression', () => {
		expect([...parseEventIds(474708).ids]).toEqual(['474708']);
		expect([...parseEventIds([474708, '474712']).ids]).toEqual(['474708', '474712']);
	});

	it('reports entries that are not whole numbers, and keeps the good ones', () => {
		const list = parseEventIds('474708, summer-fest, 12.5, #474712');
		expect([...list.ids]).toEqual(['474708']);
		expect(list.invalidEntries).toEqual(['summer-fest', '12.5', '#474712']);
	});
});

describe('eventIdText', () => {
	it('gives the same text for a number, a string and padded text', () => {
		for (const value of [474708, '474708', ' 474708 ', '0474708']) {
			expect(eventIdText(value)).toBe('474708');
		}
		expect(eventIdText(0)).toBe('0');
	});

	it('gives nothing for a missing or empty ID', () => {
		for (const value of [null, undefined, '', '  ', {}, [474708], Number.NaN]) {
			expect(eventIdText(value)).toBeUndefined();
		}
	});
});

describe('eventIdsOfInvoice', () => {
	it("reads the tickets' and the lines' event IDs, skipping lines without one", () => {
		const delivery = purchaseFor(1, '2');
		const data = delivery.data as IDataObject;
		(data.invoice_items as IDataObject[]).push({ id: 9, event_id: null, product_id: 5 });
		expect(eventIdsOfInvoice(data)).toEqual(['1', '2', '1', '2']);
		expect(eventIdsOfInvoice(undefined)).toEqual([]);
		expect(eventIdsOfInvoice({ ticket_items: 'none', invoice_items: [null, 3] })).toEqual([]);
	});
});

describe('eventIdsFor', () => {
	const chosen = new Set(['474708']);

	it('applies the list to every Showpass event type but Send Test', () => {
		expect(eventIdsFor({ event_type: 'invoice.refund' }, chosen)).toBe(chosen);
		expect(eventIdsFor({}, chosen)).toBe(chosen);
		expect(eventIdsFor({ event_type: 'webhook.test' }, chosen)).toBeUndefined();
		expect(eventIdsFor({ event_type: ' Webhook.Test ' }, chosen)).toBeUndefined();
	});

	it('means every event when the list is empty', () => {
		expect(eventIdsFor({ event_type: 'invoice.purchase' }, new Set())).toBeUndefined();
		expect(eventIdsFor({ event_type: 'invoice.purchase' }, undefined)).toBeUndefined();
	});
});

describe('shapeOutput with event IDs', () => {
	const chosen = new Set(['2', '3']);

	it("outputs only the chosen events' tickets and lines, compared as text", () => {
		const delivery = purchaseFor(1, '2', 3, ' 3 ');
		const tickets = shapeOutput(delivery, 'tickets', { eventIds: chosen });
		expect(tickets.map((item) => item.id)).toEqual([1, 2, 3]);
		expect(tickets[0]).toMatchObject({ transaction_id: 'f1-1068-4af6-be8f-1222417da0f2' });
		const lines = shapeOutput(delivery, 'lineItems', { eventIds: chosen });
		expect(lines.map((item) => item.id)).toEqual([101, 102, 103]);
	});

	it('leaves the whole event and the invoice as they are', () => {
		const delivery = purchaseFor(1, 2);
		for (const mode of ['event', 'invoice'] as const) {
			expect(shapeOutput(delivery, mode, { eventIds: chosen })).toEqual(
				shapeOutput(delivery, mode),
			);
		}
	});

	it('gives one item with the invoice context when only the lines are of a chosen event', () => {
		const delivery = purchaseFor(1);
		((delivery.data as IDataObject).invoice_items as IDataObject[])[0].event_id = 2;
		const [item, ...rest] = shapeOutput(delivery, 'tickets', { eventIds: chosen });
		expect(rest).toEqual([]);
		expect(item).toMatchObject({ transaction_id: 'f1-1068-4af6-be8f-1222417da0f2' });
		expect(item).not.toHaveProperty('barcode_string');
	});
});
