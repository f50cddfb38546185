import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { pathSegment } from '../../shared/connection';
import { forOperation, type OperationResult } from '../../shared/operation';
import { organizationIdOf, showpassJson } from '../../shared/transport';
import {
	basketItemsField,
	linkSettings,
	QUICK_PURCHASE,
	trackingLinkBody,
	trackingLinkIdField,
} from './fields';

export const properties = forOperation('trackingLink', 'update', [
	{
		displayName: 'Showpass only lets Quick Purchase links be changed; other link types answer "405 Method Not Allowed".',
		name: 'updateNotice',
		type: 'notice',
		default: '',
	},
	trackingLinkIdField,
	basketItemsField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: linkSettings,
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const linkId = pathSegment(this.getNodeParameter('trackingLinkId', itemIndex), 'Tracking Link ID');
	const body = trackingLinkBody(
		await organizationIdOf(this, itemIndex),
		QUICK_PURCHASE,
		this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
		this.getNodeParameter('basketItems', itemIndex, {}) as IDataObject,
	);
	return await showpassJson.call(
		this,
		{ method: 'PUT', path: `/analytics/tracking/links/${linkId}/`, body },
		itemIndex,
	);
}
