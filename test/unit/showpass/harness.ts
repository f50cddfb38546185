import nock from 'nock';
import { LoadOptionsContext } from 'n8n-core';
import {
	Workflow,
	type IDataObject,
	type INode,
	type INodeListSearchResult,
	type INodeParameters,
	type INodePropertyOptions,
	type IWorkflowExecuteAdditionalData,
	type NodeApiError,
	type NodeOperationError,
} from 'n8n-workflow';

import {
	API_TOKEN,
	CREDENTIALS,
	nodeTypes,
	ORGANIZATION_ID,
	runShowpassNode,
	showpassNode,
} from '../engine';
import { TestCredentialsHelper } from '../engine/credentials';

export const BASE_URL = 'https://www.showpass.com';
export const ORG_PATH = `/api/venue/${ORGANIZATION_ID}`;

export interface SentRequest {
	method: string;
	url: string;
	/** The Authorization header sent, if any. */
	authorization?: string;
}

/** Every request Showpass answered in the current test. */
export let sent: SentRequest[] = [];

type NockRequest = { method: string; path: string; headers: Record<string, string | undefined> };

const record = (base: string) => (request: NockRequest) =>
	sent.push({
		method: request.method,
		url: `${new URL(base).protocol}//${String(request.headers.host)}${request.path}`,
		authorization: request.headers.authorization,
	});

/** Showpass at the HTTP boundary: only answers requests that carry the token the Showpass way. */
export const showpass = (base = BASE_URL) =>
	nock(base).matchHeader('authorization', `Token ${API_TOKEN}`).on('request', record(base));

/** Showpass's public API (`/api/public/…`): only answers requests that carry no token at all. */
export const showpassPublic = (base = BASE_URL) =>
	nock(base, { badheaders: ['authorization'] }).on('request', record(base));

/**
 * Starts each test with no request sent. That each test uses every Showpass answer it set up, that
 * its requests have all closed when it ends and that nothing reaches the network is checked for
 * every unit test (test/unit/isolation.ts).
 */
export function usesShowpassOnly() {
	beforeEach(() => {
		sent = [];
	});
}

/** A resource locator's stored value, as the editor saves it. */
export const locator = (mode: 'list' | 'id' | 'url', value: string) => ({
	__rl: true,
	mode,
	value,
});

export interface RunSetup {
	/** The node version the workflow was saved with; 2 (the default version) unless given. */
	typeVersion?: number;
	credentials?: IDataObject;
	items?: IDataObject[];
	/** The node's other settings in the workflow, e.g. `{ onError: 'continueRegularOutput' }`. */
	node?: Omit<Partial<INode>, 'typeVersion'>;
}

function credentialsFor(setup: RunSetup) {
	return { showpassApi: { ...CREDENTIALS.showpassApi, ...setup.credentials } };
}

async function execute(parameters: IDataObject, setup: RunSetup) {
	return await runShowpassNode(parameters as INodeParameters, {
		items: setup.items,
		node: { ...setup.node, typeVersion: setup.typeVersion ?? 2 },
		credentials: credentialsFor(setup),
	});
}

/** Runs Manual Trigger → Showpass node (of `typeVersion`) through n8n's engine. */
export async function run(parameters: IDataObject, setup: RunSetup = {}) {
	const execution = await execute(parameters, setup);
	if (execution.error) throw new Error(`the workflow failed: ${execution.error.message}`);
	return { output: execution.output, json: execution.output.map((item) => item.json), sent };
}

/** n8n's error for a failed node, as the execution carries it (its fields, without the class). */
type NodeError = Pick<
	NodeApiError & NodeOperationError,
	'name' | 'message' | 'description' | 'httpCode' | 'node'
>;

/** The error n8n reports for the execution when the Showpass node fails. */
export async function failure(parameters: IDataObject, setup: RunSetup = {}) {
	const execution = await execute(parameters, setup);
	const error = execution.error as NodeError | undefined;
	if (error === undefined) throw new Error('expected the node to fail');
	expect(error.node.name).toBe('Showpass');
	expect(execution.output).toEqual([]);
	return error;
}

/** `run` and `failure` for workflows saved with node version `typeVersion` (unless a setup gives another). */
export function atVersion(typeVersion: number) {
	return {
		run: (parameters: IDataObject, setup: RunSetup = {}) =>
			run(parameters, { ...setup, typeVersion: setup.typeVersion ?? typeVersion }),
		failure: (parameters: IDataObject, setup: RunSetup = {}) =>
			failure(parameters, { ...setup, typeVersion: setup.typeVersion ?? typeVersion }),
	};
}

type EditorSetup = RunSetup & { parameters?: INodeParameters };

/**
 * A Showpass node in the editor, as n8n's backend loads it to fill a list: on a workflow holding
 * only the node, through n8n-core's `LoadOptionsContext`, with the node's credential and the
 * parameters the editor currently shows.
 */
function editorNode(method: string, setup: EditorSetup) {
	const node = showpassNode(setup.parameters ?? {}, { typeVersion: setup.typeVersion ?? 2 });
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
	});
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(credentialsFor(setup)),
		currentNodeParameters: node.parameters,
		variables: {},
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = new LoadOptionsContext(workflow, node, additionalData, `parameters.${method}`);
	const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	return { context, methods: nodeType.methods };
}

/** Calls a `listSearch` method as n8n's editor backend does for a From List mode. */
export async function searchList(
	method: string,
	filter?: string,
	paginationToken?: string,
	setup: EditorSetup = {},
): Promise<INodeListSearchResult> {
	const { context, methods } = editorNode(method, setup);
	const listSearch = methods?.listSearch?.[method];
	if (listSearch === undefined) throw new Error(`The node has no list method "${method}"`);
	return await listSearch.call(context, filter, paginationToken);
}

/** Calls a `loadOptions` method as n8n's editor backend does to fill an options list. */
export async function loadOptions(
	method: string,
	setup: EditorSetup = {},
): Promise<INodePropertyOptions[]> {
	const { context, methods } = editorNode(method, setup);
	const load = methods?.loadOptions?.[method];
	if (load === undefined) throw new Error(`The node has no loadOptions method "${method}"`);
	return await load.call(context);
}

/** Captures the JSON body of the request it matches, for assertions after the run. */
export function capture() {
	const bodies: IDataObject[] = [];
	return {
		bodies,
		matcher: (body: IDataObject) => {
			bodies.push(body);
			return true;
		},
	};
}

export function page(results: IDataObject[], next: string | null, count = results.length) {
	return { count, next, previous: null, results };
}
