import type { IConnections, IDataObject, INode, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { PACKAGE_NAME } from './package';
import type { WorkflowJson } from './run';

/** Stored credential data the Showpass nodes use in these tests. */
export const API_TOKEN = 'sp-token-abc123';
export const ORGANIZATION_ID = '1234';
export const WEBHOOK_SECRET = 'sp-current-secret-0123456789';

export const CREDENTIALS = {
	showpassApi: { apiToken: API_TOKEN, organizationId: ORGANIZATION_ID, environment: 'production' },
	showpassWebhookApi: { secretKey: WEBHOOK_SECRET },
};

let nodeIds = 0;

/** A node as it sits in workflow JSON; credentials point at a stored credential of each type. */
export function node(
	name: string,
	type: string,
	parameters: INodeParameters,
	extra: Partial<INode> & { credentialTypes?: string[] } = {},
): INode {
	const { credentialTypes = [], ...rest } = extra;
	return {
		id: `node-${++nodeIds}`,
		name,
		type,
		typeVersion: 1,
		position: [nodeIds * 220, 0],
		parameters,
		...(credentialTypes.length > 0 && {
			credentials: Object.fromEntries(
				credentialTypes.map((credentialType) => [credentialType, { id: `${credentialType}-1`, name: credentialType }]),
			),
		}),
		...rest,
	};
}

/** The Showpass node with `parameters` (expressions as `={{ … }}`, as n8n stores them). */
export function showpassNode(parameters: INodeParameters, extra: Partial<INode> = {}): INode {
	return node('Showpass', `${PACKAGE_NAME}.showpass`, parameters, { credentialTypes: ['showpassApi'], ...extra });
}

/** The Showpass Trigger with `parameters`. */
export function showpassTrigger(parameters: INodeParameters = {}, extra: Partial<INode> = {}): INode {
	return node('Showpass Trigger', `${PACKAGE_NAME}.showpassTrigger`, parameters, {
		credentialTypes: ['showpassWebhookApi'],
		webhookId: 'showpass-trigger-webhook',
		...extra,
	});
}

/** n8n's Manual Trigger; give it items through pinned data (`pinned('Start', …)`). */
export function manualTrigger(name = 'Start'): INode {
	return node(name, 'n8n-nodes-base.manualTrigger', {});
}

/** Connects `nodes` one after the other on their first main output. */
export function chain(...nodes: INode[]): WorkflowJson {
	const connections: IConnections = {};
	nodes.slice(1).forEach((next, index) => {
		connections[nodes[index].name] = { main: [[{ node: next.name, type: 'main', index: 0 }]] };
	});
	return { nodes, connections };
}

/** Pinned data for one node: these items instead of running it. */
export function pinned(nodeName: string, items: IDataObject[]): Record<string, INodeExecutionData[]> {
	return { [nodeName]: items.map((json) => ({ json })) };
}
