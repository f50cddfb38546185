import type { IExecuteFunctions } from 'n8n-workflow';

import { pathSegment } from '../../helpers/connection';
import { recordIdOf, versionedIdField } from '../../helpers/locator';
import { defineOperation, deletedRecord, type OperationResult } from '../../helpers/operation';
import { showpassJson } from '../../helpers/transport';
import { idValue } from '../../helpers/values';
import { eventNumericIdLocator } from '../event/fields';
import { passwordAddress, PASSWORDS_PATH } from './fields';

/** Output: `{ id, deleted: true }`, as every delete of this node. */
async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const passwordId = recordIdOf(this, 'passwordId', itemIndex);
	const eventId = recordIdOf(this, 'eventId', itemIndex, '');
	await showpassJson.call(
		this,
		{
			method: 'DELETE',
			path: `${PASSWORDS_PATH}${pathSegment(passwordId, 'Password ID')}/`,
			qs: eventId === '' ? undefined : { event_id: idValue(eventId) },
		},
		itemIndex,
	);
	return deletedRecord(idValue(passwordId));
}

export const operation = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a password',
	description: 'Remove a code; an event-scoped code needs its event',
	properties: [
		...passwordAddress.idFields,
		...versionedIdField(
			{
				displayName: 'Event ID',
				name: 'eventId',
				type: 'string',
				default: '',
				placeholder: '98765',
				description:
					'For a code scoped to an event: the event, so Showpass removes the right binding (sent as event_id). Leave empty for a ticket-type code.',
			},
			eventNumericIdLocator,
		),
	],
	execute,
});
