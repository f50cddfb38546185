import { join } from 'path';
import {
	NodeHelpers,
	type ICredentialType,
	type INodeType,
	type INodeTypes,
	type IVersionedNodeType,
} from 'n8n-workflow';

import packageJson from '../../../package.json';

const ROOT = join(__dirname, '..', '..', '..');

/** The package name is the node-type prefix n8n gives community nodes: `n8n-nodes-showpass.showpass`. */
export const PACKAGE_NAME = packageJson.name;

/**
 * The TypeScript source of a built file that package.json lists under `n8n`
 * (`dist/nodes/Showpass/Showpass.node.js` → `nodes/Showpass/Showpass.node.ts`), so the tests
 * run what a contributor edits and no build is needed.
 */
function sourceOf(distPath: string): string {
	return join(ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
}

/** Every class a module exports that can be constructed without arguments. */
function instancesIn<T>(distPath: string): T[] {
	const exported = require(sourceOf(distPath)) as Record<string, unknown>;
	return Object.values(exported)
		.filter((value): value is new () => T => typeof value === 'function')
		.map((Class) => new Class());
}

/** This package's nodes, keyed by the type name a workflow uses. */
export const PACKAGE_NODES: Record<string, INodeType | IVersionedNodeType> = Object.fromEntries(
	packageJson.n8n.nodes.flatMap((path) =>
		instancesIn<INodeType | IVersionedNodeType>(path).map((node) => [
			`${PACKAGE_NAME}.${node.description.name}`,
			node,
		]),
	),
);

/** This package's credential types, keyed by their name. */
export const PACKAGE_CREDENTIALS: Record<string, ICredentialType> = Object.fromEntries(
	packageJson.n8n.credentials.flatMap((path) =>
		instancesIn<ICredentialType>(path).map((credential) => [credential.name, credential]),
	),
);

/**
 * n8n's Manual Trigger, by description only. n8n-nodes-base is not a dependency (it pulls in
 * hundreds of packages); a workflow starts from it with pinned items, as in the editor, so n8n
 * never runs its code and `execute` here only passes items on.
 */
const manualTrigger: INodeType = {
	description: {
		displayName: 'When clicking ‘Execute workflow’',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Runs the flow on clicking a button in n8n',
		defaults: { name: 'When clicking ‘Execute workflow’' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	},
	async execute() {
		return [this.getInputData()];
	},
};

const KNOWN_NODES: Record<string, INodeType | IVersionedNodeType> = {
	...PACKAGE_NODES,
	'n8n-nodes-base.manualTrigger': manualTrigger,
};

/**
 * The node types a workflow can use here: this package's, and the Manual Trigger. Like n8n, an
 * unknown type is `undefined`, which n8n tolerates for disabled nodes (third-party service nodes
 * in the examples) and reports as an issue for any node that would run.
 */
export const nodeTypes: INodeTypes = {
	getByName: (type) => KNOWN_NODES[type],
	getByNameAndVersion: (type, version) => {
		const node = KNOWN_NODES[type];
		return (node === undefined ? undefined : NodeHelpers.getVersionedNodeType(node, version)) as INodeType;
	},
	getKnownTypes: () => ({}),
};
