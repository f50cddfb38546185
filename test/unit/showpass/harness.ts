import nock from 'nock';
import {
	NodeHelpers,
	type IDataObject,
	type IGetNodeParameterOptions,
	type ILoadOptionsFunctions,
	type INodeParameters,
	type INodeProperties,
} from 'n8n-workflow';

import { Showpass } from '../../../nodes/Showpass/Showpass.node';
import {
	BASE_URL,
	executeContext,
	ORG_PATH,
	TOKEN,
	type ExecuteSetup,
} from '../helpers/executeContext';

export { BASE_URL, ORG_PATH };

const node = new Showpass();

/** Showpass at the HTTP boundary: only answers requests that carry the token the Showpass way. */
export const showpass = (base = BASE_URL) =>
	nock(base).matchHeader('authorization', `Token ${TOKEN}`);

/** A resource locator's stored value, as the editor saves it. */
export const locator = (mode: 'list' | 'id' | 'url', value: string) => ({
	__rl: true,
	mode,
	value,
});

export interface RunSetup extends Partial<Omit<ExecuteSetup, 'parameters'>> {
	/** The node version the workflow was saved with; 2 (the default version) unless given. */
	typeVersion?: number;
}

/**
 * n8n's `extractValue` for a resource locator: the value of the mode chosen, through the mode's
 * extraction regex when it has one (as n8n-core's `extractValue` does), found by the node's
 * description for this version and these parameters.
 */
function extractValue(value: unknown, name: string, parameters: IDataObject, typeVersion: number) {
	if (value === null || typeof value !== 'object' || !('__rl' in value)) return value;
	const { mode, value: chosen } = value as unknown as { mode: string; value: unknown };
	const property = NodeHelpers.findDisplayedProperty(
		name,
		node.description.properties,
		parameters as INodeParameters,
		{ typeVersion },
		node.description,
	) as INodeProperties | undefined;
	if (property?.type !== 'resourceLocator') {
		throw new Error(`"${name}" is not a resource locator in version ${typeVersion}`);
	}
	const modeProperty = property.modes?.find((candidate) => candidate.name === mode);
	if (modeProperty?.extractValue === undefined) return chosen;
	const match = new RegExp(String(modeProperty.extractValue.regex)).exec(String(chosen));
	if (match === null) throw new Error(`${property.displayName} parameter's value is invalid`);
	return match[1];
}

/** The execute context of the unit suite, for a node of `typeVersion`, resolving locators as n8n does. */
function contextFor(parameters: IDataObject, setup: RunSetup) {
	const typeVersion = setup.typeVersion ?? 2;
	const { context, sent } = executeContext({ parameters, ...setup });
	const getNodeParameter = context.getNodeParameter.bind(context) as (
		name: string,
		itemIndex: number,
		fallback?: unknown,
	) => unknown;
	const versioned = {
		...context,
		getNode: () => ({ ...context.getNode(), typeVersion }),
		getNodeParameter: (
			name: string,
			itemIndex: number,
			fallback?: unknown,
			options?: IGetNodeParameterOptions,
		) => {
			const value = getNodeParameter(name, itemIndex, fallback);
			return options?.extractValue ? extractValue(value, name, parameters, typeVersion) : value;
		},
	};
	return { context: versioned as unknown as typeof context, sent };
}

export async function run(parameters: IDataObject, setup: RunSetup = {}) {
	const { context, sent } = contextFor(parameters, setup);
	const [output] = await node.execute.call(context);
	return { output, json: output.map((item) => item.json), sent };
}

export async function failure(parameters: IDataObject, setup: RunSetup = {}) {
	const error = await run(parameters, setup).then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	if (error === undefined) throw new Error('expected the node to fail');
	return error as Error & { description?: string; httpCode?: string };
}

/** The context n8n gives a `listSearch` method while the editor fills a From List mode. */
export function listSearchContext(credentials: IDataObject = {}) {
	const { context, sent } = executeContext({ parameters: {}, credentials });
	return { context: context as unknown as ILoadOptionsFunctions, sent };
}

export const listSearch = node.methods.listSearch;

/** Each test must use every Showpass answer it set up, and nothing may reach the network. */
export function usesShowpassOnly() {
	beforeAll(() => nock.disableNetConnect());
	afterEach(() => {
		const pending = nock.pendingMocks();
		nock.cleanAll();
		expect(pending).toEqual([]);
	});
	afterAll(() => nock.enableNetConnect());
}

export function page(results: IDataObject[], next: string | null, count = results.length) {
	return { count, next, previous: null, results };
}
