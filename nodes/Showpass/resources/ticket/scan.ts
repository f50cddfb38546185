import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { pathSegment } from '../../shared/connection';
import { forOperation, type OperationResult } from '../../shared/operation';
import { showpassJson } from '../../shared/transport';
import { idValue } from '../../shared/values';
import { ticketIdField } from './shared';

export const DEFAULT_SCANNER_DEVICE = 'web_app';

export const properties = forOperation('ticket', 'scan', [
	ticketIdField,
	{
		displayName: 'Action',
		name: 'scanAction',
		type: 'options',
		default: 'pickup',
		options: [
			{
				name: 'Check In (Pickup)',
				value: 'pickup',
				description: 'Mark the ticket as used, as a door scan does',
			},
			{
				name: 'Undo Check-In (Return)',
				value: 'return',
				description: 'Make a scanned ticket usable again',
			},
			{
				name: 'Void',
				value: 'void',
				description: 'Invalidate an unused ticket for good; it cannot be undone',
			},
		],
		description: 'What to record in the ticket\'s scan history',
	},
	{
		displayName: 'Barcode',
		name: 'barcode',
		type: 'string',
		default: '',
		description:
			'The ticket\'s barcode, which Showpass requires for a check-in. Leave empty to look it up from the ticket first.',
		displayOptions: { show: { scanAction: ['pickup'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { scanAction: ['pickup'] } },
		options: [
			{
				displayName: 'Barcode Type',
				name: 'barcodeType',
				type: 'string',
				default: 'static',
				description: 'How the barcode was read, e.g. "static"',
			},
			{
				displayName: 'Scanner Device',
				name: 'scannerDevice',
				type: 'string',
				default: DEFAULT_SCANNER_DEVICE,
				description: 'The device name Showpass records for the check-in',
			},
		],
	},
]);

/** Records a pickup, return or void through Showpass's scan-history endpoint. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const ticketId = String(this.getNodeParameter('ticketId', itemIndex) ?? '').trim();
	const ticketPath = `/tickets/items/${pathSegment(ticketId, 'Ticket ID')}/`;
	const action = this.getNodeParameter('scanAction', itemIndex) as 'pickup' | 'return' | 'void';
	const body: IDataObject = { item: idValue(ticketId), action };

	if (action === 'pickup') {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		let barcode = String(this.getNodeParameter('barcode', itemIndex, '') ?? '').trim();
		if (barcode === '') {
			const ticket = await showpassJson.call(
				this,
				{ method: 'GET', path: ticketPath },
				itemIndex,
			);
			barcode = String(ticket.barcode_string ?? '');
		}
		body.scanner_device = String(options.scannerDevice ?? DEFAULT_SCANNER_DEVICE);
		body.barcode_string = barcode;
		if (options.barcodeType !== undefined && options.barcodeType !== '')
			body.barcode_type = String(options.barcodeType);
	}

	return await showpassJson.call(
		this,
		{ method: 'POST', path: '/tickets/items/histories/', body },
		itemIndex,
	);
}
