/**
 * Every workflow in examples/ runs here through n8n's engine, from a signed delivery to the last
 * node. Nodes from other packages (n8n's Set, Slack, Google Sheets, HubSpot, Send Email) are not
 * installed for unit tests, so this test disables them, as the end-to-end examples test does
 * for the third-party ones: n8n passes a disabled node's input on, which shows what it would have
 * received. A disabled Set node's assignments are then resolved by n8n's expression engine
 * against that input, so the example's expressions are checked against the trigger's real output.
 * The Showpass nodes run for real against Showpass mocked by nock.
 *
 * A new example is picked up without changes here when its trigger's first selected event is
 * enough and it has no Showpass node; otherwise give it a row in EXAMPLES (the delivery to send,
 * the Showpass API answers, what to check).
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import nock from 'nock';
import type { IDataObject, INode, NodeParameterValueType } from 'n8n-workflow';

import { deliveryMemory } from '../../nodes/ShowpassTrigger/helpers/deliveryMemory';
import purchase from '../fixtures/invoice.purchase.json';
import ticket from '../fixtures/showpass-api/ticket.json';
import {
	API_TOKEN,
	CREDENTIALS,
	ORGANIZATION_ID,
	PACKAGE_NAME,
	runWebhook,
	WEBHOOK_SECRET,
	type WebhookCall,
	type WorkflowJson,
	type WorkflowRun,
} from './engine';
import { createHmac } from 'crypto';

const EXAMPLES_DIR = join(__dirname, '..', '..', 'examples');
const SET_NODE = 'n8n-nodes-base.set';

interface ExampleSetup {
	/** The delivery to send; by default the purchase fixture as the trigger's first selected event. */
	delivery?: IDataObject;
	/** Showpass API answers the example's Showpass nodes need. */
	showpass?: (api: nock.Scope, delivery: IDataObject) => void;
	/** What to check beyond "accepted, every node ran, every Set assignment resolves". */
	check?: (execution: WorkflowRun, assignments: Record<string, IDataObject[]>, call: WebhookCall) => void;
}

const delivery = (eventType: string, overrides: IDataObject = {}): IDataObject => {
	const copy = JSON.parse(JSON.stringify(purchase)) as IDataObject;
	return { ...copy, event_type: eventType, webhook_event_uuid: `example-${eventType}`, ...overrides };
};
const purchaseData = purchase.data;

const EXAMPLES: Record<string, ExampleSetup> = {
	'purchase-to-slack.json': {
		check: (_execution, assignments) => {
			const [message] = assignments['Compose Message'];
			expect(message.buyer).toBe(`${purchaseData.customer_name} <${purchaseData.customer_email}>`);
			expect(message.total).toBe(`${purchaseData.gross_revenue} ${purchaseData.currency}`);
			expect(message.message).toContain('New Showpass order');
			expect(message.message).toContain(purchaseData.ticket_items[0].ticket_type_name);
		},
	},
	'tickets-to-google-sheets.json': {
		check: (execution, assignments) => {
			const rows = assignments['Sheet Row'];
			expect(rows).toHaveLength(purchaseData.ticket_items.length);
			expect(rows[0]).toMatchObject({
				Transaction: purchaseData.transaction_id,
				Email: purchaseData.customer_email,
				Barcode: purchaseData.ticket_items[0].barcode_string,
			});
			expect(execution.json('Append to Sheet')).toEqual(execution.json('Showpass Trigger'));
		},
	},
	'refund-or-void-to-crm-and-email.json': {
		delivery: delivery('invoice.void'),
		check: (_execution, assignments) => {
			const [contact] = assignments['Contact Update'];
			expect(contact.email).toBe(purchaseData.customer_email);
			expect(contact.what).toBe('voided');
			expect(contact.note).toContain(purchaseData.transaction_id);
		},
	},
	'refund-tickets-summary.json': {
		delivery: delivery('invoice.refund'),
		showpass: (api) =>
			api
				.get(`/api/venue/${ORGANIZATION_ID}/financials/invoices/${purchaseData.transaction_id}/tickets/`)
				.reply(200, [
					{ ...ticket, barcode_string: 'AAA111', status: 'refunded' },
					{ ...ticket, id: 2, barcode_string: 'BBB222', status: 'refunded' },
				]),
		check: (execution, assignments) => {
			expect(execution.json('Get Invoice Tickets').map((item) => item.barcode_string)).toEqual(['AAA111', 'BBB222']);
			const [summary] = assignments['Refund Summary'];
			expect(summary.transaction_id).toBe(purchaseData.transaction_id);
			expect(summary.tickets).toBe(2);
			expect(summary.statuses).toBe('AAA111: refunded, BBB222: refunded');
		},
	},
};

const TRIGGER_TYPE = `${PACKAGE_NAME}.showpassTrigger`;
const startsWithTrigger = (file: string) =>
	(JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as WorkflowJson).nodes.some(
		(node: INode) => node.type === TRIGGER_TYPE,
	);
// Examples that start from n8n's own Webhook node (door check-in, member password) need that node,
// which unit tests do not install; test/e2e/examples.e2e.test.mjs drives them in a real n8n.
const exampleFiles = readdirSync(EXAMPLES_DIR)
	.filter((file) => file.endsWith('.json'))
	.filter(startsWithTrigger);

/** The example as a user imports it, with every node from another package disabled. */
function prepared(file: string): WorkflowJson {
	const workflow = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as WorkflowJson;
	for (const node of workflow.nodes) {
		if (!node.type.startsWith(`${PACKAGE_NAME}.`)) node.disabled = true;
	}
	return workflow;
}

/** Each Set node's assignments, resolved for every item that reached it. */
function setAssignments(workflow: WorkflowJson, execution: WorkflowRun): Record<string, IDataObject[]> {
	const resolved: Record<string, IDataObject[]> = {};
	for (const node of workflow.nodes.filter((candidate: INode) => candidate.type === SET_NODE)) {
		const assignments = (node.parameters.assignments as { assignments: Array<{ name: string; value: NodeParameterValueType }> })
			.assignments;
		const inputCount = node.executeOnce === true ? 1 : execution.items(node.name).length;
		resolved[node.name] = Array.from({ length: inputCount }, (_, itemIndex) =>
			Object.fromEntries(
				assignments.map(({ name, value }) => [name, execution.resolve(node.name, value, itemIndex)]),
			),
		);
	}
	return resolved;
}

beforeEach(() => deliveryMemory.forget());

it('finds the examples', () => {
	expect(exampleFiles.length).toBeGreaterThanOrEqual(Object.keys(EXAMPLES).length);
	for (const file of Object.keys(EXAMPLES)) expect(exampleFiles).toContain(file);
});

describe.each(exampleFiles)('example %s', (file) => {
	it('runs from a signed delivery to its last node', async () => {
		const workflow = prepared(file);
		const setup = EXAMPLES[file] ?? {};
		const trigger = workflow.nodes.find((node) => node.type === TRIGGER_TYPE);
		expect(trigger).toBeDefined();
		const events = (trigger!.parameters.events as string[] | undefined) ?? ['*'];
		const sent = setup.delivery ?? delivery(events[0] === '*' ? 'invoice.purchase' : events[0]);
		setup.showpass?.(
			nock('https://www.showpass.com').matchHeader('authorization', `Token ${API_TOKEN}`),
			sent,
		);

		const call = await runWebhook(workflow, {
			request: {
				body: sent,
				headers: { 'x-showpass-signature': createHmac('sha1', WEBHOOK_SECRET).update(String(sent.id)).digest('hex') },
			},
			credentials: CREDENTIALS,
			webhookNode: trigger!.name,
		});

		expect(call.response).toMatchObject({ statusCode: 200, body: { status: 'accepted' } });
		const execution = call.execution!;
		expect(execution.error).toBeUndefined();
		const notes = workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote').map((node) => node.name);
		expect([...execution.executed].sort()).toEqual(
			workflow.nodes.map((node) => node.name).filter((name) => !notes.includes(name)).sort(),
		);
		const assignments = setAssignments(workflow, execution);
		for (const [nodeName, items] of Object.entries(assignments)) {
			for (const item of items) {
				for (const [name, value] of Object.entries(item)) {
					expect({ nodeName, name, empty: value === undefined || value === '' }).toEqual({
						nodeName,
						name,
						empty: false,
					});
				}
			}
		}
		setup.check?.(execution, assignments, call);
	});
});
