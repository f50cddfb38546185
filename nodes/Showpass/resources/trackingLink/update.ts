import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pathSegment } from '../../helpers/connection';
import { recordIdOf } from '../../helpers/locator';
import { defineOperation, type OperationResult } from '../../helpers/operation';
import { organizationIdOf, showpassJson } from '../../helpers/transport';
import {
	basketItemsField,
	linkSettings,
	QUICK_PURCHASE,
	TRACKING_LINKS_PATH,
	trackingLinkAddress,
	trackingLinkBody,
} from './fields';

const properties: INodeProperties[] = [
	{
		displayName:
			'Showpass only lets Quick Purchase links be changed; other link types answer "405 Method Not Allowed".',
		name: 'updateNotice',
		type: 'notice',
		default: '',
	},
	...trackingLinkAddress.idFields,
	basketItemsField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: linkSettings,
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const linkId = pathSegment(recordIdOf(this, 'trackingLinkId', itemIndex), 'Tracking Link ID');
	const body = trackingLinkBody(
		await organizationIdOf(this, itemIndex),
		QUICK_PURCHASE,
		this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
		this.getNodeParameter('basketItems', itemIndex, {}) as IDataObject,
	);
	return await showpassJson.call(
		this,
		{ method: 'PUT', path: `${TRACKING_LINKS_PATH}${linkId}/`, body },
		itemIndex,
	);
}

export const operation = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a tracking link',
	description: 'Change a Quick Purchase link',
	properties,
	execute,
});
