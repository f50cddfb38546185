// The example workflow `npm start` installs: Showpass Trigger → a one-line summary of the delivery.
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
				type: 'n8n-nodes-showpass.showpassTrigger',
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
