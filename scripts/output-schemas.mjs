#!/usr/bin/env node
// The output schemas n8n shows before a node has run (the next node's input panel, field mapping):
// one JSON Schema per Showpass node operation and one for the Showpass Trigger's default output (the
// whole event). n8n 2.x reads them from `<node folder>/__schema__/v<major.minor.patch>/<resource>/
// <operation>.json`, and `__schema__/v<version>/output.json` for a node without resource/operation
// (n8n-core's nodes-loader/output-schema-resolver). The editor asks for the exact node version, so
// every version of the Showpass node gets its own folder; the outputs are the same in each.
//
// Each record shape is declared once below; `npm run schemas` writes the files, and the
// output-schema test fails when the committed files differ from what this declares.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

const string = { type: 'string' };
const integer = { type: 'integer' };
const boolean = { type: 'boolean' };
const orNull = (schema) => ({ ...schema, type: [schema.type, 'null'].flat() });
const text = { type: ['string', 'number'] };
const object = (properties, required = []) => ({
	type: 'object',
	properties,
	...(required.length > 0 ? { required } : {}),
});
const arrayOf = (items) => ({ type: 'array', items });

// ---- Showpass's organization API records (as the node outputs them) ----

const event = object(
	{
		id: integer,
		slug: string,
		name: string,
		venue: object({ id: integer, slug: string, name: string, currency: string }),
		location: object({ id: integer, name: string, city: string, province: string, country: string }),
		starts_on: string,
		ends_on: string,
		timezone: string,
		currency: string,
		is_published: boolean,
		frontend_details_url: string,
		status: string,
		ticket_types: arrayOf(object({ id: integer, name: string, price: string, inventory_left: integer })),
	},
	['id', 'slug', 'name'],
);

/** An event in Showpass's public listing: the public fields of the organization's event. */
const publicEvent = object(
	Object.fromEntries(Object.entries(event.properties).filter(([field]) => !['is_published', 'status'].includes(field))),
	['id', 'slug', 'name'],
);

const invoice = object(
	{
		transaction_id: string,
		showpass_organization_id: integer,
		customer_name: string,
		customer_email: string,
		customer_phone_number: orNull(string),
		payment_type: string,
		status: string,
		currency: string,
		total: string,
		created: string,
		item_list: arrayOf(
			object({ id: integer, item_type: string, event: integer, description: string, price: string, quantity: integer }),
		),
	},
	['transaction_id'],
);

const ticketProperties = {
	id: integer,
	event_id: integer,
	status: { type: 'string', description: 'payed (not scanned), used (scanned) or voided' },
	barcode_string: string,
	type: object({ id: integer, name: string, multiscan_limit: orNull(integer) }),
	included_in_stats: boolean,
	invoice: string,
};
const ticket = object(ticketProperties, ['id', 'status', 'barcode_string']);

const scanHistory = object(
	{
		id: integer,
		item: integer,
		action: { type: 'string', description: 'pickup, return or void' },
		before: string,
		after: string,
		venue: integer,
		created_by: orNull(integer),
		scanner_device: orNull(string),
		barcode_type: orNull(string),
		created: string,
	},
	['id', 'item', 'action'],
);

/** Door counts of one event (or one ticket type of it). */
const scanCounts = {
	total_picked_up: { type: 'integer', description: 'Check-ins (pickups) recorded' },
	total_returned: { type: 'integer', description: 'Check-ins undone (returns) recorded' },
	total_voided: { type: 'integer', description: 'Voids recorded' },
	total_used: { type: 'integer', description: 'Tickets checked in (used)' },
};
const scanStats = object(
	{
		...scanCounts,
		total_multiscan_used: { type: 'integer', description: 'Tickets of multi-scan types checked in more than once' },
		breakdown_by_type: {
			...arrayOf(object({ id: integer, name: string, ...scanCounts })),
			description: 'Per ticket type, when Breakdown by Ticket Type is on',
		},
	},
	['total_picked_up'],
);
const scanDay = object(
	{
		date: { type: 'string', description: 'The day, YYYY-MM-DD' },
		picked_up: integer,
		returned: integer,
		voided: integer,
	},
	['date'],
);

/** Verify (and Scan by barcode) of a code Showpass does not find or permit: a normal answer at a door. */
const notFoundProperties = {
	found: { type: 'boolean', description: 'Whether Showpass found a permitted ticket for the code' },
	code: { type: 'string', description: 'The code that was looked up' },
	message: { type: 'string', description: 'Showpass\'s reason, when the code was not found' },
};

const verify = object({ found: notFoundProperties.found, ...ticketProperties, code: notFoundProperties.code, message: notFoundProperties.message }, [
	'found',
]);
/** Scan: the scan-history record; by barcode also `found` and the verified `ticket`, or the not-found item. */
const scan = object({ ...scanHistory.properties, ...notFoundProperties, ticket }, []);

const discount = object(
	{
		id: integer,
		code: string,
		description: orNull(string),
		type: { type: 'integer', description: '1 percentage, 2 fixed amount' },
		percentage: string,
		amount: string,
		limit: orNull(integer),
		per_user_limit: orNull(integer),
		basket_limit: orNull(integer),
		per_event_limit: orNull(integer),
		is_public: boolean,
		starts_on: orNull(string),
		ends_on: orNull(string),
		allowed_checkouts: arrayOf(string),
		permission_type: { type: 'string', description: 'disc_level_ticket_type (only the listed items), disc_level_excluded_ticket_type (all but them), …' },
		apply_method: integer,
		event_discount_permissions: {
			...arrayOf(
				object({
					id: integer,
					event: orNull(integer),
					membership_group: orNull(integer),
					product: orNull(integer),
					tt_discount_permissions: arrayOf(
						object({ id: integer, ticket_type: orNull(integer), membership_level: orNull(integer), product_attribute: orNull(integer) }),
					),
				}),
			),
			description: 'What the code is limited to: events (or membership groups, products), each optionally narrowed to ticket types',
		},
		created_by: orNull(integer),
		discount_rules: arrayOf(object({})),
		stats: object({ times_used: integer }),
		reference: orNull(string),
	},
	['id', 'code'],
);

const trackingLink = object(
	{
		id: integer,
		owner_venue: integer,
		venue: integer,
		referred_by: orNull(integer),
		description: orNull(string),
		long_url: string,
		short_url: string,
		tiny_url: string,
		event: orNull(integer),
		views: integer,
		visitors: integer,
		stats: object({ total_baskets: integer, total_revenue: string, total_tickets: integer, conversion_rate: string }),
		via: { type: 'integer', description: '1 Employee, 2 Venue, 3 Affiliate, 4 Quick Purchase' },
		ticket_types: orNull(arrayOf(integer)),
		hide_public_ticket_types: orNull(boolean),
		extra: orNull(object({})),
	},
	['id', 'short_url'],
);

const password = object(
	{
		id: integer,
		password: string,
		ticket_type_ids: arrayOf(integer),
		start_time: orNull(string),
		end_time: orNull(string),
		is_active: boolean,
		ticket_type: { type: ['integer', 'null'], description: 'The ticket type of a ticket-type code; null for an event code' },
		venue: integer,
		password_use_count: { type: 'integer', description: 'Showpass\'s internal event-binding count, not redemptions' },
		max_item_purchase_limit: orNull(integer),
		is_regex_match: boolean,
	},
	['id', 'password'],
);

const deleted = object({ id: text, deleted: { type: 'boolean', const: true } }, ['id', 'deleted']);

/** resource → operation → the schema of one output item. */
export const SHOWPASS_OUTPUTS = {
	event: { get: event, getAll: event, getManyPublic: publicEvent },
	invoice: { get: invoice, getAll: invoice, getTickets: ticket },
	ticket: { get: ticket, getAll: ticket, getScanStats: scanStats, getScanTimeline: scanDay, scan, verify },
	discount: { create: discount, get: discount, getAll: discount, update: discount, delete: deleted },
	trackingLink: { create: trackingLink, get: trackingLink, getAll: trackingLink, update: trackingLink, delete: deleted },
	password: { create: password, get: password, getAll: password, update: password, delete: deleted },
};

/** The Showpass node's versions; each gets the same schemas. */
export const SHOWPASS_VERSIONS = [1, 2];

// ---- The Showpass Trigger's default output: the delivery as Showpass sends it ----

// Showpass's two published samples differ: the current one sends money and ids as text, the older
// one as numbers (and capitalised enums), so those fields take either.
const webhookTicket = object({
	id: text,
	event_id: text,
	event_name: string,
	event_starts_on: string,
	event_ends_on: string,
	first_name_on_ticket: orNull(string),
	last_name_on_ticket: orNull(string),
	name_on_ticket: orNull(string),
	email_on_ticket: orNull(string),
	phone_number_on_ticket: orNull(string),
	ticket_status: { type: 'string', description: 'pending, issued, voided or transferred' },
	ticket_status_code: text,
	barcode_string: string,
	ticket_type_id: text,
	ticket_type_name: string,
	ticket_item_type: { type: 'string', description: 'ticket, membership or product' },
	created_by_transfer: boolean,
	product_id: orNull(text),
	product_name: orNull(string),
	product_attribute_id: orNull(text),
	product_attribute_name: orNull(string),
});
const money = text;
// The money fields of Showpass's Invoice object, on the invoice and on each line item.
const amounts = {
	discounts: money,
	net_sales: money,
	service_fees: money,
	account_credit_applied: money,
	gross_revenue: money,
	organizer_fees: money,
	total_tax: money,
};
const webhookLine = object({
	id: text,
	invoice_item_type: string,
	quantity: integer,
	...amounts,
	event_id: orNull(text),
	event_name: orNull(string),
	event_facebook_id: orNull(text),
	ticket_type_id: orNull(text),
	ticket_type_name: orNull(string),
	ticket_type_external_id: orNull(text),
	product_id: orNull(text),
	product_name: orNull(string),
	product_attribute_id: orNull(text),
	product_attribute_name: orNull(string),
});
const webhookInvoice = object(
	{
		transaction_id: string,
		showpass_organization_id: text,
		customer_name: string,
		customer_email: string,
		customer_phone_number: orNull(string),
		subscribe_to_venue: boolean,
		payment_type: { type: 'string', description: 'credit, cash, free, … (capitalised in older deliveries)' },
		other_payment_type: orNull(string),
		currency: string,
		...amounts,
		account_credit_type: orNull(string),
		invoice_type: { type: 'string', description: 'sale or refund' },
		invoice_type_id: text,
		ticket_items: arrayOf(webhookTicket),
		invoice_items: arrayOf(webhookLine),
	},
	['transaction_id'],
);
export const TRIGGER_EVENT_OUTPUT = object(
	{
		id: text,
		event_type: {
			type: 'string',
			description: 'invoice.purchase, invoice.refund, invoice.void, invoice.transfer, invoice.transferred or webhook.test',
		},
		webhook_event_uuid: string,
		data: webhookInvoice,
	},
	['id', 'event_type', 'data'],
);
export const TRIGGER_VERSIONS = [1, 1.1];

const versionFolder = (version) => `v${String(version).split('.').concat(['0', '0']).slice(0, 3).join('.')}`;

/** Every schema file, relative to the project root, with its content. */
export function schemaFiles() {
	const files = new Map();
	for (const version of SHOWPASS_VERSIONS) {
		for (const [resource, operations] of Object.entries(SHOWPASS_OUTPUTS)) {
			for (const [operation, schema] of Object.entries(operations)) {
				files.set(path.join('nodes', 'Showpass', '__schema__', versionFolder(version), resource, `${operation}.json`), schema);
			}
		}
	}
	for (const version of TRIGGER_VERSIONS) {
		files.set(path.join('nodes', 'ShowpassTrigger', '__schema__', versionFolder(version), 'output.json'), TRIGGER_EVENT_OUTPUT);
	}
	return files;
}

export const schemaText = (schema) => `${JSON.stringify(schema, null, '\t')}\n`;

/** Writes every schema file and removes stale ones; returns the paths written. */
export function writeSchemaFiles(root = projectRoot) {
	for (const node of ['Showpass', 'ShowpassTrigger']) fs.rmSync(path.join(root, 'nodes', node, '__schema__'), { recursive: true, force: true });
	const files = schemaFiles();
	for (const [file, schema] of files) {
		fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
		fs.writeFileSync(path.join(root, file), schemaText(schema));
	}
	return [...files.keys()];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const written = writeSchemaFiles();
	console.log(`Wrote ${written.length} output schemas under nodes/*/__schema__/`);
}
