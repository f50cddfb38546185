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
// - Door statistics (`tickets/items/histories/stats/` and `…/timeline/`) are computed from the scan
//   history this stand-in recorded (`recordScan` adds past scans): `total_used` counts the event's
//   tickets whose last action in the period is a check-in. The timeline is a bare array of UTC days
//   (`timelineWrapped` answers it as a `{results}` page instead, for a client that must read both).
//   Both want `item__event_id`; a malformed date or flag answers 400 with a field error.
// - Discount restrictions are checked as the docs describe them (a known `permission_type`; each
//   `event_discount_permissions` entry names exactly one of event / membership_group / product, each
//   ticket-type entry one of ticket_type / membership_level / product_attribute, the ticket types
//   belonging to the entry's event) and answered as sent, each entry with an `id`. Discount lists
//   filter by `events`, `tt_discount_permissions__ticket_type__in`, `code__in`, `code`, `is_public`,
//   `reference`, `search`, and sort by `ordering` (created, updated, id, is_public; `-` descending).
// - The public listing (`/api/public/discovery/`) needs no token and wants `venue` (or `venue__in`).
//   Its records are the private events' public fields. The stand-in's events start one day apart;
//   every third one is tagged `family`, the others `nightlife`; even ones are in category `music`,
//   odd ones in `comedy`; the last two are dates of a recurring event (the one before them), listed
//   only with `only_parents=false`.
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

/** A scan action: the ticket status it needs, and the one it leaves. */
const SCAN_TRANSITIONS = { pickup: ['payed', 'used'], return: ['used', 'payed'], void: ['payed', 'voided'] };

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

const PERMISSION_TYPES = ['disc_level_ticket_type', 'disc_level_excluded_ticket_type', 'disc_level_venue', 'disc_level_all'];
const ENTRY_TARGETS = ['event', 'membership_group', 'product'];
const TICKET_TYPE_TARGETS = ['ticket_type', 'membership_level', 'product_attribute'];
const DISCOUNT_ORDERINGS = ['created', 'updated', 'id', 'is_public'];
/** The private event fields Showpass's public listing shows too. */
const PUBLIC_EVENT_FIELDS = ['id', 'slug', 'name', 'venue', 'location', 'starts_on', 'ends_on', 'timezone', 'currency', 'frontend_details_url', 'ticket_types'];
const RECURRING_INSTANCES = 2;
const DAY_MS = 24 * 60 * 60 * 1000;
const BOOLEAN_TEXT = { true: true, True: true, 1: true, false: false, False: false, 0: false };

const isDate = (text) => !Number.isNaN(Date.parse(text));
const laterBy = (iso, days) => new Date(Date.parse(iso) + days * DAY_MS).toISOString().replace('.000Z', 'Z');
const listOf = (text) => String(text ?? '').split(',').map((part) => part.trim()).filter((part) => part !== '');

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
						starts_on: laterBy(event.starts_on, index),
						ends_on: laterBy(event.ends_on, index),
						frontend_details_url: `https://www.showpass.com/${event.slug}-${index}/`,
						ticket_types: event.ticket_types.map((type) => ({ ...type, id: type.id + 10 * index })),
					},
		);
		/** What the public listing filters by, kept beside the events (their records do not show it). */
		this.listing = new Map(
			this.events.map((candidate, index) => {
				const parentIndex = eventCount - RECURRING_INSTANCES - 1;
				return [
					candidate.id,
					{
						tags: index % 3 === 0 ? ['family'] : ['nightlife'],
						categories: index % 2 === 0 ? ['music'] : ['comedy'],
						parent: parentIndex > 0 && index > parentIndex ? this.events[parentIndex].id : null,
					},
				];
			}),
		);
		/** Every scan recorded (`POST tickets/items/histories/` or `recordScan`), oldest first. */
		this.scanHistory = [];
		/** Answer the scan timeline as a `{results}` page instead of Showpass's bare array. */
		this.timelineWrapped = false;
		/** When each discount was last written, for `ordering=updated`. */
		this.discountWrites = new Map();
		this.writes = 0;
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

	/**
	 * Adds an invoice (by transaction id) with `ticketCount` tickets, as a purchase would: for the
	 * fixture's event and ticket type, or with `eventId` for that event, one ticket of each of its
	 * ticket types in turn.
	 */
	addInvoice(transactionId, { customerEmail = 'example@showpass.com', customerName = 'No Name', ticketCount = 2, eventId } = {}) {
		const invoice = { ...fixture('invoice'), transaction_id: transactionId, customer_email: customerEmail, customer_name: customerName };
		const event = eventId === undefined ? undefined : this.events.find((candidate) => candidate.id === Number(eventId));
		if (eventId !== undefined && !event) throw new Error(`The stand-in has no event ${eventId}`);
		const tickets = Array.from({ length: ticketCount }, (_, index) => {
			const id = this.nextId++;
			const ticket = { ...fixture('ticket'), id, barcode_string: `BC${id}`, invoice: transactionId };
			if (event) {
				const type = event.ticket_types[index % event.ticket_types.length];
				Object.assign(ticket, { event_id: event.id, type: { id: type.id, name: type.name, multiscan_limit: 1 } });
			}
			this.tickets.set(String(id), ticket);
			return ticket;
		});
		this.invoices.set(transactionId, { invoice, tickets });
		this.pendingTicketAnswers.set(transactionId, this.ticketsPendingFor);
		return { invoice, tickets };
	}

	/**
	 * Records a scan of a ticket in the history as of `created` (ISO 8601; now by default), as a door
	 * scan would, moving the ticket's status the same way. Returns the history record.
	 */
	recordScan(ticketId, action, created = new Date().toISOString()) {
		const ticket = this.tickets.get(String(ticketId));
		const transition = SCAN_TRANSITIONS[action];
		if (!ticket || !transition) throw new Error(`Cannot record ${action} on ticket ${ticketId}`);
		if (ticket.status !== transition[0]) throw new Error(`Ticket ${ticketId} is ${ticket.status}; cannot ${action}`);
		ticket.status = transition[1];
		const record = { ...fixture('scan-history'), id: this.nextId++, item: ticket.id, action, before: transition[0], after: transition[1], created };
		this.scanHistory.push(record);
		return record;
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

		if (url.pathname.startsWith('/api/public/')) {
			// Public: no token needed; one that is sent must still be valid, as Django REST framework checks it.
			if (request.headers.authorization && request.headers.authorization !== `Token ${this.token}`) {
				return send(401, { detail: 'Invalid token.' });
			}
			return url.pathname === '/api/public/discovery/' && request.method === 'GET'
				? this.#discovery(url, send)
				: send(404, { detail: 'Not found.' });
		}
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
		if (method === 'GET' && route === '/tickets/items/histories/stats/') return this.#scanStats(query, send);
		if (method === 'GET' && route === '/tickets/items/histories/stats/timeline/') return this.#scanTimeline(url, send);
		if (route === '/passwords/' || route.startsWith('/passwords/')) return this.#passwords(method, route, url, body, send);
		if (route.startsWith('/financials/discounts/')) return this.#discounts(method, route, url, body, send);
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
		const transition = SCAN_TRANSITIONS[body.action];
		if (!transition) return send(400, { action: [`"${body.action}" is not a valid choice.`] });
		if (body.action === 'pickup' && (!body.scanner_device || !body.barcode_string)) {
			return send(400, { barcode_string: ['This field is required.'] });
		}
		if (ticket.status !== transition[0]) return send(400, { non_field_errors: [`Ticket is ${ticket.status}; cannot ${body.action}.`] });
		return send(201, this.recordScan(ticket.id, body.action));
	}

	/** The scans of one event's tickets (`item__event_id`) in the period asked, or a field error. */
	#eventScans(query, { period }) {
		const eventId = query.get('item__event_id');
		if (!eventId) return { errors: { item__event_id: ['This field is required.'] } };
		if (!/^\d+$/.test(eventId)) return { errors: { item__event_id: ['Enter a number.'] } };
		const errors = {};
		const bounds = {};
		for (const bound of period ? ['created__gte', 'created__lte'] : []) {
			const value = query.get(bound);
			if (value === null) continue;
			if (!isDate(value)) errors[bound] = ['Enter a valid date/time.'];
			else bounds[bound] = Date.parse(value);
		}
		if (Object.keys(errors).length > 0) return { errors };
		const scans = this.scanHistory.filter((scan) => {
			const ticket = this.tickets.get(String(scan.item));
			const created = Date.parse(scan.created);
			return (
				String(ticket?.event_id) === eventId &&
				(bounds.created__gte === undefined || created >= bounds.created__gte) &&
				(bounds.created__lte === undefined || created <= bounds.created__lte)
			);
		});
		return { scans };
	}

	#scanStats(query, send) {
		const breakdown = query.get('breakdown_by_type');
		if (breakdown !== null && !(breakdown in BOOLEAN_TEXT)) return send(400, { breakdown_by_type: ['Must be a valid boolean.'] });
		const { scans, errors } = this.#eventScans(query, { period: true });
		if (errors) return send(400, errors);
		const count = (list, action) => list.filter((scan) => scan.action === action).length;
		const lastActions = new Map(scans.map((scan) => [scan.item, scan.action]));
		const used = (list) => new Set(list.map((scan) => scan.item).filter((item) => lastActions.get(item) === 'pickup')).size;
		const totals = (list) => ({
			total_picked_up: count(list, 'pickup'),
			total_returned: count(list, 'return'),
			total_voided: count(list, 'void'),
			total_used: used(list),
		});
		const pickups = new Map();
		for (const scan of scans.filter((candidate) => candidate.action === 'pickup')) pickups.set(scan.item, (pickups.get(scan.item) ?? 0) + 1);
		const answer = {
			total_voided: count(scans, 'void'),
			total_picked_up: count(scans, 'pickup'),
			total_returned: count(scans, 'return'),
			total_used: used(scans),
			total_multiscan_used: [...pickups.values()].filter((times) => times > 1).length,
		};
		if (BOOLEAN_TEXT[breakdown] === true) {
			const byType = new Map();
			for (const scan of scans) {
				const type = this.tickets.get(String(scan.item)).type;
				if (!byType.has(type.id)) byType.set(type.id, { type, scans: [] });
				byType.get(type.id).scans.push(scan);
			}
			answer.breakdown_by_type = [...byType.values()].map(({ type, scans: ofType }) => ({ id: type.id, name: type.name, ...totals(ofType) }));
		}
		return send(200, answer);
	}

	#scanTimeline(url, send) {
		const { scans, errors } = this.#eventScans(url.searchParams, { period: false });
		if (errors) return send(400, errors);
		const days = new Map();
		for (const scan of scans) {
			const date = new Date(scan.created).toISOString().slice(0, 10);
			if (!days.has(date)) days.set(date, { date, picked_up: 0, returned: 0, voided: 0 });
			const day = days.get(date);
			day[{ pickup: 'picked_up', return: 'returned', void: 'voided' }[scan.action]] += 1;
		}
		const timeline = [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
		return this.timelineWrapped ? this.#page(url, timeline, send) : send(200, timeline);
	}

	/** The public listing: the organization's events, filtered and paged as Showpass's discovery API. */
	#discovery(url, send) {
		const query = url.searchParams;
		const venues = query.has('venue') ? [query.get('venue')] : listOf(query.get('venue__in'));
		if (venues.length === 0) return send(400, { detail: 'This stand-in lists one organization: pass venue=<organization id>.' });
		const errors = {};
		for (const bound of ['starts_on__gte', 'starts_on__lte']) {
			if (query.has(bound) && !isDate(query.get(bound))) errors[bound] = ['Enter a valid date/time.'];
		}
		const onlyParents = query.get('only_parents') ?? 'true';
		if (!(onlyParents in BOOLEAN_TEXT)) errors.only_parents = ['Must be a valid boolean.'];
		if (Object.keys(errors).length > 0) return send(400, errors);
		const after = query.has('starts_on__gte') ? Date.parse(query.get('starts_on__gte')) : -Infinity;
		const before = query.has('starts_on__lte') ? Date.parse(query.get('starts_on__lte')) : Infinity;
		const search = (query.get('search_string') ?? '').toLowerCase();
		const tags = listOf(query.get('tags'));
		const categories = listOf(query.get('categories'));
		const listed = this.events.filter((event) => {
			const listing = this.listing.get(event.id);
			const starts = Date.parse(event.starts_on);
			return (
				venues.includes(this.organizationId) &&
				starts >= after &&
				starts <= before &&
				event.name.toLowerCase().includes(search) &&
				(tags.length === 0 || listing.tags.some((tag) => tags.includes(tag))) &&
				(categories.length === 0 || listing.categories.some((category) => categories.includes(category))) &&
				(!BOOLEAN_TEXT[onlyParents] || listing.parent === null)
			);
		});
		const ordering = query.get('ordering');
		if (ordering === 'starts_on' || ordering === '-starts_on') {
			listed.sort((a, b) => (Date.parse(a.starts_on) - Date.parse(b.starts_on)) * (ordering === 'starts_on' ? 1 : -1));
		}
		const publicRecord = (event) => Object.fromEntries(PUBLIC_EVENT_FIELDS.map((field) => [field, event[field]]));
		return this.#page(url, listed.map(publicRecord), send);
	}

	#discounts(method, route, url, body, send) {
		const id = route.slice('/financials/discounts/'.length).replace(/\/$/, '');
		if ((method === 'POST' || method === 'PUT') && body) {
			const errors = this.#restrictionErrors(body);
			if (errors) return send(400, errors);
			if (Array.isArray(body.event_discount_permissions)) {
				body = { ...body, event_discount_permissions: body.event_discount_permissions.map((entry) => this.#restrictionEntry(entry)) };
			}
		}
		if (method === 'GET' && id === '') return this.#page(url, this.#discountList(url.searchParams), send);
		return this.#crud(this.discounts, '/financials/discounts/', method, route, url, body, send, (input) => ({
			...fixture('discount'),
			...input,
			code: String(input.code ?? `GEN${this.nextId}`).toUpperCase(),
		}), (record) => this.discountWrites.set(record.id, this.writes++));
	}

	/** DRF-style errors for a discount's restriction fields, or undefined when they are valid. */
	#restrictionErrors(input) {
		const errors = {};
		if (input.permission_type !== undefined && !PERMISSION_TYPES.includes(input.permission_type)) {
			errors.permission_type = [`"${input.permission_type}" is not a valid choice.`];
		}
		const entries = input.event_discount_permissions;
		if (entries !== undefined && !Array.isArray(entries)) {
			errors.event_discount_permissions = [`Expected a list of items but got type "${typeof entries}".`];
		} else if (entries !== undefined) {
			const entryErrors = entries.map((entry) => this.#entryErrors(entry));
			if (entryErrors.some((entry) => Object.keys(entry).length > 0)) errors.event_discount_permissions = entryErrors;
		}
		return Object.keys(errors).length > 0 ? errors : undefined;
	}

	#entryErrors(entry) {
		const errors = {};
		const targets = ENTRY_TARGETS.filter((target) => entry?.[target] !== undefined && entry?.[target] !== null);
		if (targets.length !== 1) return { non_field_errors: [`Set exactly one of ${ENTRY_TARGETS.join(', ')}.`] };
		const event = entry.event === undefined ? undefined : this.events.find((candidate) => candidate.id === Number(entry.event));
		if (entry.event !== undefined && !event) errors.event = [`Invalid pk "${entry.event}" - object does not exist.`];
		const ticketTypes = entry.tt_discount_permissions;
		if (ticketTypes === undefined) return errors;
		if (!Array.isArray(ticketTypes)) return { ...errors, tt_discount_permissions: ['Expected a list of items.'] };
		const typeErrors = ticketTypes.map((permission) => {
			const chosen = TICKET_TYPE_TARGETS.filter((target) => permission?.[target] !== undefined && permission?.[target] !== null);
			if (chosen.length !== 1) return { non_field_errors: [`Set exactly one of ${TICKET_TYPE_TARGETS.join(', ')}.`] };
			if (permission.ticket_type !== undefined && event && !event.ticket_types.some((type) => type.id === Number(permission.ticket_type))) {
				return { ticket_type: [`Ticket type ${permission.ticket_type} is not a ticket type of event ${event.id}.`] };
			}
			return {};
		});
		if (typeErrors.some((typeError) => Object.keys(typeError).length > 0)) errors.tt_discount_permissions = typeErrors;
		return errors;
	}

	/** A restriction entry as answered: as sent, with ids. */
	#restrictionEntry(entry) {
		const answered = { id: this.nextId++, ...entry };
		if (Array.isArray(entry.tt_discount_permissions)) {
			answered.tt_discount_permissions = entry.tt_discount_permissions.map((permission) => ({ id: this.nextId++, ...permission }));
		}
		return answered;
	}

	/** The discounts a list query selects, in the order it asks for. */
	#discountList(query) {
		const numbers = (name) => listOf(query.get(name)).map(Number);
		const events = numbers(query.has('events') ? 'events' : 'event_discount_permissions__event__in');
		const ticketTypes = numbers('tt_discount_permissions__ticket_type__in');
		const codes = listOf(query.get('code__in')).map((code) => code.toUpperCase());
		const entriesOf = (discount) => discount.event_discount_permissions ?? [];
		const search = (query.get('search') ?? '').toLowerCase();
		const isPublic = query.get('is_public');
		const discounts = [...this.discounts.values()].filter(
			(discount) =>
				(events.length === 0 || entriesOf(discount).some((entry) => events.includes(Number(entry.event)))) &&
				(ticketTypes.length === 0 ||
					entriesOf(discount).some((entry) => (entry.tt_discount_permissions ?? []).some((permission) => ticketTypes.includes(Number(permission.ticket_type))))) &&
				(codes.length === 0 || codes.includes(discount.code)) &&
				(!query.get('code') || discount.code === query.get('code').toUpperCase()) &&
				(isPublic === null || discount.is_public === BOOLEAN_TEXT[isPublic]) &&
				(!query.get('reference') || discount.reference === query.get('reference')) &&
				`${discount.code} ${discount.description ?? ''}`.toLowerCase().includes(search),
		);
		const ordering = query.get('ordering') ?? '';
		const field = ordering.replace(/^-/, '');
		if (DISCOUNT_ORDERINGS.includes(field)) {
			const key = { created: (discount) => discount.id, id: (discount) => discount.id, updated: (discount) => this.discountWrites.get(discount.id), is_public: (discount) => Number(discount.is_public) }[field];
			discounts.sort((a, b) => (key(a) - key(b) || a.id - b.id) * (ordering.startsWith('-') ? -1 : 1));
		}
		return discounts;
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

	#crud(store, base, method, route, url, body, send, create, onWrite = () => {}) {
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
			onWrite(record);
			return send(201, record);
		}
		const existing = store.get(id);
		if (!existing) return send(404, { detail: 'Not found.' });
		if (method === 'GET') return send(200, existing);
		if (method === 'PUT') {
			const updated = { ...existing, ...body, id: existing.id };
			store.set(id, updated);
			onWrite(updated);
			return send(200, updated);
		}
		if (method === 'DELETE') {
			store.delete(id);
			return send(204);
		}
		return send(405, { detail: `Method "${method}" not allowed.` });
	}
}
