// The output schemas n8n shows before a node has run: the files are what scripts/output-schemas.mjs
// declares, the build ships them, every operation of every node version has one, and each one fits
// real answers of the stand-in Showpass API (shaped as the node outputs them) and the trigger's sample
// deliveries. The end-to-end suite checks the real node's outputs against them inside n8n too
// (action.e2e.test.mjs). Needs `npm run build`; no n8n.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { SHOWPASS_OUTPUTS, TRIGGER_EVENT_OUTPUT, schemaFiles, schemaText } from '../../scripts/output-schemas.mjs';
import { EVENT_TYPES, buildDelivery, loadFixture } from '../../scripts/lib/deliveries.mjs';
import { projectRoot } from '../../scripts/lib/n8n-versions.mjs';
import { ShowpassApiStub } from '../../scripts/lib/showpass-api-stub.mjs';
import {
	builtDescription,
	builtSchemaFiles,
	declaredOperations,
	readBuiltSchema,
	schemaErrors,
	schemaVersionFolder,
} from './output-schemas.mjs';

const sourceSchemaFiles = (nodeFolder) => {
	const root = path.join(projectRoot, 'nodes', nodeFolder, '__schema__');
	return fs.existsSync(root)
		? fs.readdirSync(root, { recursive: true }).filter((file) => file.endsWith('.json')).map((file) => file.split(path.sep).join('/'))
		: [];
};

describe('output schemas: files, build and declared operations', () => {
	it('the committed files are exactly what scripts/output-schemas.mjs declares (run `npm run schemas`)', () => {
		const declared = schemaFiles();
		const onDisk = ['Showpass', 'ShowpassTrigger'].flatMap((node) =>
			sourceSchemaFiles(node).map((file) => path.join('nodes', node, '__schema__', file)),
		);
		assert.deepEqual(onDisk.sort(), [...declared.keys()].sort());
		for (const [file, schema] of declared) {
			assert.equal(fs.readFileSync(path.join(projectRoot, file), 'utf8'), schemaText(schema), `${file} is stale`);
		}
	});

	it('the build copies every schema into dist/ beside the node', () => {
		for (const node of ['Showpass', 'ShowpassTrigger']) {
			assert.ok(sourceSchemaFiles(node).length > 0, node);
			assert.deepEqual(builtSchemaFiles(node).sort(), sourceSchemaFiles(node).sort(), node);
		}
	});

	it('every operation of every Showpass node version has a schema, and no schema lacks an operation', () => {
		const declared = declaredOperations(builtDescription('Showpass', 'Showpass'));
		assert.deepEqual(Object.keys(declared).map(Number).sort(), [1, 2]);
		const expected = Object.entries(declared).flatMap(([version, operations]) =>
			operations.map((operation) => `${schemaVersionFolder(version)}/${operation}.json`),
		);
		for (const operation of ['ticket/verify', 'password/create', 'password/delete']) {
			assert.ok(declared[2].includes(operation), `version 2 declares ${operation}`);
		}
		assert.deepEqual(builtSchemaFiles('Showpass').sort(), expected.sort());
		for (const file of expected) {
			const schema = readBuiltSchema('Showpass', file);
			// What n8n's editor accepts as a schema preview.
			assert.equal(schema.type, 'object', file);
			assert.ok(Object.keys(schema.properties ?? {}).length > 0, file);
		}
	});

	it('the trigger has one schema for its default output (no resource/operation: `output.json`)', () => {
		const description = builtDescription('ShowpassTrigger', 'ShowpassTrigger');
		assert.equal(description.properties.some((property) => ['resource', 'operation'].includes(property.name)), false);
		const output = description.properties.find((property) => property.name === 'output');
		assert.equal(output.default, 'event');
		const expected = [description.version].flat().map((version) => `${schemaVersionFolder(version)}/output.json`);
		assert.deepEqual(builtSchemaFiles('ShowpassTrigger'), expected);
	});
});

describe('output schemas fit real answers', () => {
	it('the trigger\'s schema fits both published sample deliveries, for every event type', () => {
		const schema = readBuiltSchema('ShowpassTrigger', 'v1.0.0/output.json');
		for (const sample of ['invoice.purchase', 'invoice.purchase.legacy']) {
			for (const eventType of EVENT_TYPES) {
				const delivery = buildDelivery(eventType, { base: loadFixture(sample) });
				assert.deepEqual(schemaErrors(schema, delivery, { complete: true }), [], `${sample} as ${eventType}`);
			}
		}
	});

	it('the checker reports a wrong type, a missing required field and an undeclared field', () => {
		const delivery = loadFixture('invoice.purchase');
		delivery.data.ticket_items[0].barcode_string = 5;
		delete delivery.event_type;
		delivery.data.surprise = true;
		const errors = schemaErrors(TRIGGER_EVENT_OUTPUT, delivery, { complete: true });
		assert.ok(errors.includes('$: required field "event_type" is missing'), errors.join('\n'));
		assert.ok(errors.includes('$.data: field "surprise" is not in the schema'), errors.join('\n'));
		assert.ok(errors.includes('$.data.ticket_items[0].barcode_string: expected string, got integer 5'), errors.join('\n'));
		assert.equal(errors.length, 3, errors.join('\n'));
	});

	describe('each Showpass operation\'s schema against the stand-in API\'s answer, shaped as the node outputs it', () => {
		const TOKEN = 'schema-token';
		let showpass;
		let ticket;
		const call = async (method, route, { query, body } = {}) => {
			const url = new URL(`${showpass.baseUrl}/api/venue/${showpass.organizationId}${route}`);
			for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, String(value));
			const response = await fetch(url, {
				method,
				headers: { authorization: `Token ${TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
				body: body ? JSON.stringify(body) : undefined,
			});
			const text = await response.text();
			return { status: response.status, json: text ? JSON.parse(text) : undefined };
		};
		const ok = async (...args) => {
			const answer = await call(...args);
			assert.ok(answer.status < 300, `${args[0]} ${args[1]} answered ${answer.status}: ${JSON.stringify(answer.json)}`);
			return answer.json;
		};
		const results = (page) => (Array.isArray(page) ? page : page.results);
		/** Verify's output: the ticket with `found: true`, or `{found: false, code, message}`. */
		const verified = async (code, permittedTypeIDs) => {
			const answer = await call('GET', '/tickets/items/scan/', { query: { code, ...(permittedTypeIDs ? { permittedTypeIDs } : {}) } });
			if (answer.status === 200) return { ...answer.json, found: true };
			assert.ok([400, 404].includes(answer.status));
			return { found: false, code, message: answer.json.detail };
		};

		// resource → operation → the items the node would output (every value a real stand-in answer).
		const outputs = {
			event: {
				get: async () => [await ok('GET', '/events/harbour-lights-2026-2/')],
				getAll: async () => results(await ok('GET', '/events/', { query: { page_size: 100 } })),
				// The public listing, asked without the token as the node does.
				getManyPublic: async () => {
					const answer = await fetch(`${showpass.baseUrl}/api/public/discovery/?venue=${showpass.organizationId}&only_parents=false&page_size=100`);
					assert.equal(answer.status, 200);
					return results(await answer.json());
				},
			},
			invoice: {
				get: async () => [await ok('GET', `/financials/invoices/${ticket.invoice}/`)],
				getAll: async () => results(await ok('GET', '/financials/invoices/', { query: { page_size: 100 } })),
				getTickets: async () => {
					await call('GET', `/financials/invoices/${ticket.invoice}/tickets/`);
					return results(await ok('GET', `/financials/invoices/${ticket.invoice}/tickets/`));
				},
			},
			ticket: {
				get: async () => [await ok('GET', `/tickets/items/${ticket.id}/`)],
				getAll: async () => results(await ok('GET', '/tickets/items/', { query: { page_size: 100 } })),
				verify: async () => [await verified(ticket.barcode_string), await verified('UNKNOWN'), await verified(ticket.barcode_string, '1')],
				getScanStats: async () => [
					await ok('GET', '/tickets/items/histories/stats/', { query: { item__event_id: ticket.event_id } }),
					await ok('GET', '/tickets/items/histories/stats/', { query: { item__event_id: ticket.event_id, breakdown_by_type: 'true' } }),
				],
				getScanTimeline: async () => ok('GET', '/tickets/items/histories/stats/timeline/', { query: { item__event_id: ticket.event_id } }),
				// By ID: the history record; by barcode: the record with `found` and the verified ticket.
				scan: async () => {
					const { found, ...verifiedTicket } = await verified(ticket.barcode_string);
					const byBarcode = await ok('POST', '/tickets/items/histories/', {
						body: { item: verifiedTicket.id, action: 'pickup', scanner_device: 'web_app', barcode_string: verifiedTicket.barcode_string },
					});
					return [
						{ ...byBarcode, found, ticket: verifiedTicket },
						await ok('POST', '/tickets/items/histories/', { body: { item: ticket.id, action: 'return' } }),
						await verified('UNKNOWN'),
					];
				},
			},
			discount: {
				create: async () => [
					await ok('POST', '/financials/discounts/', { body: { code: 'schema', type: 1, percentage: '10.00', reference: 'r1' } }),
					await ok('POST', '/financials/discounts/', {
						body: {
							code: 'schema-types',
							type: 1,
							amount: '5.00',
							permission_type: 'disc_level_excluded_ticket_type',
							event_discount_permissions: [{ event: 98765, tt_discount_permissions: [{ ticket_type: 3002 }] }, { event: 98766 }],
						},
					}),
				],
				get: async () => [await ok('GET', `/financials/discounts/${[...showpass.discounts.keys()][0]}/`)],
				getAll: async () => results(await ok('GET', '/financials/discounts/', { query: { page_size: 100 } })),
				update: async () => [await ok('PUT', `/financials/discounts/${[...showpass.discounts.keys()][0]}/`, { body: { limit: 5 } })],
				delete: async () => {
					const id = [...showpass.discounts.values()][0].id;
					await ok('DELETE', `/financials/discounts/${id}/`);
					return [{ id, deleted: true }];
				},
			},
			trackingLink: {
				create: async () => [await ok('POST', '/analytics/tracking/links/', { body: { venue: 5796, via: 3, description: 'Partner', event: 98765 } })],
				get: async () => [await ok('GET', `/analytics/tracking/links/${[...showpass.links.keys()][0]}/`)],
				getAll: async () => results(await ok('GET', '/analytics/tracking/links/', { query: { page_size: 100 } })),
				update: async () => [await ok('PUT', `/analytics/tracking/links/${[...showpass.links.keys()][0]}/`, { body: { description: 'New' } })],
				delete: async () => {
					const id = [...showpass.links.values()][0].id;
					await ok('DELETE', `/analytics/tracking/links/${id}/`);
					return [{ id, deleted: true }];
				},
			},
			password: {
				create: async () => [
					await ok('POST', '/passwords/', { body: { password: 'TT', ticket_type: 3001, max_item_purchase_limit: 1, start_time: '2026-01-01T00:00:00Z' } }),
					await ok('POST', '/passwords/', { body: { password: 'EV', event_id: 98765, is_regex_match: true } }),
					await ok('POST', '/passwords/', { body: { password: 'SEL', event_id: 98766, ticket_type_ids: [3011] } }),
				],
				get: async () => [await ok('GET', `/passwords/${[...showpass.passwords.keys()][0]}/`)],
				getAll: async () => [...(await ok('GET', '/passwords/')), ...results(await ok('GET', '/passwords/', { query: { page_size: 2 } }))],
				update: async () => [await ok('PUT', `/passwords/${[...showpass.passwords.keys()][0]}/`, { body: { is_active: false, end_time: '2027-01-01T00:00:00Z' } })],
				delete: async () => {
					const id = [...showpass.passwords.values()].find((record) => record.ticket_type === null).id;
					await ok('DELETE', `/passwords/${id}/`, { query: { event_id: 98765 } });
					return [{ id, deleted: true }];
				},
			},
		};

		before(async () => {
			showpass = await new ShowpassApiStub({ token: TOKEN, organizationId: '5796' }).start();
			const tickets = showpass.addInvoice('schema-order', { ticketCount: 2 }).tickets;
			[ticket] = tickets;
			// A door history over two days, for the scan statistics.
			showpass.recordScan(tickets[1].id, 'pickup', '2026-07-15T19:02:00Z');
			showpass.recordScan(tickets[1].id, 'return', '2026-07-16T01:00:00Z');
		});
		after(async () => showpass?.stop());

		it('every operation with a schema is exercised here', () => {
			assert.deepEqual(
				Object.entries(SHOWPASS_OUTPUTS).flatMap(([resource, operations]) => Object.keys(operations).map((operation) => `${resource}/${operation}`)).sort(),
				Object.entries(outputs).flatMap(([resource, operations]) => Object.keys(operations).map((operation) => `${resource}/${operation}`)).sort(),
			);
		});

		for (const [resource, operations] of Object.entries(outputs)) {
			for (const [operation, produce] of Object.entries(operations)) {
				it(`${resource} → ${operation}`, async () => {
					const items = await produce();
					assert.ok(items.length > 0);
					for (const version of ['v1.0.0', 'v2.0.0']) {
						const schema = readBuiltSchema('Showpass', `${version}/${resource}/${operation}.json`);
						for (const item of items) assert.deepEqual(schemaErrors(schema, item, { complete: true }), [], JSON.stringify(item));
					}
				});
			}
		}
	});
});
