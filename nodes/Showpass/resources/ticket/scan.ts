import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { pathSegment } from '../../helpers/connection';
import { defineOperation, type OperationResult } from '../../helpers/operation';
import { showpassJson } from '../../helpers/transport';
import { idValue } from '../../helpers/values';
import { codeField, ticketIdField } from './fields';
import { codeOf, verifyTicketCode } from './verification';

const DEFAULT_SCANNER_DEVICE = 'web_app';

type ScanAction = 'pickup' | 'return' | 'void';

/** Records `action` on ticket `item` in Showpass's scan history; a pickup also carries the barcode. */
async function recordScan(
	context: IExecuteFunctions,
	item: number | string,
	action: ScanAction,
	barcode: string,
	itemIndex: number,
): Promise<IDataObject> {
	const body: IDataObject = { item, action };
	if (action === 'pickup') {
		const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
		body.scanner_device = String(options.scannerDevice ?? DEFAULT_SCANNER_DEVICE);
		body.barcode_string = barcode;
		if (options.barcodeType !== undefined && options.barcodeType !== '')
			body.barcode_type = String(options.barcodeType);
	}
	return await showpassJson.call(
		context,
		{ method: 'POST', path: '/tickets/items/histories/', body },
		itemIndex,
	);
}

/** By ticket ID (version 1's only way): a check-in without a barcode looks it up from the ticket. */
async function scanById(context: IExecuteFunctions, action: ScanAction, itemIndex: number) {
	const ticketId = String(context.getNodeParameter('ticketId', itemIndex) ?? '').trim();
	const ticketPath = `/tickets/items/${pathSegment(ticketId, 'Ticket ID')}/`;
	let barcode = '';
	if (action === 'pickup') {
		barcode = String(context.getNodeParameter('barcode', itemIndex, '') ?? '').trim();
		if (barcode === '') {
			const ticket = await showpassJson.call(
				context,
				{ method: 'GET', path: ticketPath },
				itemIndex,
			);
			barcode = String(ticket.barcode_string ?? '');
		}
	}
	return await recordScan(context, idValue(ticketId), action, barcode, itemIndex);
}

/**
 * By barcode: verify it first, then record the action on the ticket found, with the barcode Showpass
 * returned. Output: the scan-history record plus `found: true` and `ticket` (the verified ticket);
 * an unknown barcode gives `{ found: false, code, message }` and records nothing.
 */
async function scanByBarcode(context: IExecuteFunctions, action: ScanAction, itemIndex: number) {
	const code = codeOf(context, itemIndex);
	const verification = await verifyTicketCode(context, code, [], itemIndex);
	if (!verification.found) return verification;
	const { ticket } = verification;
	const barcode = typeof ticket.barcode_string === 'string' ? ticket.barcode_string : code;
	const history = await recordScan(context, idValue(ticket.id), action, barcode, itemIndex);
	return { ...history, found: true, ticket };
}

export const operation = defineOperation({
	value: 'scan',
	name: 'Scan',
	action: 'Scan a ticket',
	description: 'Check a ticket in, undo a check-in, or void it, by ticket ID or by barcode',
	properties: [
		{
			displayName: 'Find Ticket By',
			name: 'ticketBy',
			type: 'options',
			default: 'id',
			options: [
				{
					name: 'Barcode',
					value: 'barcode',
					description:
						'Verify a scanned barcode first, then act on the ticket it belongs to, as a door scanner does',
				},
				{ name: 'Ticket ID', value: 'id', description: "The ticket item's numeric ID" },
			],
		},
		{ ...ticketIdField, displayOptions: { show: { ticketBy: ['id'] } } },
		{
			...codeField,
			hint: 'An unknown barcode records nothing and gives an item with "found": false and Showpass\'s reason',
			displayOptions: { show: { ticketBy: ['barcode'] } },
		},
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
			description: "What to record in the ticket's scan history",
		},
		{
			displayName: 'Barcode',
			name: 'barcode',
			type: 'string',
			default: '',
			description:
				"The ticket's barcode, which Showpass requires for a check-in. Leave empty to look it up from the ticket first.",
			displayOptions: { show: { scanAction: ['pickup'], ticketBy: ['id'] } },
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
	],
	async execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
		const action = this.getNodeParameter('scanAction', itemIndex) as ScanAction;
		// Workflows saved before "Find Ticket By" existed scan by ticket ID.
		const ticketBy = this.getNodeParameter('ticketBy', itemIndex, 'id') as 'id' | 'barcode';
		return ticketBy === 'barcode'
			? await scanByBarcode(this, action, itemIndex)
			: await scanById(this, action, itemIndex);
	},
});
