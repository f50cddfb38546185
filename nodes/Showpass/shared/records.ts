import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pathSegment } from './connection';
import { limitOf, queryFrom, returnAllAndLimit } from './descriptions';
import { deletedRecord, forOperation, type OperationModule } from './operation';
import { showpassJson, showpassList } from './transport';
import { idValue } from './values';

export interface RecordAddress {
	resource: string;
	/** Collection path below the organization, with slashes, e.g. `/financials/discounts/`. */
	collectionPath: string;
	/** The parameter that holds the record's id, and the field shown for it in the editor. */
	idField: INodeProperties;
}

function recordPath(
	context: IExecuteFunctions,
	address: RecordAddress,
	itemIndex: number,
): { id: string; path: string } {
	const id = String(context.getNodeParameter(address.idField.name, itemIndex) ?? '').trim();
	return {
		id,
		path: `${address.collectionPath}${pathSegment(id, address.idField.displayName)}/`,
	};
}

/** Get: `GET {collection}{id}/`. */
export function getOperation(address: RecordAddress): OperationModule {
	return {
		properties: forOperation(address.resource, 'get', [address.idField]),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const { path } = recordPath(this, address, itemIndex);
			return await showpassJson.call(this, { method: 'GET', path }, itemIndex);
		},
	};
}

/** Delete: `DELETE {collection}{id}/`; Showpass answers 204, the node outputs `{id, deleted: true}`. */
export function deleteOperation(address: RecordAddress): OperationModule {
	return {
		properties: forOperation(address.resource, 'delete', [address.idField]),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const { id, path } = recordPath(this, address, itemIndex);
			await showpassJson.call(this, { method: 'DELETE', path }, itemIndex);
			return deletedRecord(idValue(id));
		},
	};
}

/** Get Many: Return All / Limit plus a Filters collection whose fields map to query parameters. */
export function getManyOperation(
	resource: string,
	collectionPath: string,
	filters: INodeProperties[],
	queryNames: Record<string, string>,
): OperationModule {
	return {
		properties: [
			...returnAllAndLimit(resource),
			...forOperation(resource, 'getAll', [
				{
					displayName: 'Filters',
					name: 'filters',
					type: 'collection',
					placeholder: 'Add Filter',
					default: {},
					options: filters,
				},
			]),
		],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const values = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
			return await showpassList.call(
				this,
				collectionPath,
				queryFrom(values, queryNames),
				limitOf(this, itemIndex),
				itemIndex,
			);
		},
	};
}
