import type { INodeProperties } from 'n8n-workflow';

export const ticketIdField: INodeProperties = {
	displayName: 'Ticket ID',
	name: 'ticketId',
	type: 'string',
	required: true,
	default: '',
	description: "The ticket item's numeric ID, as in the output of Get Tickets or Get Many",
};

/** What a door scanner reads: the ticket's barcode, or a code Showpass accepts in its place. */
export const codeField: INodeProperties = {
	displayName: 'Barcode or Code',
	name: 'code',
	type: 'string',
	required: true,
	default: '',
	placeholder: '={{ $json.body.barcode }}',
	description:
		'The barcode (or code) read from the ticket, e.g. by a scanner app posting to a Webhook',
};
