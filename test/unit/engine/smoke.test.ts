import nock from 'nock';
import { runWorkflow, runWebhook } from './run';
import event from '../../fixtures/showpass-api/event.json';
import purchase from '../../fixtures/invoice.purchase.json';
import { createHmac } from 'crypto';

it('runs', async () => {
	nock.disableNetConnect();
	nock('https://www.showpass.com').matchHeader('authorization', 'Token t').get('/api/venue/1234/events/98765/').reply(200, event);
	const run = await runWorkflow({
		nodes: [
			{ id: '1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: '2', name: 'Showpass', type: 'n8n-nodes-showpass.showpass', typeVersion: 1, position: [0, 0], parameters: { resource: 'event', operation: 'get', eventId: '={{ $json.id }}' }, credentials: { showpassApi: { id: '1', name: 'x' } } },
		],
		connections: { Start: { main: [[{ node: 'Showpass', type: 'main', index: 0 }]] } },
		pinData: { Start: [{ json: { id: 98765 } }] },
	}, { credentials: { showpassApi: { apiToken: 't', organizationId: '1234' } } });
	console.log(run.error, run.executed, run.json('Showpass'));
	const call = await runWebhook({
		nodes: [
			{ id: '1', name: 'Showpass Trigger', type: 'n8n-nodes-showpass.showpassTrigger', typeVersion: 1, position: [0, 0], parameters: {}, credentials: { showpassWebhookApi: { id: '1', name: 'x' } } },
		],
		connections: {},
	}, { credentials: { showpassWebhookApi: { secretKey: 's' } }, request: { body: purchase, headers: { 'x-showpass-signature': createHmac('sha1', 's').update(String(purchase.id)).digest('hex') } } });
	console.log(call.response, call.items.length, call.execution?.executed, call.execution?.error, call.logs, call.staticData);
});
