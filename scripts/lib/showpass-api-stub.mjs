// A stand-in for Showpass's organization API on 127.0.0.1, shaped from Showpass's API docs (what this
// package relies on is written down in docs/showpass-api.md): `Authorization: Token <key>`, paths under
// /api/venue/{id}/, DRF pagination ({count, next, previous, results} with absolute `next` links), 202
// while an invoice's tickets are being issued, 201 on create, 204 on delete, errors as
// {"detail": "..."} or field errors. Used by the end-to-end tests and by `npm start`; it records every
// request it answers (method, path, query, body, status) so tests can assert what was sent.
//
// Choices where the docs are silent (each one configurable, so tests can drive the alternative):
// - Ticket verification (`tickets/items/scan/`) of a code no ticket has answers 404, and of a ticket
//   whose type is not in `permittedTypeIDs` answers 400, both as {"detail": "..."}
//   (`verifyMissStatus: { unknown, notPermitted }`).
// - A ticket's `status` follows its scan history: `payed` → `used` (pickup) → `payed` (return);
//   `payed` → `voided` (void). A refund or void leaves a ticket `voided`.
// - Passwords: the list is a bare array without `page_size` (`passwordListsBare` makes it always
//   one, for a client that must read both). A ticket-type code answers
//   `ticket_type_ids: [ticket_type]`; an event code answers the event's ticket type IDs, or the
//   selected ones; `event_id` is kept (for delete) but never answered.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures', 'showpass-api');
const fixture = (name) => JSON.parse(fs.readFileSync(path.join(fixturesDir, `${name}.json`), 'utf8'));
const sampleDelivery = (name) =>
	JSON.parse(fs.readFileSync(path.join(fixturesDir, '..', `${name}.json`), 'utf8'));

/** The published sample deliveries whose orders `npm start`'s stand-in knows (see `autoInvoices`). */
const SAMPLE_DELIVERIES = ['invoice.purchase', 'invoice.purchase.legacy'];

/** A ticket's status in the API after a delivery of this event type (its webhook status differs). */
const TICKET_STATUS_AFTER = {
	'invoice.refund': 'voided',
	'invoice.void': 'voided',
	'invoice.transferred': 'voided',
};

const PASSWORD_MAX_LENGTH = 256;
const PURCHASE_LIMIT = { min: 1, max: 10_000 };
const PASSWORD_FIELDS = [
	'password',
	'ticket_type_ids',
	'start_time',
	'end_time',
	'is_active',
	'ticket_type',
	'venue',
	'password_use_count',
	'max_item_purchase_limit',
	'is_regex_match',
];

/** Showpass's default page size, and the most this stand-in hands out per page. */
const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 10;

export class ShowpassApiStub {
	/**
	 * @param {object} options
	 * @param {string} options.token        the only API token accepted
	 * @param {string|number} options.organizationId  the only organization (venue) served
	 * @param {number} [options.eventCount] events listed (enough for several pages)
	 * @param {number} [options.ticketsPendingFor] how many times an invoice's tickets answer 202 first
	 * @param {boolean} [options.autoInvoices] for `npm start`: the published sample deliveries' orders
	 *   exist, as a refund leaves them (their refund example sends those samples), and any other
	 *   transaction id answers a made-up invoice
	 * @param {{unknown?: number, notPermitted?: number}} [options.verifyMissStatus] the status ticket
	 *   verification answers for an unknown code and for a ticket type not permitted (404 and 400)
	 */
	constructor({
		token,
		organizationId,
		eventCount = 23,
		ticketsPendingFor = 1,
		autoInvoices = false,
		verifyMissStatus = {},
	}) {
		this.autoInvoices = autoInvoices;
		this.verifyMissStatus = { unknown: 404, notPermitted: 400, ...verifyMissStatus };
		/** Answer the password list as a bare array even when a page is asked for. */
		this.passwordListsBare = false;
		this.token = token;
		this.organizationId = String(organizationId);
		this.ticketsPendingFor = ticketsPendingFor;
		this.requests = [];
		this.pendingTicketAnswers = new Map();
		const event = fixture('event');
		this.events = Array.from({ length: eventCount }, (_, index) =>
			index === 0
				? event
				: {
						...event,
						id: event.id + index,
						slug: `${event.slug}-${index}`,
						name: `${event.name} #${index}`,
						frontend_details_url: `https://www.showpass.com/${event.slug}-${index}/`,
						ticket_types: event.ticket_types.map((type) => ({ ...type, id: type.id + 10 * index })),
					},
		);
		this.invoices = new Map();
		this.tickets = new Map();
		this.discounts = new Map();
		this.links = new Map();
		/** Password records as answered, and the event each event-scoped one is bound to. */
		this.passwords = new Map();
		this.passwordEvents = new Map();
		this.nextId = 50_000;
		if (autoInvoices) {
			for (const name of SAMPLE_DELIVERIES) {
				this.addInvoiceFromDelivery({ ...sampleDelivery(name), event_type: 'invoice.refund' });
			}
		}
	}

	/**
	 * Adds the order a delivery describes: its invoice, and one ticket per `ticket_items[]` entry with
	 * the same id, event, barcode and ticket type, in the status the delivery's event leaves it.
	 */
	addInvoiceFromDelivery(delivery) {
		const data = delivery.data;
		const transactionId = String(data.transaction_id);
		const status = TICKET_STATUS_AFTER[delivery.event_type] ?? 'payed';
		const invoice = {
			...fixture('invoice'),
			transaction_id: transactionId,
			showpass_organization_id: Number(data.showpass_organization_id),
			customer_name: data.customer_name,
			customer_email: data.customer_email,
			customer_phone_number: data.customer_phone_number ?? null,
			currency: data.currency,
			total: String(data.gross_revenue),
			item_list: (data.invoice_items ?? []).map((line) => ({
				id: line.id,
				item_type: line.invoice_item_type,
				event: Number(line.event_id),
				description: line.ticket_type_name,
				price: String(line.gross_revenue),
				quantity: line.quantity,
			})),
		};
		const tickets = (data.ticket_items ?? []).map((item) => {
			const ticket = {
				...fixture('ticket'),
				id: Number(item.id),
				event_id: Number(item.event_id),
				status,
				barcode_string: item.barcode_string,
				type: { id: Number(item.ticket_type_id), name: item.ticket_type_name, multiscan_limit: 1 },
				invoice: transactionId,
			};
			this.tickets.set(String(ticket.id), ticket);
			return ticket;
		});
		this.invoices.set(transactionId, { invoice, tickets });
		this.pendingTicketAnswers.set(transactionId, this.ticketsPendingFor);
		return { invoice, tickets };
	}

	/** Every ticket type of the stand-in's events, by id. */
	ticketTypes() {
		return new Map(this.events.flatMap((event) => event.ticket_types.map((type) => [String(type.id), { ...type, event: event.id }])));
	}

	/** Adds an invoice (by transaction id) with `ticketCount` tickets, as a purchase would. */
	addInvoice(transactionId, { customerEmail = 'example@showpass.com', customerName = 'No Name', ticketCount = 2 } = {}) {
		const invoice = { ...fixture('invoice'), transaction_id: transactionId, customer_email: customerEmail, customer_name: customerName };
		const tickets = Array.from({ length: ticketCount }, () => {
			const id = this.nextId++;
			const ticket = { ...fixture('ticket'), id, barcode_string: `BC${id}`, invoice: transactionId };
			this.tickets.set(String(id), ticket);
			return ticket;
		});
		this.invoices.set(transactionId, { invoice, tickets });
		this.pendingTicketAnswers.set(transactionId, this.ticketsPendingFor);
		return { invoice, tickets };
	}

	/**
	 * Data for an n8n "Showpass API" credential pointing at this stand-in. n8n 1.x's public API
	 * schema also wants the domain restriction n8n adds to every credential with authentication.
	 */
	credentialData() {
		return {
			apiToken: this.token,
			organizationId: this.organizationId,
			environment: 'custom',
			baseUrl: this.baseUrl,
			allowedHttpRequestDomains: 'all',
		};
	}

	async start(port = 0) {
		this.server = http.createServer((request, response) => {
			let raw = '';
			request.setEncoding('utf8');
			request.on('data', (chunk) => (raw += chunk));
			request.on('end', () => this.#answer(request, raw, response));
		});
		await new Promise((resolve) => this.server.listen(port, '127.0.0.1', resolve));
		this.baseUrl = `http://127.0.0.1:${this.server.address().port}`;
		return this;
	}

	async stop() {
		if (!this.server) return;
		this.server.closeAllConnections?.();
		await new Promise((resolve) => this.server.close(resolve));
	}

	requestsTo(pathPrefix) {
		return this.requests.filter((request) => request.path.startsWith(`/api/venue/${this.organizationId}${pathPrefix}`));
	}

	#answer(request, raw, response) {
		const url = new URL(request.url, this.baseUrl);
		let body;
		try {
			body = raw === '' ? undefined : JSON.parse(raw);
		} catch {
			body = raw;
		}
		const record = {
			method: request.method,
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			authorization: request.headers.authorization,
			body,
		};
		this.requests.push(record);
		const send = (status, payload) => {
			record.status = status;
			const text = payload === undefined ? '' : JSON.stringify(payload);
			response.writeHead(status, text ? { 'content-type': 'application/json' } : {});
			response.end(text);
		};

		if (request.headers.authorization !== `Token ${this.token}`) {
			return send(401, { detail: request.headers.authorization ? 'Invalid token.' : 'Authentication credentials were not provided.' });
		}
		const match = /^\/api\/venue\/([^/]+)(\/.*)$/.exec(url.pathname);
		if (!match) return send(404, { detail: 'Not found.' });
		if (match[1] !== this.organizationId) return send(403, { detail: 'You do not have permission to perform this action.' });
		try {
			return this.#route(request.method, match[2], url, body, send);
		} catch (error) {
			return send(500, { detail: String(error?.message ?? error) });
		}
	}

	#page(url, records, send) {
		const pageSize = Math.min(Number(url.searchParams.get('page_size') ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
		const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
		const slice = records.slice((page - 1) * pageSize, page * pageSize);
		const link = (number) => {
			const next = new URL(url);
			next.searchParams.set('page', String(number));
			return next.toString();
		};
		send(200, {
			count: records.length,
			next: page * pageSize < records.length ? link(page + 1) : null,
			previous: page > 1 ? link(page - 1) : null,
			results: slice,
		});
	}

	#route(method, route, url, body, send) {
		const query = url.searchParams;
		let match;
		const invoiceRoute = /^\/financials\/invoices\/([^/]+)\//.exec(route);
		if (this.autoInvoices && invoiceRoute && invoiceRoute[1] !== 'items') {
			const transactionId = decodeURIComponent(invoiceRoute[1]);
			if (!this.invoices.has(transactionId)) this.addInvoice(transactionId);
		}
		if (method === 'GET' && route === '/events/') {
			const search = (query.get('search') ?? '').toLowerCase();
			return this.#page(url, this.events.filter((event) => event.name.toLowerCase().includes(search)), send);
		}
		if (method === 'GET' && (match = /^\/events\/([^/]+)\/$/.exec(route))) {
			const key = decodeURIComponent(match[1]);
			const event = this.events.find((candidate) => String(candidate.id) === key || candidate.slug === key);
			return event ? send(200, event) : send(404, { detail: 'Not found.' });
		}
		if (method === 'GET' && route === '/financials/invoices/') {
			const email = query.get('email');
			const invoices = [...this.invoices.values()].map((entry) => entry.invoice);
			return this.#page(url, invoices.filter((invoice) => !email || invoice.customer_email === email), send);
		}
		if (method === 'GET' && (match = /^\/financials\/invoices\/([^/]+)\/tickets\/$/.exec(route))) {
			const transactionId = decodeURIComponent(match[1]);
			const entry = this.invoices.get(transactionId);
			if (!entry) return send(404, { detail: 'Not found.' });
			const pending = this.pendingTicketAnswers.get(transactionId) ?? 0;
			if (pending > 0) {
				this.pendingTicketAnswers.set(transactionId, pending - 1);
				return send(202, { detail: 'Tickets are still being generated.' });
			}
			return this.#page(url, entry.tickets, send);
		}
		if (method === 'GET' && (match = /^\/financials\/invoices\/([^/]+)\/$/.exec(route))) {
			const entry = this.invoices.get(decodeURIComponent(match[1]));
			return entry ? send(200, entry.invoice) : send(404, { detail: 'Not found.' });
		}
		if (method === 'GET' && route === '/tickets/items/') {
			const tickets = [...this.tickets.values()].filter(
				(ticket) =>
					(!query.get('invoice') || ticket.invoice === query.get('invoice')) &&
					(!query.get('status') || ticket.status === query.get('status')) &&
					(!query.get('barcode_string') || ticket.barcode_string === query.get('barcode_string')),
			);
			return this.#page(url, tickets, send);
		}
		if (method === 'GET' && (match = /^\/tickets\/items\/(\d+)\/$/.exec(route))) {
			const ticket = this.tickets.get(match[1]);
			return ticket ? send(200, ticket) : send(404, { detail: 'Not found.' });
		}
		if (route === '/tickets/items/scan/' && (method === 'GET' || method === 'POST')) {
			const input = method === 'GET' ? Object.fromEntries(query) : (body ?? {});
			return this.#verify(input, send);
		}
		if (method === 'POST' && route === '/tickets/items/histories/') return this.#scan(body, send);
		if (route === '/passwords/' || route.startsWith('/passwords/')) return this.#passwords(method, route, url, body, send);
		if (route.startsWith('/financials/discounts/')) return this.#crud(this.discounts, '/financials/discounts/', method, route, url, body, send, (input) => ({
			...fixture('discount'),
			...input,
			code: String(input.code ?? `GEN${this.nextId}`).toUpperCase(),
		}));
		if (route.startsWith('/analytics/tracking/links/')) return this.#crud(this.links, '/analytics/tracking/links/', method, route, url, body, send, (input, id) => ({
			...fixture('tracking-link'),
			...input,
			short_url: `https://showpass.com/l/n8n${id}`,
		}));
		return send(404, { detail: 'Not found.' });
	}

	/** Ticket verification: the ticket with this barcode, if its type is permitted. */
	#verify(input, send) {
		const code = String(input.code ?? '').trim();
		if (code === '') return send(400, { code: ['This field is required.'] });
		const ticket = [...this.tickets.values()].find((candidate) => candidate.barcode_string === code);
		if (!ticket) return send(this.verifyMissStatus.unknown, { detail: `No ticket found for code "${code}".` });
		const permitted = input.permittedTypeIDs;
		const permittedIds = (Array.isArray(permitted) ? permitted : String(permitted ?? '').split(','))
			.map((id) => String(id).trim())
			.filter((id) => id !== '');
		if (permittedIds.length > 0 && !permittedIds.includes(String(ticket.type?.id))) {
			return send(this.verifyMissStatus.notPermitted, { detail: `The ticket type of code "${code}" is not permitted here.` });
		}
		return send(200, ticket);
	}

	#scan(body, send) {
		const ticket = this.tickets.get(String(body?.item));
		if (!ticket) return send(400, { item: [`Invalid pk "${body?.item}" - object does not exist.`] });
		const transitions = { pickup: ['payed', 'used'], return: ['used', 'payed'], void: ['payed', 'voided'] };
		const transition = transitions[body.action];
		if (!transition) return send(400, { action: [`"${body.action}" is not a valid choice.`] });
		if (body.action === 'pickup' && (!body.scanner_device || !body.barcode_string)) {
			return send(400, { barcode_string: ['This field is required.'] });
		}
		if (ticket.status !== transition[0]) return send(400, { non_field_errors: [`Ticket is ${ticket.status}; cannot ${body.action}.`] });
		ticket.status = transition[1];
		return send(201, { ...fixture('scan-history'), id: this.nextId++, item: ticket.id, action: body.action, before: transition[0], after: transition[1] });
	}

	#passwords(method, route, url, body, send) {
		const id = route.slice('/passwords/'.length).replace(/\/$/, '');
		if (id === '') {
			if (method === 'GET') {
				const records = [...this.passwords.values()];
				// Showpass answers a bare array unless a page is asked for (`passwordListsBare`: always).
				const paged = url.searchParams.has('page_size') && !this.passwordListsBare;
				return paged ? this.#page(url, records, send) : send(200, records);
			}
			if (method !== 'POST') return send(405, { detail: `Method "${method}" not allowed.` });
			const errors = this.#passwordErrors(body ?? {}, { creating: true });
			if (errors) return send(400, errors);
			const newId = this.nextId++;
			const record = this.#passwordRecord(newId, {
				is_active: true,
				start_time: null,
				end_time: null,
				max_item_purchase_limit: null,
				is_regex_match: false,
				password_use_count: 0,
				venue: Number(this.organizationId),
			}, body);
			this.passwords.set(String(newId), record);
			return send(201, record);
		}
		const existing = this.passwords.get(id);
		if (!existing) return send(404, { detail: 'Not found.' });
		if (method === 'GET') return send(200, existing);
		if (method === 'PUT') {
			const errors = this.#passwordErrors(body ?? {}, { creating: false, boundEvent: this.passwordEvents.get(id) });
			if (errors) return send(400, errors);
			const record = this.#passwordRecord(existing.id, existing, body);
			this.passwords.set(id, record);
			return send(200, record);
		}
		if (method === 'DELETE') {
			const boundEvent = this.passwordEvents.get(id);
			if (boundEvent !== undefined) {
				const eventId = url.searchParams.get('event_id');
				if (!eventId) return send(400, { detail: 'event_id is required to delete an event password.' });
				if (eventId !== boundEvent) return send(404, { detail: 'Not found.' });
			}
			this.passwords.delete(id);
			this.passwordEvents.delete(id);
			return send(204);
		}
		return send(405, { detail: `Method "${method}" not allowed.` });
	}

	/** DRF-style field errors for a password body, or undefined when it is valid. */
	#passwordErrors(input, { creating, boundEvent }) {
		const errors = {};
		const add = (field, message) => (errors[field] ??= []).push(message);
		const has = (field) => input[field] !== undefined && input[field] !== null && input[field] !== '';
		if (creating && !has('password')) add('password', 'This field is required.');
		if (has('password') && String(input.password).length > PASSWORD_MAX_LENGTH) {
			add('password', `Ensure this field has no more than ${PASSWORD_MAX_LENGTH} characters.`);
		}
		if (has('ticket_type') && has('event_id')) {
			add('non_field_errors', 'Send either ticket_type or event_id, not both.');
		} else if (creating && !has('ticket_type') && !has('event_id')) {
			add('non_field_errors', 'A password needs a ticket_type or an event_id.');
		}
		if (has('ticket_type') && !this.ticketTypes().has(String(input.ticket_type))) {
			add('ticket_type', `Invalid pk "${input.ticket_type}" - object does not exist.`);
		}
		const eventId = has('event_id') ? String(input.event_id) : has('ticket_type') ? undefined : boundEvent;
		const event = eventId === undefined ? undefined : this.events.find((candidate) => String(candidate.id) === eventId);
		if (has('event_id') && !event) add('event_id', `Invalid pk "${input.event_id}" - object does not exist.`);
		if (has('ticket_type_ids')) {
			if (eventId === undefined) add('ticket_type_ids', 'Only an event password can select ticket types.');
			else if (!Array.isArray(input.ticket_type_ids)) add('ticket_type_ids', 'Expected a list of items.');
			else if (event) {
				const ofEvent = new Set(event.ticket_types.map((type) => String(type.id)));
				for (const typeId of input.ticket_type_ids) {
					if (!ofEvent.has(String(typeId))) add('ticket_type_ids', `Ticket type ${typeId} is not a ticket type of event ${event.id}.`);
				}
			}
		}
		if (has('max_item_purchase_limit')) {
			const limit = Number(input.max_item_purchase_limit);
			if (!Number.isInteger(limit)) add('max_item_purchase_limit', 'A valid integer is required.');
			else if (limit < PURCHASE_LIMIT.min) add('max_item_purchase_limit', `Ensure this value is greater than or equal to ${PURCHASE_LIMIT.min}.`);
			else if (limit > PURCHASE_LIMIT.max) add('max_item_purchase_limit', `Ensure this value is less than or equal to ${PURCHASE_LIMIT.max}.`);
		}
		for (const field of ['is_active', 'is_regex_match']) {
			if (has(field) && typeof input[field] !== 'boolean') add(field, 'Must be a valid boolean.');
		}
		for (const field of ['start_time', 'end_time']) {
			if (has(field) && Number.isNaN(Date.parse(input[field]))) add(field, 'Datetime has wrong format.');
		}
		return Object.keys(errors).length > 0 ? errors : undefined;
	}

	/** The answered record: `previous` with the body's fields applied, in the docs' answer fields only. */
	#passwordRecord(id, previous, input) {
		const merged = { ...previous, ...input };
		const key = String(id);
		if (input.event_id !== undefined && input.event_id !== null && input.event_id !== '') {
			const event = this.events.find((candidate) => String(candidate.id) === String(input.event_id));
			this.passwordEvents.set(key, String(event.id));
			merged.ticket_type = null;
			merged.ticket_type_ids = (input.ticket_type_ids ?? event.ticket_types.map((type) => type.id)).map(Number);
		} else if (Array.isArray(input.ticket_type_ids)) {
			merged.ticket_type_ids = input.ticket_type_ids.map(Number);
		} else if (input.ticket_type !== undefined && input.ticket_type !== null && input.ticket_type !== '') {
			this.passwordEvents.delete(key);
			merged.ticket_type = Number(input.ticket_type);
			merged.ticket_type_ids = [merged.ticket_type];
		}
		const record = { id };
		for (const field of PASSWORD_FIELDS) record[field] = merged[field] ?? null;
		if (record.max_item_purchase_limit !== null) record.max_item_purchase_limit = Number(record.max_item_purchase_limit);
		record.ticket_type_ids ??= [];
		return record;
	}

	#crud(store, base, method, route, url, body, send, create) {
		const id = route.slice(base.length).replace(/\/$/, '');
		if (id === '') {
			if (method === 'GET') return this.#page(url, [...store.values()], send);
			if (method !== 'POST') return send(405, { detail: `Method "${method}" not allowed.` });
			if (base.includes('discounts') && [...store.values()].some((record) => record.code === String(body?.code ?? '').toUpperCase())) {
				return send(400, { code: ['A discount with this code already exists for this venue.'] });
			}
			const newId = this.nextId++;
			const record = { ...create(body ?? {}, newId), id: newId };
			store.set(String(newId), record);
			return send(201, record);
		}
		const existing = store.get(id);
		if (!existing) return send(404, { detail: 'Not found.' });
		if (method === 'GET') return send(200, existing);
		if (method === 'PUT') {
			const updated = { ...existing, ...body, id: existing.id };
			store.set(id, updated);
			return send(200, updated);
		}
		if (method === 'DELETE') {
			store.delete(id);
			return send(204);
		}
		return send(405, { detail: `Method "${method}" not allowed.` });
	}
}
