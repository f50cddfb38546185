import type { IDataObject } from 'n8n-workflow';

import { isOfEvents } from './events';
import { isPlainObject } from './payload';

export type OutputMode = 'event' | 'invoice' | 'tickets' | 'lineItems';

export interface OutputOptions {
	amountsAsNumbers?: boolean;
	headers?: IDataObject;
	/** Only these events' tickets and lines, in the per-ticket and per-line modes; undefined for all. */
	eventIds?: ReadonlySet<string>;
}

/** Money fields of the invoice and its line items, per Showpass's Invoice object. */
export const MONEY_FIELDS = [
	'discounts',
	'net_sales',
	'service_fees',
	'account_credit_applied',
	'gross_revenue',
	'organizer_fees',
	'total_tax',
] as const;

/** Invoice fields copied onto every per-ticket and per-line item. */
export const INVOICE_CONTEXT_FIELDS = [
	'transaction_id',
	'showpass_organization_id',
	'customer_name',
	'customer_email',
	'customer_phone_number',
	'currency',
	'invoice_type',
	'payment_type',
] as const;

const DECIMAL_TEXT = /^\s*-?\d+(\.\d+)?\s*$/;

function withNumericAmounts(record: IDataObject): IDataObject {
	let converted: IDataObject | undefined;
	for (const field of MONEY_FIELDS) {
		const value = record[field];
		if (typeof value === 'string' && DECIMAL_TEXT.test(value)) {
			converted ??= Object.assign({}, record);
			converted[field] = Number(value);
		}
	}
	return converted ?? record;
}

function listOf(value: unknown, eventIds?: ReadonlySet<string>): IDataObject[] {
	if (!Array.isArray(value)) return [];
	const entries = value.filter(isPlainObject);
	return eventIds ? entries.filter((entry) => isOfEvents(entry, eventIds)) : entries;
}

function invoiceOf(delivery: IDataObject, amountsAsNumbers: boolean): IDataObject {
	const data = isPlainObject(delivery.data) ? delivery.data : {};
	if (!amountsAsNumbers) return data;
	const invoice = withNumericAmounts(data);
	if (!Array.isArray(invoice.invoice_items)) return invoice;
	return Object.assign({}, invoice, {
		invoice_items: invoice.invoice_items.map((item) =>
			isPlainObject(item) ? withNumericAmounts(item) : item,
		),
	});
}

function deliveryContext(delivery: IDataObject): IDataObject {
	return {
		event_type: delivery.event_type ?? null,
		webhook_event_uuid: delivery.webhook_event_uuid ?? null,
		id: delivery.id ?? null,
	};
}

function invoiceContext(delivery: IDataObject, invoice: IDataObject): IDataObject {
	const context: IDataObject = {
		event_type: delivery.event_type ?? null,
		webhook_event_uuid: delivery.webhook_event_uuid ?? null,
	};
	for (const field of INVOICE_CONTEXT_FIELDS) context[field] = invoice[field] ?? null;
	return context;
}

/** One item per entry of `entries`, each carrying the invoice context; one context item when empty. */
function itemsPerEntry(entries: IDataObject[], context: IDataObject): IDataObject[] {
	if (entries.length === 0) return [Object.assign({}, context)];
	return entries.map((entry) => Object.assign({}, entry, context));
}

/**
 * Shapes a verified delivery into the items the trigger emits.
 * Object.assign rather than object spread: on Node 20 spreading these wide objects measured ~10× slower.
 */
export function shapeOutput(
	delivery: IDataObject,
	mode: OutputMode,
	{ amountsAsNumbers = false, headers, eventIds }: OutputOptions = {},
): IDataObject[] {
	let items: IDataObject[];
	switch (mode) {
		case 'invoice': {
			const lifted = deliveryContext(delivery);
			// Lifted fields come first in the item and always win over a same-named invoice field.
			items = [Object.assign({}, lifted, invoiceOf(delivery, amountsAsNumbers), lifted)];
			break;
		}
		case 'tickets': {
			const invoice = invoiceOf(delivery, amountsAsNumbers);
			items = itemsPerEntry(
				listOf(invoice.ticket_items, eventIds),
				invoiceContext(delivery, invoice),
			);
			break;
		}
		case 'lineItems': {
			const invoice = invoiceOf(delivery, amountsAsNumbers);
			items = itemsPerEntry(
				listOf(invoice.invoice_items, eventIds),
				invoiceContext(delivery, invoice),
			);
			break;
		}
		default:
			items = [
				amountsAsNumbers && isPlainObject(delivery.data)
					? Object.assign({}, delivery, { data: invoiceOf(delivery, true) })
					: delivery,
			];
	}
	return headers ? items.map((item) => Object.assign({}, item, { headers })) : items;
}
