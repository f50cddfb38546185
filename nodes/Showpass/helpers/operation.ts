import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

/** What one operation returns for one input item: one record or a list (one output item each). */
export type OperationResult = IDataObject | IDataObject[];

export type OperationHandler = (
	this: IExecuteFunctions,
	itemIndex: number,
) => Promise<OperationResult>;

/** A `listSearch` method that fills a resource locator's From List mode. */
export type ListSearchMethod = (
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult>;

/** A `loadOptions` method that fills an options or multi-options field. */
export type LoadOptionsMethod = (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>;

/** One operation, declared once: its entry in the Operation list, its fields and its handler. */
export interface Operation {
	value: string;
	name: string;
	action: string;
	description: string;
	/** The operation's fields; `defineResource` shows them only for this resource and operation. */
	properties: INodeProperties[];
	execute: OperationHandler;
}

export function defineOperation(operation: Operation): Operation {
	return operation;
}

/** A resource and its operations; the node derives its Resource list and its dispatch from these. */
export interface Resource {
	value: string;
	name: string;
	/** The Operation parameter for this resource followed by every operation's fields. */
	properties: INodeProperties[];
	handlers: Record<string, OperationHandler>;
	/** The list methods this resource's pickers (and other resources' pickers of it) use. */
	listSearch: Record<string, ListSearchMethod>;
	/** The methods that fill option lists of this resource's records (e.g. an event's ticket types). */
	loadOptions: Record<string, LoadOptionsMethod>;
}

export function defineResource(resource: {
	value: string;
	name: string;
	defaultOperation: string;
	operations: Operation[];
	listSearch?: Record<string, ListSearchMethod>;
	loadOptions?: Record<string, LoadOptionsMethod>;
}): Resource {
	const operations = [...resource.operations].sort((a, b) => a.name.localeCompare(b.name));
	const options: INodePropertyOptions[] = operations.map(
		({ name, value, action, description }) => ({
			name,
			value,
			action,
			description,
		}),
	);
	const { defaultOperation } = resource;
	const operationParameter: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options,
		default: defaultOperation,
	};
	return {
		value: resource.value,
		name: resource.name,
		properties: [
			operationParameter,
			...operations.flatMap((operation) =>
				forOperation(resource.value, operation.value, operation.properties),
			),
		],
		handlers: Object.fromEntries(
			operations.map((operation) => [operation.value, operation.execute]),
		),
		listSearch: resource.listSearch ?? {},
		loadOptions: resource.loadOptions ?? {},
	};
}

/** Shows `properties` only for this resource and operation. */
export function forOperation(
	resource: string,
	operation: string,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, resource: [resource], operation: [operation] },
		},
	}));
}

/** The record a delete answers with, since Showpass answers 204 with no body. */
export function deletedRecord(id: number | string): IDataObject {
	return { id, deleted: true };
}
