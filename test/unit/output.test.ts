import type { IDataObject } from 'n8n-workflow';

import { shapeOutput } from '../../nodes/ShowpassTrigger/helpers/output';
import legacy from '../fixtures/invoice.purchase.legacy.json';
import purchase from '../fixtures/invoice.purchase.json';

const clone = (value: unknown) => JSON.parse(JSON.stringify(value)) as IDataObject;

function invoiceWithTickets(count: number): IDataObject {
	const delivery = clone(purchase);
	const data = delivery.data as IDataObject;
	const ticket = (data.ticket_items as IDataObject[])[0];
	data.ticket_items = Array.from({ length: count }, (_, index) => ({
		...ticket,
		id: index,
		barcode_string: `B${index}`,
	}));
	return delivery;
}

describe('shapeOutput', () => {
	it('passes the whole event through untouched by default', () => {
		const delivery = clone(purchase);
		expect(shapeOutput(delivery, 'event')).toEqual([purchase]);
	});

	it('lifts event_type, webhook_event_uuid and id beside the invoice', () => {
		const [item] = shapeOutput(clone(purchase), 'invoice');
		expect(Object.keys(item).slice(0, 3)).toEqual(['event_type', 'webhook_event_uuid', 'id']);
		expect(item).toMatchObject({
			...(purchase.data as IDataObject),
			event_type: 'invoice.purchase',
		});
	});

	it('gives one item per ticket of a 1,000-ticket invoice, each with the invoice context', () => {
		const items = shapeOutput(invoiceWithTickets(1000), 'tickets');
		expect(items).toHaveLength(1000);
		expect(items[999]).toMatchObject({
			id: 999,
			barcode_string: 'B999',
			transaction_id: 'f1-1068-4af6-be8f-1222417da0f2',
			customer_name: 'No Name',
			customer_email: 'example@showpass.com',
			currency: 'CAD',
			event_type: 'invoice.purchase',
			webhook_event_uuid: '09117c09-e1f8-4913-b2f5-52cc161cf5f7',
		});
	});

	it('gives one item per invoice line with the invoice context', () => {
		const items = shapeOutput(clone(legacy), 'lineItems');
		expect(items).toEqual([
			expect.objectContaining({
				id: 16,
				net_sales: 107,
				currency: 'CAD',
				transaction_id: 'b3-3eb2-405b-b640-39ec45d04fda',
			}),
		]);
	});

	it('still emits the invoice context when there are no tickets or lines', () => {
		const delivery = clone(purchase);
		delete (delivery.data as IDataObject).ticket_items;
		(delivery.data as IDataObject).invoice_items = [];
		expect(shapeOutput(delivery, 'tickets')).toEqual([
			expect.objectContaining({ transaction_id: 'f1-1068-4af6-be8f-1222417da0f2' }),
		]);
		expect(shapeOutput(delivery, 'lineItems')).toHaveLength(1);
		expect(shapeOutput({ id: 'x', event_type: 'webhook.test' }, 'tickets')).toEqual([
			expect.objectContaining({ event_type: 'webhook.test', transaction_id: null }),
		]);
	});

	it('converts money strings to numbers in every mode, leaving numbers and other text alone', () => {
		const [event] = shapeOutput(clone(purchase), 'event', { amountsAsNumbers: true });
		expect((event.data as IDataObject).net_sales).toBe(5.84);
		expect(((event.data as IDataObject).invoice_items as IDataObject[])[0].service_fees).toBe(0.59);
		expect((event.data as IDataObject).currency).toBe('CAD');
		const [line] = shapeOutput(clone(purchase), 'lineItems', { amountsAsNumbers: true });
		expect(line.total_tax).toBe(0.25);
		const [legacyInvoice] = shapeOutput(clone(legacy), 'invoice', { amountsAsNumbers: true });
		expect(legacyInvoice.net_sales).toBe(107);
		const odd = clone(purchase);
		(odd.data as IDataObject).discounts = 'n/a';
		expect(
			(shapeOutput(odd, 'invoice', { amountsAsNumbers: true })[0] as IDataObject).discounts,
		).toBe('n/a');
	});

	it('does not change the delivery it was given', () => {
		const delivery = clone(purchase);
		shapeOutput(delivery, 'invoice', { amountsAsNumbers: true });
		shapeOutput(delivery, 'tickets', { amountsAsNumbers: true });
		expect(delivery).toEqual(purchase);
	});

	it('adds headers to every item when given', () => {
		const items = shapeOutput(invoiceWithTickets(3), 'tickets', {
			headers: { 'user-agent': 'Showpass' },
		});
		expect(items.every((item) => (item.headers as IDataObject)['user-agent'] === 'Showpass')).toBe(
			true,
		);
	});
});
