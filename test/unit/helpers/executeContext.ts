import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';

import { ShowpassApi } from '../../../credentials/ShowpassApi.credentials';

export const TOKEN = 'sp-token-abc123';
export const ORGANIZATION_ID = '1234';
export const BASE_URL = 'https://www.showpass.com';
export const ORG_PATH = `/api/venue/${ORGANIZATION_ID}`;

export interface ExecuteSetup {
	parameters: IDataObject;
	credentials?: IDataObject;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
}

export interface SentRequest {
	method: string;
	url: string;
}

const NODE: INode = {
	id: 'showpass-node',
	name: 'Showpass',
	type: 'n8n-nodes-showpass.showpass',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** Applies the credential's own `authenticate` definition, as n8n does, to a request's headers. */
function authenticationHeaders(credentials: IDataObject): Record<string, string> {
	const headers = new ShowpassApi().authenticate.properties.headers as Record<string, string>;
	const resolved: Record<string, string> = {};
	for (const [name, expression] of Object.entries(headers)) {
		resolved[name] = expression
			.replace(/^=/, '')
			.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_, field: string) => String(credentials[field]));
	}
	return resolved;
}

/**
 * Real HTTP (intercepted by nock at the socket boundary) for the subset of n8n's request options
 * the Showpass node uses: method, url, qs, json body, returnFullResponse, ignoreHttpStatusErrors.
 */
async function httpRequest(credentials: IDataObject, options: IHttpRequestOptions, sent: SentRequest[]) {
	const url = new URL(options.url);
	for (const [key, value] of Object.entries(options.qs ?? {})) url.searchParams.set(key, String(value));
	const headers: Record<string, string> = { accept: 'application/json', ...authenticationHeaders(credentials) };
	let body: string | undefined;
	if (options.body !== undefined) {
		body = JSON.stringify(options.body);
		headers['content-type'] = 'application/json';
	}
	const method = options.method ?? 'GET';
	sent.push({ method, url: url.toString() });
	const response = await fetch(url, { method, headers, body });
	const text = await response.text();
	let parsed: unknown = text;
	try {
		parsed = text === '' ? '' : JSON.parse(text);
	} catch {
		parsed = text;
	}
	if (response.status >= 400 && !options.ignoreHttpStatusErrors) {
		throw Object.assign(new Error(`Request failed with status code ${response.status}`), {
			httpCode: String(response.status),
		});
	}
	if (!options.returnFullResponse) return parsed;
	return {
		body: parsed,
		headers: Object.fromEntries(response.headers.entries()),
		statusCode: response.status,
		statusMessage: response.statusText,
	};
}

/** An execute context that stands in for n8n at the node boundary; HTTP itself is real. */
export function executeContext(setup: ExecuteSetup) {
	const credentials: IDataObject = {
		apiToken: TOKEN,
		organizationId: ORGANIZATION_ID,
		environment: 'production',
		baseUrl: '',
		...setup.credentials,
	};
	const items = setup.items ?? [{ json: {} }];
	const sent: SentRequest[] = [];

	const context = {
		getInputData: () => items,
		getNode: () => NODE,
		continueOnFail: () => setup.continueOnFail ?? false,
		getCredentials: async (type: string) => {
			if (type !== 'showpassApi') throw new Error(`unexpected credential type ${type}`);
			return credentials;
		},
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
			// `perItem:<name>` holds one value per input item, as an expression would resolve.
			const perItem = setup.parameters[`perItem:${name}`];
			const value = Array.isArray(perItem) ? perItem[itemIndex] : setup.parameters[name];
			if (value !== undefined) return value;
			if (fallback !== undefined) return fallback;
			throw new Error(`Could not get parameter "${name}"`);
		},
		helpers: {
			httpRequestWithAuthentication: async (type: string, options: IHttpRequestOptions) => {
				if (type !== 'showpassApi') throw new Error(`unexpected credential type ${type}`);
				return await httpRequest(credentials, options, sent);
			},
		},
	};
	return { context: context as unknown as IExecuteFunctions, sent };
}
