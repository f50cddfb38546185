/**
 * examples/sample-data/ holds, per Output, what the Showpass Trigger outputs for Showpass's documented
 * sample purchase, for users to pin on the trigger before Showpass has sent anything. Each file must be
 * exactly what the trigger emits for that delivery (`npm run samples` rewrites them) and fit the
 * trigger's shipped output schema: the whole event fits it as is, the other Outputs the parts of it
 * they are made of.
 */
import { createHmac } from 'crypto';
import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { ShowpassTrigger } from '../../nodes/ShowpassTrigger/ShowpassTrigger.node';
import triggerSchema from '../../nodes/ShowpassTrigger/__schema__/v1.1.0/output.json';
import { deliveryMemory } from '../../nodes/ShowpassTrigger/helpers/deliveryMemory';
import { INVOICE_CONTEXT_FIELDS } from '../../nodes/ShowpassTrigger/helpers/output';
import purchase from '../fixtures/invoice.purchase.json';
import { chain, runWebhook, showpassTrigger, WEBHOOK_SECRET, CREDENTIALS } from './engine';

const SAMPLE_DATA_DIR = path.resolve(__dirname, '..', '..', 'examples', 'sample-data');

const outputModes = (
	new ShowpassTrigger().description.properties.find((property) => property.name === 'output')!
		.options as INodePropertyOptions[]
).map((option) => String(option.value));

const readSample = (mode: string): IDataObject[] =>
	JSON.parse(readFileSync(path.join(SAMPLE_DATA_DIR, `${mode}.json`), 'utf8'));

interface Schema {
	type?: string | string[];
	properties?: Record<string, Schema>;
	required?: string[];
	items?: Schema;
}

const typeOf = (value: unknown): string => {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (Number.isInteger(value)) return 'integer';
	return typeof value;
};

/** Where `value` breaks `schema`: a wrong type, a missing required field, or a field it does not declare. */
function schemaProblems(schema: Schema, value: unknown, at = '$'): string[] {
	const types = schema.type === undefined ? [] : [schema.type].flat();
	const actual = typeOf(value);
	if (
		types.length > 0 &&
		!types.some((type) => type === actual || (type === 'number' && actual === 'integer'))
	) {
		return [`${at}: expected ${types.join(' or ')}, got ${actual}`];
	}
	if (actual === 'array' && schema.items) {
		return (value as unknown[]).flatMap((element, index) =>
			schemaProblems(schema.items!, element, `${at}[${index}]`),
		);
	}
	if (actual !== 'object') return [];
	const record = value as IDataObject;
	return [
		...(schema.required ?? [])
			.filter((field) => !(field in record))
			.map((field) => `${at}: "${field}" is missing`),
		...Object.entries(record).flatMap(([field, fieldValue]) =>
			schema.properties?.[field]
				? schemaProblems(schema.properties[field], fieldValue, `${at}.${field}`)
				: [`${at}: "${field}" is not in the schema`],
		),
	];
}

/** The schema of one item of each Output, from the parts of the shipped schema each is made of. */
function itemSchemaOf(mode: string): Schema {
	const envelope = triggerSchema as Schema;
	const invoice = envelope.properties!.data;
	const { id, event_type, webhook_event_uuid } = envelope.properties!;
	const context = Object.fromEntries(
		INVOICE_CONTEXT_FIELDS.map((field) => [field, invoice.properties![field]]),
	);
	const perEntry = (list: string): Schema => ({
		type: 'object',
		properties: {
			...invoice.properties![list].items!.properties,
			event_type,
			webhook_event_uuid,
			...context,
		},
	});
	switch (mode) {
		case 'event':
			return envelope;
		case 'invoice':
			return {
				type: 'object',
				properties: { event_type, webhook_event_uuid, id, ...invoice.properties },
			};
		case 'tickets':
			return perEntry('ticket_items');
		case 'lineItems':
			return perEntry('invoice_items');
		default:
			throw new Error(`no sample schema for Output "${mode}"`);
	}
}

describe('sample data (examples/sample-data/)', () => {
	it('has one file per Output and nothing else', () => {
		const files = readdirSync(SAMPLE_DATA_DIR).filter((file) => file.endsWith('.json'));
		expect(files.sort()).toEqual(outputModes.map((mode) => `${mode}.json`).sort());
	});

	it.each(outputModes)(
		'%s.json is what the trigger outputs for the documented sample purchase',
		async (mode) => {
			deliveryMemory.forget();
			const call = await runWebhook(chain(showpassTrigger({ output: mode })), {
				request: {
					body: JSON.parse(JSON.stringify(purchase)),
					headers: {
						'x-showpass-signature': createHmac('sha1', WEBHOOK_SECRET)
							.update(purchase.id)
							.digest('hex'),
					},
				},
				credentials: CREDENTIALS,
				execute: false,
			});
			expect(call.response.body).toMatchObject({ status: 'accepted' });
			expect(readSample(mode)).toEqual(call.items.map((item) => item.json));
		},
	);

	it.each(outputModes)("%s.json fits the trigger's output schema", (mode) => {
		const sample = readSample(mode);
		expect(sample.length).toBeGreaterThan(0);
		const schema = itemSchemaOf(mode);
		for (const item of sample) expect(schemaProblems(schema, item)).toEqual([]);
	});

	it('the schema check notices a wrong type, a missing field and an unknown field', () => {
		const [event] = readSample('event');
		const broken = { ...event, id: { nested: true }, surprise: 1 } as IDataObject;
		delete broken.event_type;
		expect(schemaProblems(itemSchemaOf('event'), broken)).toEqual([
			'$: "event_type" is missing',
			'$.id: expected string or number, got object',
			'$: "surprise" is not in the schema',
		]);
		const [ticket] = readSample('tickets');
		expect(schemaProblems(itemSchemaOf('tickets'), { ...ticket, barcode_string: 5 })).toEqual([
			'$.barcode_string: expected string, got integer',
		]);
	});
});
