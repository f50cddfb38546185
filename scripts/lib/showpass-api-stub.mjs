// A stand-in for Showpass's organization API on 127.0.0.1, shaped from docs/showpass-api.md and
// Showpass's API docs: `Authorization: Token <key>`, paths under /api/venue/{id}/, DRF pagination
// ({count, next, previous, results} with absolute `next` links), 202 while an invoice's tickets are
// being issued, 201 on create, 204 on delete, errors as {"detail": "..."} or field errors.
// Used by the end-to-end tests and by `npm start`; it records every request it answers.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures', 'showpass-api');
const fixture = (name) => JSON.parse(fs.readFileSync(path.join(fixturesDir, `${name}.json`), 'utf8'));

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
	 * @param {boolean} [options.autoInvoices] answer any transaction id with a made-up invoice (for `npm start`)
	 */
	constructor({ token, organizationId, eventCount = 23, ticketsPendingFor = 1, autoInvoices = false }) {
		this.autoInvoices = autoInvoices;
		this.token = token;
		this.organizationId = String(organizationId);
		this.ticketsPendingFor = ticketsPendingFor;
		this.requests = [];
		this.pendingTicketAnswers = new Map();
		const event = fixture('event');
		this.events = Array.from({ length: eventCount }, (_, index) =>
			index === 0 ? event : { ...event, id: event.id + index, slug: `${event.slug}-${index}`, name: `${event.name} #${index}` },
		);
		this.invoices = new Map();
		this.tickets = new Map();
		this.discounts = new Map();
		this.links = new Map();
		this.nextId = 50_000;
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
		if (method === 'POST' && route === '/tickets/items/histories/') return this.#scan(body, send);
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
