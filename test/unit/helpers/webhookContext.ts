import { createHmac } from 'crypto';
import type { IDataObject, IWebhookFunctions, WorkflowExecuteMode } from 'n8n-workflow';

import purchase from '../../fixtures/invoice.purchase.json';

export const SECRET = 'sp-current-secret-0123456789';
export const PREVIOUS_SECRET = 'sp-previous-secret-9876543210';

export function hmac(secret: string, idText: string): string {
	return createHmac('sha1', secret).update(idText, 'utf8').digest('hex');
}

export function purchaseDelivery(overrides: IDataObject = {}): IDataObject {
	return { ...(JSON.parse(JSON.stringify(purchase)) as IDataObject), ...overrides };
}

export interface FakeRequest {
	body?: unknown;
	rawBody?: string | Buffer;
	headers?: Record<string, string | string[]>;
	ip?: string;
	contentType?: string;
}

export interface ContextSetup {
	parameters?: IDataObject;
	credentials?: IDataObject | 'missing';
	mode?: WorkflowExecuteMode;
	staticData?: IDataObject;
	workflowId?: string;
	nodeId?: string;
}

export interface Responded {
	statusCode?: number;
	body?: unknown;
}

/** A webhook context that stands in for n8n at the HTTP boundary, as n8n hands a request to a trigger. */
export function webhookContext(request: FakeRequest, setup: ContextSetup = {}) {
	const parameters: IDataObject = {
		events: ['*'],
		output: 'event',
		options: {},
		...setup.parameters,
	};
	const staticData = setup.staticData ?? {};
	const responded: Responded = {};
	const logs: string[] = [];
	const rawBody =
		request.rawBody !== undefined
			? Buffer.from(request.rawBody)
			: request.body !== undefined
				? Buffer.from(
						typeof request.body === 'string' ? request.body : JSON.stringify(request.body),
					)
				: undefined;
	const headers: Record<string, string | string[]> = {
		'content-type': request.contentType ?? 'application/json',
		...request.headers,
	};
	const response = {
		status(code: number) {
			responded.statusCode = code;
			return response;
		},
		json(body: unknown) {
			responded.body = body;
			return response;
		},
	};
	const log = (level: string) => (message: string) => logs.push(`${level}: ${message}`);
	const context = {
		getRequestObject: () => ({
			body: request.body,
			rawBody,
			headers,
			ip: request.ip ?? '127.0.0.1',
		}),
		getResponseObject: () => response,
		getHeaderData: () => headers,
		getBodyData: () => request.body,
		getMode: () => setup.mode ?? 'webhook',
		getWorkflow: () => ({ id: setup.workflowId ?? 'workflow-1', active: true }),
		getNode: () => ({ id: setup.nodeId ?? 'node-1', name: 'Showpass Trigger' }),
		getWorkflowStaticData: () => staticData,
		getNodeParameter: (name: string, fallback?: unknown) => {
			const value = name
				.split('.')
				.reduce<unknown>((current, key) => (current as IDataObject | undefined)?.[key], parameters);
			return value === undefined ? fallback : value;
		},
		getCredentials: async () => {
			if (setup.credentials === 'missing')
				throw new Error('Node does not have any credentials set');
			return setup.credentials ?? { secretKey: SECRET, previousSecretKey: '' };
		},
		helpers: {
			returnJsonArray: (items: IDataObject[]) => items.map((json) => ({ json })),
		},
		logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
	};
	return { context: context as unknown as IWebhookFunctions, responded, logs, staticData };
}

/** A request signed with `secret` over the delivery's id, as Showpass sends it. */
export function signedRequest(
	delivery: IDataObject,
	secret = SECRET,
	extra: Partial<FakeRequest> = {},
): FakeRequest {
	return {
		body: delivery,
		headers: { 'x-showpass-signature': hmac(secret, String(delivery.id)) },
		...extra,
	};
}
