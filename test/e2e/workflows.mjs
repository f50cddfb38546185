// Workflows the end-to-end tests import into a real n8n.
export const TRIGGER_TYPE = 'n8n-nodes-showpass.showpassTrigger';

let counter = 0;

/** A one-node workflow: the Showpass Trigger with the given parameters and credential. */
export function triggerWorkflow({ name, parameters = {}, credential, webhookId }) {
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
					typeVersion: 1,
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
