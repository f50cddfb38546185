import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { recordIdOf, versionedIdField } from '../../helpers/locator';
import { defineOperation, type OperationResult } from '../../helpers/operation';
import { showpassJson } from '../../helpers/transport';
import { eventNumericIdLocator } from '../event/fields';
import {
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

const EVENT_SCOPES = ['event', 'eventTicketTypes'];

const properties: INodeProperties[] = [
	{ ...passwordField, required: true },
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		default: 'ticketType',
		options: scopeOptions,
		description: 'What the code unlocks',
	},
	{ ...ticketTypeIdField, required: true, displayOptions: { show: { scope: ['ticketType'] } } },
	...versionedIdField(
		{
			displayName: 'Event ID',
			name: 'eventId',
			type: 'string',
			required: true,
			default: '',
			placeholder: '98765',
			description: 'The event the code unlocks (its numeric ID)',
			displayOptions: { show: { scope: EVENT_SCOPES } },
		},
		eventNumericIdLocator,
	),
	{
		...ticketTypeIdsField,
		required: true,
		displayOptions: { show: { scope: ['eventTicketTypes'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: passwordSettings.map((field) =>
			field.name === 'startTime'
				? {
						...field,
						hint: 'Empty means now. Showpass saves a code without a start time, or with a future one, but it unlocks nothing until then.',
					}
				: field,
		),
	},
];

/** Output: the password as Showpass answers it (`id`, `password`, `ticket_type`, `ticket_type_ids`, …). */
async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const scope = this.getNodeParameter('scope', itemIndex) as PasswordScope;
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	let body: IDataObject;
	try {
		body = {
			...settingsBody({
				password: this.getNodeParameter('password', itemIndex),
				...additional,
			}),
			...scopeBody(scope, {
				ticketTypeId:
					scope === 'ticketType' ? this.getNodeParameter('ticketTypeId', itemIndex) : '',
				eventId: EVENT_SCOPES.includes(scope) ? recordIdOf(this, 'eventId', itemIndex) : '',
				ticketTypeIds:
					scope === 'eventTicketTypes' ? this.getNodeParameter('ticketTypeIds', itemIndex) : '',
			}),
		};
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex });
	}
	// A code without a start time saves but unlocks nothing, so it starts now unless told otherwise.
	body.start_time ??= new Date().toISOString();
	return await showpassJson.call(this, { method: 'POST', path: PASSWORDS_PATH, body }, itemIndex);
}

export const operation = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a password',
	description:
		'Create an access code for a ticket type, an event, or selected ticket types of an event',
	properties,
	execute,
});
