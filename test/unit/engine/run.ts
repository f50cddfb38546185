import { ExecutionLifecycleHooks, HookContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	UnexpectedError,
	Workflow,
	type ExecutionError,
	type IConnections,
	type IDataObject,
	type IExecuteData,
	type INode,
	type INodeExecutionData,
	type IPinData,
	type IRun,
	type IWebhookData,
	type IWebhookResponseData,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type IWorkflowSettings,
	type NodeParameterValueType,
	type WorkflowActivateMode,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { Container, Logger } from './core';
import { TestCredentialsHelper, type CredentialsByType } from './credentials';
import { nodeTypes } from './package';
import type { DeliveryRequest, RecordedResponse } from './request';
import { requestOf, responseRecorder } from './request';

/** A workflow as n8n exports it (Download / copy from the canvas); only these fields are read. */
export interface WorkflowJson {
	id?: string;
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	pinData?: IPinData;
	staticData?: IDataObject;
}

export interface RunOptions {
	/** Stored credential data by credential type; every type a running node uses must be here. */
	credentials?: CredentialsByType;
	/** Output items to use instead of running a node, as the editor's pinned data (overrides the workflow's). */
	pinData?: IPinData;
	/** `manual` (the editor's Execute) by default; `webhook`/`trigger` for a production run. */
	mode?: WorkflowExecuteMode;
	/** The node the run starts at; by default the one node with no incoming connection. */
	startNode?: string;
	/** Items handed to the start node, as a trigger hands its output to the execution. */
	startItems?: INodeExecutionData[][];
	/** The workflow's static data as n8n hands it to this run (e.g. `{}` for a queue-mode worker). */
	staticData?: IDataObject;
}

/** One finished execution, read the way the editor shows it. */
export interface WorkflowRun {
	run: IRun;
	/** The error n8n reports for the execution (the failing node's), if it failed. */
	error: ExecutionError | undefined;
	/** Node names in the order their runs finished. */
	executed: string[];
	/** The items a node output (first run, output `output`); `[]` when it output none. */
	items(nodeName: string, output?: number): INodeExecutionData[];
	/** Just the JSON of those items. */
	json(nodeName: string, output?: number): IDataObject[];
	/**
	 * `value` (e.g. a node's parameter, expressions as `={{ … }}`) resolved by n8n's expression
	 * engine as node `nodeName` would see it for input item `itemIndex` of this run: `$json`,
	 * `$input`, `$('Other Node')`. For a disabled node (which passes its input on) this shows
	 * what its expressions would have produced.
	 */
	resolve(nodeName: string, value: NodeParameterValueType, itemIndex?: number): NodeParameterValueType;
	/** The workflow static data at the end of the run (a plain copy). */
	staticData: IDataObject;
	/** The workflow as the engine ran it. */
	workflow: Workflow;
}

export interface WebhookOptions extends RunOptions {
	/** The request Showpass (or anyone) sends. */
	request: DeliveryRequest;
	/** The webhook node; by default the one node with no incoming connection. */
	webhookNode?: string;
	/** Run the execution the webhook's items start (default true). */
	execute?: boolean;
}

export interface WebhookCall {
	/** What the webhook method returned to n8n. */
	result: IWebhookResponseData;
	/** The HTTP answer the sender gets: the node's own `res.status().json()`, or n8n's answer with `webhookResponse` (200). */
	response: RecordedResponse;
	/** The items the trigger handed to the workflow (first output); `[]` when it started nothing. */
	items: INodeExecutionData[];
	/**
	 * The workflow static data at the end: after the execution when one ran (n8n saves the
	 * execution's static data when it ends), otherwise after `webhook()`.
	 */
	staticData: IDataObject;
	/**
	 * The static data right after `webhook()`. n8n 1.x saves it; n8n 2.41 drops this save when
	 * the request starts an execution (see docs/n8n-versions.md), so a test of what survives a
	 * restart on 2.x reads `staticData` from a run with `execute` on.
	 */
	staticDataAfterWebhook: IDataObject;
	/** Log lines the node wrote through n8n's logger during the call and the execution. */
	logs: string[];
	/** The execution the items started, when there were items and `execute` was not false. */
	execution?: WorkflowRun;
}

/** What node code writes with `this.logger`, captured so tests can read it. */
const logLines: string[] = [];
const captureLogger: Record<string, unknown> = Object.fromEntries(
	['error', 'warn', 'info', 'debug'].map((level) => [
		level,
		(message: string) => logLines.push(`${level}: ${message}`),
	]),
);
captureLogger.scoped = () => captureLogger;
Container.set(Logger, captureLogger as unknown as InstanceType<typeof Logger>);

function workflowOf(json: WorkflowJson, staticData?: IDataObject): Workflow {
	return new Workflow({
		id: json.id ?? 'engine-test-workflow',
		name: json.name ?? 'Engine test',
		// n8n fills in parameter defaults on these objects; keep the caller's JSON untouched.
		nodes: structuredClone(json.nodes),
		connections: json.connections,
		settings: json.settings,
		staticData: structuredClone(staticData ?? json.staticData ?? {}),
		active: true,
		nodeTypes,
	});
}

/** The static data n8n would save after a call: a plain copy, without its change marker. */
function savedStaticData(workflow: Workflow): IDataObject {
	const copy = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
	delete copy.__dataChanged;
	return copy;
}

function rootNode(workflow: Workflow, name: string | undefined): INode {
	if (name !== undefined) {
		const node = workflow.getNode(name);
		if (node === null) throw new UnexpectedError(`No node "${name}" in the workflow`);
		return node;
	}
	const roots = Object.values(workflow.nodes).filter(
		(node) => workflow.getParentNodes(node.name).length === 0 && node.type !== 'n8n-nodes-base.stickyNote',
	);
	if (roots.length !== 1) {
		throw new UnexpectedError(`Say which node starts the run: ${roots.map((node) => node.name).join(', ')}`);
	}
	return roots[0];
}

function additionalDataFor(
	workflowJson: WorkflowJson,
	mode: WorkflowExecuteMode,
	credentials: CredentialsByType,
	onNodeFinished: (nodeName: string) => void,
	onFinished: (run: IRun) => void,
): IWorkflowExecuteAdditionalData {
	const hooks = new ExecutionLifecycleHooks(mode, 'engine-test-execution', workflowJson as IWorkflowBase);
	hooks.addHandler('nodeExecuteAfter', (nodeName) => onNodeFinished(nodeName));
	hooks.addHandler('workflowExecuteAfter', (run) => onFinished(run));
	return {
		credentialsHelper: new TestCredentialsHelper(credentials),
		executionId: 'engine-test-execution',
		hooks,
		currentNodeParameters: undefined,
		variables: {},
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		executeWorkflow: async () => {
			throw new UnexpectedError('Sub-workflows are not available in engine tests');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new UnexpectedError('Task runners are not available in engine tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

function readRun(run: IRun, executed: string[], workflow: Workflow, mode: WorkflowExecuteMode): WorkflowRun {
	const items = (nodeName: string, output = 0) =>
		run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[output] ?? [];
	const resolve = (nodeName: string, value: NodeParameterValueType, itemIndex = 0) => {
		const task = run.data.resultData.runData[nodeName]?.[0];
		const node = workflow.getNode(nodeName);
		if (task === undefined || node === null) throw new UnexpectedError(`"${nodeName}" did not run`);
		const source = task.source[0];
		const input = source ? items(source.previousNode, source.previousNodeOutput ?? 0) : [];
		const executeData: IExecuteData = { node, data: { main: [input] }, source: { main: task.source } };
		return workflow.expression.getParameterValue(value, run.data, 0, itemIndex, nodeName, input, mode, {}, executeData);
	};
	return {
		run,
		error: run.data.resultData.error,
		executed,
		items,
		json: (nodeName, output) => items(nodeName, output).map((item) => item.json),
		resolve,
		staticData: savedStaticData(workflow),
		workflow,
	};
}

async function execute(
	workflowJson: WorkflowJson,
	workflow: Workflow,
	startNode: INode,
	startItems: INodeExecutionData[][],
	options: RunOptions,
): Promise<WorkflowRun> {
	const mode = options.mode ?? 'manual';
	const executed: string[] = [];
	let resolveFinished: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (resolveFinished = resolve));
	const additionalData = additionalDataFor(
		workflowJson,
		mode,
		options.credentials ?? {},
		(nodeName) => executed.push(nodeName),
		(run) => resolveFinished(run),
	);
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node: startNode, data: { main: startItems }, source: null }] },
		resultData: { runData: {}, pinData: options.pinData ?? workflowJson.pinData },
	});
	await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
	return readRun(await finished, executed, workflow, mode);
}

/**
 * Runs workflow JSON through n8n's engine (`WorkflowExecute`), as the editor's Execute does:
 * expressions are resolved by n8n, nodes get n8n's execution contexts and request helpers,
 * credentials are applied by the credentials helper. Showpass must be mocked with nock.
 */
export async function runWorkflow(workflowJson: WorkflowJson, options: RunOptions = {}): Promise<WorkflowRun> {
	const workflow = workflowOf(workflowJson, options.staticData);
	const startNode = rootNode(workflow, options.startNode);
	return await execute(workflowJson, workflow, startNode, options.startItems ?? [[{ json: {} }]], options);
}

/** The node's (first) webhook as n8n registers it for a workflow. */
function webhookDataOf(
	workflow: Workflow,
	node: INode,
	additionalData: IWorkflowExecuteAdditionalData,
	mode: WorkflowExecuteMode,
): IWebhookData {
	const webhookDescription = nodeTypes.getByNameAndVersion(node.type, node.typeVersion).description.webhooks?.[0];
	if (webhookDescription === undefined) throw new UnexpectedError(`"${node.name}" has no webhook`);
	return {
		httpMethod: webhookDescription.httpMethod as IWebhookData['httpMethod'],
		node: node.name,
		path: String(webhookDescription.path),
		webhookDescription,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
		isTest: mode === 'manual',
	};
}

/**
 * Hands `request` to the webhook node's `webhook()` through n8n's `WebhookContext`, as n8n's
 * webhook service does for a production (or, with `mode: 'manual'`, a test) URL, then runs the
 * execution its items start, as n8n does next: the webhook node first, with those items as input.
 */
export async function runWebhook(workflowJson: WorkflowJson, options: WebhookOptions): Promise<WebhookCall> {
	const mode = options.mode ?? 'webhook';
	const workflow = workflowOf(workflowJson, options.staticData);
	const node = rootNode(workflow, options.webhookNode);
	const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	if (nodeType.webhook === undefined) throw new UnexpectedError(`"${node.name}" is not a webhook node`);
	const logsBefore = logLines.length;
	const recorder = responseRecorder();
	const additionalData = additionalDataFor(workflowJson, mode, options.credentials ?? {}, () => {}, () => {});
	additionalData.httpRequest = await requestOf(options.request, node.typeVersion);
	additionalData.httpResponse = recorder.response;
	const webhookData = webhookDataOf(workflow, node, additionalData, mode);
	const context = new WebhookContext(workflow, node, additionalData, mode, webhookData, [], null);
	const result = await nodeType.webhook.call(context);
	const response: RecordedResponse = recorder.answered()
		? recorder.recorded
		: { statusCode: 200, body: result.webhookResponse };
	const call: WebhookCall = {
		result,
		response,
		items: result.workflowData?.[0] ?? [],
		staticData: savedStaticData(workflow),
		staticDataAfterWebhook: savedStaticData(workflow),
		logs: logLines.slice(logsBefore),
	};
	if (result.workflowData !== undefined && options.execute !== false) {
		call.execution = await execute(workflowJson, workflow, node, result.workflowData, { ...options, mode });
		call.staticData = savedStaticData(workflow);
		call.logs = logLines.slice(logsBefore);
	}
	return call;
}

export type WebhookMethod = 'checkExists' | 'create' | 'delete';

/**
 * Calls one of the webhook node's lifecycle methods (`webhookMethods.default`) through n8n's
 * `HookContext`, as n8n does when a workflow is activated (`create`) or deactivated (`delete`).
 */
export async function runWebhookMethod(
	workflowJson: WorkflowJson,
	method: WebhookMethod,
	options: { activation?: WorkflowActivateMode; mode?: WorkflowExecuteMode; webhookNode?: string; credentials?: CredentialsByType } = {},
): Promise<boolean | undefined> {
	const mode = options.mode ?? 'trigger';
	const workflow = workflowOf(workflowJson);
	const node = rootNode(workflow, options.webhookNode);
	const additionalData = additionalDataFor(workflowJson, mode, options.credentials ?? {}, () => {}, () => {});
	const webhookData = webhookDataOf(workflow, node, additionalData, mode);
	const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const webhookMethod = nodeType.webhookMethods?.[webhookData.webhookDescription.name]?.[method];
	if (webhookMethod === undefined) return undefined;
	const context = new HookContext(workflow, node, additionalData, mode, options.activation ?? 'activate', webhookData);
	return await webhookMethod.call(context);
}
