import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** What one operation returns for one input item: one record or a list (one output item each). */
export type OperationResult = IDataObject | IDataObject[];

export type OperationHandler = (this: IExecuteFunctions, itemIndex: number) => Promise<OperationResult>;

export interface OperationModule {
	properties: INodeProperties[];
	execute: OperationHandler;
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
