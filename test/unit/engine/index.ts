/**
 * Engine harness: runs this package's nodes inside n8n's own engine (n8n-core's `WorkflowExecute`
 * and `WebhookContext`, n8n-workflow's expressions and parameter handling), loaded from source,
 * with Showpass mocked at the HTTP boundary by nock. A test describes a workflow as n8n stores it
 * and reads what each node output, as the editor shows it.
 *
 *   const run = await runWorkflow(chain(manualTrigger(), showpassNode({ … eventId: '={{ $json.id }}' })), {
 *     credentials: CREDENTIALS,
 *     pinData: pinned('Start', [{ id: 1 }, { id: 2 }]),
 *   });
 *   run.json('Showpass'); run.items('Showpass'); run.error; run.executed;
 *
 *   const call = await runWebhook(chain(showpassTrigger({ output: 'tickets' }), …), {
 *     credentials: CREDENTIALS,
 *     request: { body: delivery, headers: { 'x-showpass-signature': … }, ip: '…' },
 *     staticData,            // optional: the workflow static data from an earlier call
 *     mode: 'manual',        // optional: the Test URL instead of the Production URL
 *   });
 *   call.response;           // { statusCode, body } the sender gets
 *   call.items;              // what the trigger handed to the workflow
 *   call.execution?.json('Next Node');
 *   call.staticData; call.logs;
 *
 *   await runWebhookMethod(workflow, 'create');   // activation, through n8n's HookContext
 *
 * What is n8n's here: node loading by the `n8n` list in package.json (as n8n reads it, from the
 * TypeScript source), `Workflow` (defaults, expressions, static data), `WorkflowExecute` (item
 * pairing, Continue On Fail, errors, pinned data, disabled nodes), the execution and webhook
 * contexts, `httpRequestWithAuthentication` (real HTTP, which nock intercepts), and the request's
 * content-type parsing (`parseIncomingMessage`).
 *
 * Hand-made, because the engine cannot provide them outside an n8n server:
 * - the credentials helper (./credentials.ts): n8n's lives in the server package and reads the
 *   database; this one applies the credential type's defaults and its generic `authenticate`
 *   the same way, through the workflow's expression engine;
 * - the request body parsing and the response object (./request.ts): n8n's body parser and
 *   Express belong to the server; the request follows n8n's parsing rules, the response records
 *   `status().json()`;
 * - the execution's "additional data" (./run.ts): URLs and server callbacks a Showpass node never
 *   calls; execution hooks are n8n-core's `ExecutionLifecycleHooks`;
 * - n8n-nodes-base's Manual Trigger, by description only (./package.ts): it starts a workflow
 *   with pinned items, so its code never runs; other n8n-nodes-base nodes (Set, Slack, …) are
 *   not available and must be disabled or pinned in a workflow.
 */
import type { INode, INodeExecutionData } from 'n8n-workflow';

import { runWorkflow, type RunOptions, type WorkflowRun } from './run';
import { chain, CREDENTIALS, manualTrigger, showpassNode } from './workflows';

export { PACKAGE_CREDENTIALS, PACKAGE_NAME, PACKAGE_NODES, nodeTypes } from './package';
export { requestOf, type DeliveryRequest, type RecordedResponse } from './request';
export {
	runWebhook,
	runWebhookMethod,
	runWorkflow,
	type RunOptions,
	type WebhookCall,
	type WebhookMethod,
	type WebhookOptions,
	type WorkflowJson,
	type WorkflowRun,
} from './run';
export * from './workflows';

export interface ShowpassRun extends WorkflowRun {
	/** The Showpass node's output items (`[]` when it failed). */
	output: INodeExecutionData[];
}

/**
 * The common case: a Manual Trigger with `items` pinned, then the Showpass node with `parameters`,
 * run with the test credentials (override any with `options.credentials`).
 */
export async function runShowpassNode(
	parameters: INode['parameters'],
	options: RunOptions & { items?: INodeExecutionData['json'][]; node?: Partial<INode> } = {},
): Promise<ShowpassRun> {
	const { items = [{}], node: extra = {}, credentials, ...rest } = options;
	const showpass = showpassNode(parameters, extra);
	const run = await runWorkflow(chain(manualTrigger(), showpass), {
		...rest,
		credentials: { ...CREDENTIALS, ...credentials },
		pinData: { Start: items.map((json) => ({ json })), ...rest.pinData },
	});
	return { ...run, output: run.items(showpass.name) };
}
