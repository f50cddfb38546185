// Workflows the end-to-end tests import into a real n8n.
import { ACTION_TYPE, TRIGGER_TYPE } from '../../scripts/lib/example-workflow.mjs';

export { ACTION_TYPE, TRIGGER_TYPE };

let counter = 0;

/**
 * A one-node workflow: the Showpass Trigger with the given parameters and credential, at the version the
 * editor adds today (the example workflows keep version 1, as saved by earlier releases).
 */
export function triggerWorkflow({ name, parameters = {}, credential, webhookId, typeVersion = 1.1 }) {
	counter += 1;
	const hookId = webhookId ?? `e2e-${Date.now().toString(36)}-${counter}`;
	return {
		webhookId: hookId,
		workflow: {
			name: name ?? `Showpass e2e ${counter}`,
			nodes: [
				{
					id: `trigger-${counter}`,
					name: 'Showpass Trigger',
					type: TRIGGER_TYPE,
					typeVersion,
					position: [0, 0],
					webhookId: hookId,
					parameters: { events: ['*'], output: 'event', options: {}, ...parameters },
					credentials: { showpassWebhookApi: { id: credential.id, name: credential.name } },
				},
			],
			connections: {},
		},
	};
}

/** The items the trigger emitted in one execution read back from n8n's public API. */
export function triggerItems(execution) {
	const runs = execution?.data?.resultData?.runData?.['Showpass Trigger'] ?? [];
	return (runs[0]?.data?.main?.[0] ?? []).map((item) => item.json);
}

/**
 * The Showpass Trigger followed by nodes in a line. Each step is
 * `{ name, type?, parameters, credentials?, executeOnce? }`; `type` defaults to the Showpass node.
 */
export function triggerThenSteps({ name, triggerParameters = {}, webhookCredential, steps }) {
	const { workflow, webhookId } = triggerWorkflow({ name, parameters: triggerParameters, credential: webhookCredential });
	const nodes = [...workflow.nodes];
	const connections = {};
	let previous = nodes[0].name;
	steps.forEach((step, index) => {
		nodes.push({
			id: `${nodes[0].id}-step-${index}`,
			name: step.name,
			type: step.type ?? ACTION_TYPE,
			typeVersion: step.typeVersion ?? 1,
			position: [260 * (index + 1), 0],
			parameters: step.parameters,
			...(step.credentials ? { credentials: step.credentials } : {}),
			...(step.executeOnce ? { executeOnce: true } : {}),
		});
		connections[previous] = { main: [[{ node: step.name, type: 'main', index: 0 }]] };
		previous = step.name;
	});
	return { webhookId, workflow: { ...workflow, nodes, connections } };
}

/**
 * The Showpass Trigger followed by n8n's HTTP Request node, which posts each delivery's
 * `webhook_event_uuid` to `receiverUrl` (see receiver.mjs): what reaches the next node is counted there.
 */
export function triggerThenReceiver({ name, credential, receiverUrl, triggerParameters = {} }) {
	return triggerThenSteps({
		name,
		triggerParameters,
		webhookCredential: credential,
		steps: [
			{
				name: 'Tell the receiver',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				parameters: {
					method: 'POST',
					url: receiverUrl,
					sendBody: true,
					bodyParameters: { parameters: [{ name: 'uuid', value: '={{ $json.webhook_event_uuid }}' }] },
					options: {},
				},
			},
		],
	});
}

/** The Showpass API credential reference for a node. */
export function showpassApiCredential(credential) {
	return { showpassApi: { id: credential.id, name: credential.name } };
}

/** The items a node output in one execution, or its error. */
export function nodeRun(execution, nodeName) {
	const run = execution?.data?.resultData?.runData?.[nodeName]?.[0];
	return {
		items: (run?.data?.main?.[0] ?? []).map((item) => item.json),
		error: run?.error,
	};
}
