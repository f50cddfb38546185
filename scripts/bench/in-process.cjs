// In-process cost of one delivery through the Showpass Trigger's webhook(), against the floor of one
// bare HMAC-SHA1 of the id. Runs on the built dist/ files. Prints JSON rows.
const crypto = require('crypto');
const path = require('path');
const { performance } = require('perf_hooks');

const root = path.resolve(__dirname, '..', '..');
const { ShowpassTrigger } = require(path.join(root, 'dist/nodes/ShowpassTrigger/ShowpassTrigger.node.js'));
const { DeliveryMemory, deliveryMemory } = require(path.join(root, 'dist/nodes/ShowpassTrigger/helpers/deliveryMemory.js'));
const { shapeOutput } = require(path.join(root, 'dist/nodes/ShowpassTrigger/helpers/output.js'));
const sample = require(path.join(root, 'test/fixtures/invoice.purchase.json'));

const SECRET = 'bench-secret-key';
const trigger = new ShowpassTrigger();

function withTickets(count) {
	if (count === undefined) return JSON.parse(JSON.stringify(sample));
	const ticket = sample.data.ticket_items[0];
	const line = sample.data.invoice_items[0];
	const invoice = {
		...sample,
		data: {
			...sample.data,
			ticket_items: Array.from({ length: count }, (_, index) => ({ ...ticket, id: index, barcode_string: `B${index}` })),
			invoice_items: Array.from({ length: count }, (_, index) => ({ ...line, id: index })),
		},
	};
	// Parsed from text, as n8n hands the node a request body.
	return JSON.parse(JSON.stringify(invoice));
}

// Built per request like n8n builds one; the signature header is computed once, outside the timing.
function contextFor(body, rawBody, output, signature) {
	const headers = { 'content-type': 'application/json', 'x-showpass-signature': signature };
	const staticData = {};
	const parameters = { events: ['*'], output, options: {} };
	const response = { status: () => response, json: () => response };
	return {
		getRequestObject: () => ({ body, rawBody, headers, ip: '34.83.8.110' }),
		getResponseObject: () => response,
		getHeaderData: () => headers,
		getMode: () => 'webhook',
		getWorkflow: () => ({ id: 'bench' }),
		getNode: () => ({ id: 'bench-node', name: 'Showpass Trigger' }),
		getWorkflowStaticData: () => staticData,
		getNodeParameter: (name, fallback) => {
			const value = name.split('.').reduce((current, key) => current?.[key], parameters);
			return value === undefined ? fallback : value;
		},
		getCredentials: async () => ({ secretKey: SECRET, previousSecretKey: '' }),
		helpers: { returnJsonArray: (items) => items.map((json) => ({ json })) },
		logger: { debug() {}, warn() {} },
	};
}

async function timePerOp(iterations, operation) {
	const rounds = [];
	for (let round = 0; round < 7; round++) {
		const started = performance.now();
		for (let index = 0; index < iterations; index++) await operation(index);
		rounds.push(((performance.now() - started) * 1e6) / iterations);
	}
	rounds.sort((a, b) => a - b);
	return rounds[3];
}

async function main() {
	const rows = [];
	const idText = sample.id;
	const floorNs = await timePerOp(20000, () => crypto.createHmac('sha1', SECRET).update(idText).digest('hex'));
	rows.push({ case: 'floor: one HMAC-SHA1 of id', nsPerOp: Math.round(floorNs) });
	for (const tickets of [undefined, 10, 100, 1000]) {
		const base = withTickets(tickets);
		const rawBody = Buffer.from(JSON.stringify(base));
		const signature = crypto.createHmac('sha1', SECRET).update(base.id).digest('hex');
		for (const output of ['event', 'invoice', 'tickets', 'lineItems']) {
			const iterations = tickets === 1000 ? 300 : tickets === 100 ? 2000 : 10000;
			let counter = 0;
			deliveryMemory.forget();
			const measured = await timePerOp(iterations, async () => {
				const body = { ...base, webhook_event_uuid: `u-${counter++}` };
				const result = await trigger.webhook.call(contextFor(body, rawBody, output, signature));
				if (!result.workflowData) throw new Error('delivery was not accepted');
			});
			rows.push({
				case: `webhook(): ${tickets === undefined ? 'sample payload' : `${tickets} tickets`}, output ${output}`,
				nsPerOp: Math.round(measured),
				ratioToFloor: +(measured / floorNs).toFixed(2),
			});
		}
	}
	for (const tickets of [10, 100, 1000]) {
		const base = withTickets(tickets);
		const measured = await timePerOp(tickets === 1000 ? 500 : 5000, () => shapeOutput(base, 'tickets'));
		rows.push({ case: `shapeOutput tickets: ${tickets} tickets`, nsPerOp: Math.round(measured), nsPerTicket: Math.round(measured / tickets) });
	}
	// The dedupe memory's own cost per delivery with N remembered: check and record, the execution's step,
	// and the JSON n8n writes when the execution ends (the stored list, serialized at save time).
	for (const remembered of [1000, 5000, 20_000, 100_000]) {
		const memory = new DeliveryMemory();
		const staticData = {};
		let counter = 0;
		const deliver = () => {
			const id = `curve-${remembered}-${counter++}`;
			if (!memory.rememberIfNew('curve', id, {})) throw new Error('not new');
			const item = { webhook_event_uuid: id };
			memory.markItem(id, item);
			memory.recordRun('curve', item, staticData);
			return JSON.stringify(staticData).length;
		};
		for (let index = 0; index < remembered; index++) {
			memory.rememberIfNew('curve', `curve-${remembered}-${counter}`, {});
			const item = { webhook_event_uuid: `curve-${remembered}-${counter++}` };
			memory.markItem(item.webhook_event_uuid, item);
			memory.recordRun('curve', item, staticData);
		}
		const measured = await timePerOp(300, deliver);
		rows.push({
			case: `dedupe: ${remembered.toLocaleString('en')} remembered, one more delivery (check, record, saved JSON)`,
			nsPerOp: Math.round(measured),
			staticDataBytes: JSON.stringify(staticData).length,
		});
	}
	console.log(JSON.stringify(rows));
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
