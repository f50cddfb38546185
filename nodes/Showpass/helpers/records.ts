import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pathSegment } from './connection';
import { limitOf, queryFrom, returnAllAndLimit } from './descriptions';
import { recordIdOf } from './locator';
import { deletedRecord, type OperationHandler } from './operation';
import { showpassJson, showpassList } from './transport';
import { idValue } from './values';

/** An operation's fields and handler, for `defineOperation` to complete with its option. */
export interface OperationParts {
	properties: INodeProperties[];
	execute: OperationHandler;
}

export interface RecordAddress {
	/** Collection path below the organization, with slashes, e.g. `/financials/discounts/`. */
	collectionPath: string;
	/** The parameter that holds the record's id. */
	idName: string;
	/** What the id is called in messages, e.g. "Discount ID". */
	idLabel: string;
	/** The field(s) shown for the id (one per node version when it has a picker). */
	idFields: INodeProperties[];
}

function recordPath(
	context: IExecuteFunctions,
	address: RecordAddress,
	itemIndex: number,
): { id: string; path: string } {
	const id = recordIdOf(context, address.idName, itemIndex);
	return { id, path: `${address.collectionPath}${pathSegment(id, address.idLabel)}/` };
}

/** Get: `GET {collection}{id}/`. */
export function getOperation(address: RecordAddress): OperationParts {
	return {
		properties: address.idFields,
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const { path } = recordPath(this, address, itemIndex);
			return await showpassJson.call(this, { method: 'GET', path }, itemIndex);
		},
	};
}

/** Delete: `DELETE {collection}{id}/`; Showpass answers 204, the node outputs `{id, deleted: true}`. */
export function deleteOperation(address: RecordAddress): OperationParts {
	return {
		properties: address.idFields,
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const { id, path } = recordPath(this, address, itemIndex);
			await showpassJson.call(this, { method: 'DELETE', path }, itemIndex);
			return deletedRecord(idValue(id));
		},
	};
}

/** Get Many: Return All / Limit plus a Filters collection whose fields map to query parameters. */
export function getManyOperation(
	collectionPath: string,
	filters: INodeProperties[],
	queryNames: Record<string, string>,
): OperationParts {
	const filterFields: INodeProperties[] =
		filters.length === 0
			? []
			: [
					{
						displayName: 'Filters',
						name: 'filters',
						type: 'collection',
						placeholder: 'Add Filter',
						default: {},
						options: filters,
					},
				];
	return {
		properties: [...returnAllAndLimit(), ...filterFields],
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
