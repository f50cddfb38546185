import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { showpassMessageOf } from '../../helpers/errors';
import { showpassRequest } from '../../helpers/transport';

export const VERIFY_PATH = '/tickets/items/scan/';

/**
 * Up to this many permitted ticket type IDs go in the query string; more are POSTed in a JSON body,
 * as Showpass's docs advise for long lists (ten IDs keep the address well under 200 characters).
 */
export const MOST_PERMITTED_IDS_IN_QUERY = 10;

/**
 * Showpass's docs do not say how the verification endpoint answers a code it does not know or
 * does not permit. Both likely answers, 404 and 400, are read as "no such ticket here": at a door
 * that is an answer to branch on, not a failure. 401, 403, 5xx and network errors still fail.
 */
export const NOT_FOUND_STATUSES = [400, 404];

export interface TicketFound {
	found: true;
	ticket: IDataObject;
}

/** The item Verify (and Scan by barcode) outputs for a code Showpass does not find or permit. */
export interface TicketNotFound extends IDataObject {
	found: false;
	code: string;
	message: string;
}

/** The scanned barcode or code (parameter `code`), which must not be empty. */
export function codeOf(context: IExecuteFunctions, itemIndex: number): string {
	const code = String(context.getNodeParameter('code', itemIndex) ?? '').trim();
	if (code === '') {
		throw new NodeOperationError(context.getNode(), 'Barcode or Code is empty', { itemIndex });
	}
	return code;
}

/** Asks Showpass which ticket a barcode or code belongs to (`tickets/items/scan/`). */
export async function verifyTicketCode(
	context: IExecuteFunctions,
	code: string,
	permittedTypeIds: Array<number | string>,
	itemIndex: number,
): Promise<TicketFound | TicketNotFound> {
	const permitted = permittedTypeIds.join(',');
	const usesBody = permittedTypeIds.length > MOST_PERMITTED_IDS_IN_QUERY;
	const withPermitted = permittedTypeIds.length > 0 ? { permittedTypeIDs: permitted } : {};
	const response = await showpassRequest.call(
		context,
		usesBody
			? {
					method: 'POST',
					path: VERIFY_PATH,
					body: { code, ...withPermitted },
					answerStatuses: NOT_FOUND_STATUSES,
				}
			: {
					method: 'GET',
					path: VERIFY_PATH,
					qs: { code, ...withPermitted },
					answerStatuses: NOT_FOUND_STATUSES,
				},
		itemIndex,
	);
	if (NOT_FOUND_STATUSES.includes(response.statusCode)) {
		const reason = showpassMessageOf(response.body);
		return {
			found: false,
			code,
			message:
				reason === '' ? `Showpass found no ticket for this code (${response.statusCode})` : reason,
		};
	}
	const ticket = response.body as IDataObject | null;
	if (ticket === null || typeof ticket !== 'object' || Array.isArray(ticket) || ticket.id == null) {
		return { found: false, code, message: 'Showpass answered without a ticket for this code' };
	}
	return { found: true, ticket };
}
