import type { INodeProperties } from 'n8n-workflow';

import type { ListSearchMethod, LoadOptionsMethod, OperationHandler, Resource } from './operation';

/** The Resource parameter, listing `resources` by name. */
export function resourceParameter(resources: Resource[], defaultResource: string): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [...resources]
			.sort((a, b) => a.name.localeCompare(b.name))
			.map(({ name, value }) => ({ name, value })),
		default: defaultResource,
	};
}

/** The handler of a resource's operation, or undefined when the pair does not exist. */
export function routerOf(
	resources: Resource[],
): (resource: string, operation: string) => OperationHandler | undefined {
	const handlers = new Map(
		resources.flatMap((resource) =>
			Object.entries(resource.handlers).map(
				([operation, handler]) => [`${resource.value}:${operation}`, handler] as const,
			),
		),
	);
	return (resource, operation) => handlers.get(`${resource}:${operation}`);
}

/** Every resource's list methods, as the node's `methods.listSearch`. */
export function listSearchOf(resources: Resource[]): Record<string, ListSearchMethod> {
	return Object.assign({}, ...resources.map((resource) => resource.listSearch));
}

/** Every resource's option-list methods, as the node's `methods.loadOptions`. */
export function loadOptionsOf(resources: Resource[]): Record<string, LoadOptionsMethod> {
	return Object.assign({}, ...resources.map((resource) => resource.loadOptions));
}
