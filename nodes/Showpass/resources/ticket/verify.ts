import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation, type OperationResult } from '../../helpers/operation';
import { idList } from '../../helpers/values';
import { codeField } from './fields';
import { codeOf, MOST_PERMITTED_IDS_IN_QUERY, verifyTicketCode } from './verification';

export const operation = defineOperation({
	value: 'verify',
	name: 'Verify',
	action: 'Verify a ticket by barcode',
	description:
		'Find the ticket a scanned barcode or code belongs to, with its status, event and type (nothing is recorded)',
	properties: [
		{
			...codeField,
			hint: 'A code Showpass does not know or does not permit gives an item with "found": false and Showpass\'s reason, not an error',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Permitted Ticket Type IDs',
					name: 'permittedTicketTypeIds',
					type: 'string',
					default: '',
					placeholder: '3001,3002',
					description:
						'Only tickets of these ticket types count as found (comma-separated IDs), e.g. the types one door admits',
					hint: `More than ${MOST_PERMITTED_IDS_IN_QUERY} IDs are sent in a POST body, as Showpass advises for long lists`,
				},
			],
		},
	],
	/**
	 * Output: the ticket as Showpass returns it plus `found: true`, or
	 * `{ found: false, code, message }` for a code Showpass does not find or permit.
	 */
	async execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const verification = await verifyTicketCode(
			this,
			codeOf(this, itemIndex),
			idList(options.permittedTicketTypeIds),
			itemIndex,
		);
		return verification.found ? { ...verification.ticket, found: true } : verification;
	},
});
