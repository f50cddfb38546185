// The example workflows `npm start` installs, and examples/ made runnable on a local n8n.
import fs from 'node:fs';
import path from 'node:path';

import { projectRoot } from './n8n-versions.mjs';

export const TRIGGER_TYPE = 'n8n-nodes-showpass.showpassTrigger';
export const ACTION_TYPE = 'n8n-nodes-showpass.showpass';
/** n8n's own Webhook node, which starts the examples that a scanner or a sign-up form calls. */
export const WEBHOOK_TYPE = 'n8n-nodes-base.webhook';

// Showpass Trigger → a one-line summary of the delivery.
export const DEMO_WEBHOOK_ID = 'showpass-demo';
export const DEMO_WORKFLOW_NAME = 'Showpass → summary (example)';

const SUMMARY =
	'={{ $json.event_type }}: {{ $json.data.customer_name }} <{{ $json.data.customer_email }}>, ' +
	'{{ ($json.data.ticket_items || []).length }} ticket(s) for {{ (($json.data.ticket_items || [])[0] || {}).event_name }}, ' +
	'{{ $json.data.gross_revenue }} {{ $json.data.currency }} (transaction {{ $json.data.transaction_id }})';

export function exampleWorkflow(credential) {
	return {
		name: DEMO_WORKFLOW_NAME,
		nodes: [
			{
				id: 'showpass-trigger',
				name: 'Showpass Trigger',
				type: TRIGGER_TYPE,
				typeVersion: 1,
				position: [0, 0],
				webhookId: DEMO_WEBHOOK_ID,
				parameters: { events: ['*'], output: 'event', options: {} },
				credentials: { showpassWebhookApi: { id: credential.id, name: credential.name } },
			},
			{
				id: 'summary',
				name: 'Summary',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [260, 0],
				parameters: {
					assignments: {
						assignments: [{ id: 'summary', name: 'summary', value: SUMMARY, type: 'string' }],
					},
					options: {},
				},
			},
		],
		connections: {
			'Showpass Trigger': { main: [[{ node: 'Summary', type: 'main', index: 0 }]] },
		},
	};
}

/**
 * A workflow from examples/ made runnable on a local n8n: the Showpass nodes get the given
 * credentials (and the trigger `webhookId`). Nodes of other services (those with credentials) cannot
 * reach their services here; `thirdParty` says what becomes of them:
 * - 'disable' (the tests): disabled, so n8n passes their input through, which shows what they would get;
 * - 'standIn' (`npm start`): a No Operation node with the same name and place, noted as a stand-in on the
 *   canvas, so the demo shows no "(Deactivated)" node and its executions succeed;
 * - 'keep': left as they are, for the caller to give credentials or pinned data.
 * Returns the trigger's `webhookId`, or the path of the example's Webhook node.
 */
export function localExample(file, { webhookCredential, apiCredential, webhookId, thirdParty = 'disable' }) {
	const example = JSON.parse(fs.readFileSync(path.join(projectRoot, 'examples', file), 'utf8'));
	const reference = (credential) => ({ id: credential.id, name: credential.name });
	const nodes = example.nodes.map((node) => {
		if (node.type === TRIGGER_TYPE) {
			return { ...node, webhookId: webhookId ?? node.webhookId, credentials: { showpassWebhookApi: reference(webhookCredential) } };
		}
		if (node.type === ACTION_TYPE) return { ...node, credentials: { showpassApi: reference(apiCredential) } };
		if (!node.credentials || thirdParty === 'keep') return node;
		if (thirdParty === 'standIn') return standIn(node);
		const { credentials: _placeholder, ...rest } = node;
		return { ...rest, disabled: true };
	});
	const trigger = nodes.find((node) => node.type === TRIGGER_TYPE);
	const webhook = nodes.find((node) => node.type === WEBHOOK_TYPE);
	return {
		workflow: { name: example.name, nodes, connections: example.connections, settings: example.settings },
		webhookId: trigger?.webhookId,
		webhookPath: webhook?.parameters.path,
	};
}

function standIn(node) {
	const service = node.type.replace(/^n8n-nodes-base\./, '');
	return {
		id: node.id,
		name: node.name,
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: node.position,
		parameters: {},
		notes: `Stand-in for the ${service} node of the example, which needs your ${service} account: passes on what it would send`,
		notesInFlow: true,
	};
}

/** The refund → tickets → summary example, as `npm start` installs it. */
export const refundExampleWorkflow = {
	name: 'Showpass refund → the invoice\'s tickets → summary (example)',
	webhookId: 'showpass-demo-refund',
	build(webhookCredential, apiCredential) {
		const { workflow } = localExample('refund-tickets-summary.json', {
			webhookCredential,
			apiCredential,
			webhookId: this.webhookId,
			thirdParty: 'standIn',
		});
		return { ...workflow, name: this.name };
	},
};
