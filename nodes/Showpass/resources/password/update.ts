import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { pathSegment } from '../../helpers/connection';
import { recordIdOf } from '../../helpers/locator';
import { defineOperation, type OperationResult } from '../../helpers/operation';
import { showpassJson } from '../../helpers/transport';
import {
	passwordAddress,
	passwordField,
	passwordSettings,
	PASSWORDS_PATH,
	scopeBody,
	scopeOptions,
	settingsBody,
	ticketTypeIdField,
	ticketTypeIdsField,
	type PasswordScope,
} from './fields';

const SCOPE_FIELDS = ['ticketTypeId', 'eventId', 'ticketTypeIds'];

const properties: INodeProperties[] = [
	...passwordAddress.idFields,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: (
			[
				...passwordSettings,
				{
					displayName: 'Event ID',
					name: 'eventId',
					type: 'string',
					default: '',
					placeholder: '98765',
					description: 'The event the code unlocks, for the scopes Event and Event Ticket Types',
				},
				passwordField,
				{
					displayName: 'Scope',
					name: 'scope',
					type: 'options',
					default: 'ticketType',
					options: scopeOptions,
					description:
						'What the code unlocks. Add the IDs the scope needs: Ticket Type ID, or Event ID (and Ticket Type IDs).',
				},
				{
					...ticketTypeIdField,
					description: 'The ticket type the code unlocks, for the scope Ticket Type',
				},
				{
					...ticketTypeIdsField,
					description:
						'The ticket types the code unlocks, for the scope Event Ticket Types (comma-separated IDs)',
				},
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

/** PUT with only the fields set; a change of scope sends `ticket_type` or `event_id`, never both. */
async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const passwordId = pathSegment(recordIdOf(this, 'passwordId', itemIndex), 'Password ID');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	let body: IDataObject;
	try {
		const scope = fields.scope as PasswordScope | undefined;
		if (scope === undefined && SCOPE_FIELDS.some((field) => String(fields[field] ?? '') !== '')) {
			throw new Error(
				'Add Scope under Update Fields to change what the code unlocks (Ticket Type ID, Event ID and Ticket Type IDs go with it)',
			);
		}
		body = { ...settingsBody(fields), ...(scope === undefined ? {} : scopeBody(scope, fields)) };
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex });
	}
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Add at least one field under Update Fields', {
			itemIndex,
		});
	}
	return await showpassJson.call(
		this,
		{ method: 'PUT', path: `${PASSWORDS_PATH}${passwordId}/`, body },
		itemIndex,
	);
}

export const operation = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a password',
	description: 'Change a code, its scope, its time window, its limit, or retire it',
	properties,
	execute,
});
