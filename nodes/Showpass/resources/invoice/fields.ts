import type { INodeProperties } from 'n8n-workflow';

export const transactionIdField: INodeProperties = {
	displayName: 'Transaction ID',
	name: 'transactionId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '={{ $json.data.transaction_id }}',
	description:
		"The invoice's transaction ID, as in the trigger's output (data.transaction_id) or the Showpass dashboard",
};
