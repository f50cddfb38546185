import type { INodeProperties } from 'n8n-workflow';

export const ticketIdField: INodeProperties = {
	displayName: 'Ticket ID',
	name: 'ticketId',
	type: 'string',
	required: true,
	default: '',
	description: 'The ticket item\'s numeric ID, as in the output of Get Tickets or Get Many',
};
