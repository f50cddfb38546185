import {
	NodeConnectionTypes,
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type ICredentialsDecrypted,
	type ICredentialTestFunctions,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type INodeCredentialTestResult,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { isAllowListEmpty, parseAllowList, SHOWPASS_OUTGOING_IPS } from './helpers/allowedIps';
import { deliveryMemory, triggerKeyOf } from './helpers/deliveryMemory';
import { ALL_EVENTS, parseEventIds } from './helpers/events';
import { shapeOutput, type OutputMode } from './helpers/output';
import { readBodyIfUnread } from './helpers/payload';
import { screenDelivery, type ScreeningSettings } from './helpers/screening';
import { checkSecretKeys, secretKeysOf } from './helpers/secretKeys';

export class ShowpassTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Showpass Trigger',
		name: 'showpassTrigger',
		icon: { light: 'file:../../icons/showpass.svg', dark: 'file:../../icons/showpass.dark.svg' },
		group: ['trigger'],
		// 1.1 behaves as 1; n8n evaluates an expression for every request to a version-1 node (its
		// binary-data option), which on n8n 2.x's expression engine starts an isolate per request.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle:
			'={{ ($parameter["events"] || []).includes("*") ? "All events" : ($parameter["events"] || []).join(", ") }}',
		// n8n's node picker shows Showpass Trigger and Showpass as one entry, with this description above
		// both the trigger's events and the Showpass node's actions, so it speaks for both.
		description:
			'Start workflows on verified Showpass webhooks, and act on events, invoices, tickets, discounts and tracking links',
		defaults: {
			name: 'Showpass Trigger',
		},
		// Shown by n8n while it listens for a test delivery (on the canvas; the node panel keeps n8n's own hint).
		eventTriggerDescription:
			'Waiting for a delivery to the Test URL: click Send Test on your Showpass endpoint',
		triggerPanel: {
			header: 'Receive Showpass webhook deliveries',
			executionsHelp: {
				inactive:
					"<b>While building your workflow</b>, put this node's Test URL in your Showpass endpoint, click 'Execute step' above (older n8n: 'Listen for test event'), then click Send Test on the endpoint in Showpass. The delivery shows up in this editor.<br /><br /><b>Once you're happy with your workflow</b>, put the Production URL back in Showpass and publish the workflow (n8n 1.x: activate it). Then every delivery Showpass sends runs it; those executions show up in the executions list, not in the editor.",
				active:
					"<b>While building your workflow</b>, put this node's Test URL in your Showpass endpoint, click 'Execute step' above (older n8n: 'Listen for test event'), then click Send Test on the endpoint in Showpass. The delivery shows up in this editor.<br /><br /><b>The workflow also runs on its own</b>, since it is published (active): every delivery Showpass sends to the Production URL runs it; those executions show up in the executions list, not in the editor.",
			},
			activationHint: {
				inactive:
					'Once the workflow is published (n8n 1.x: active), every delivery Showpass sends to the Production URL runs it (those executions show up in the executions list, not here).',
				active:
					'Every delivery Showpass sends to the Production URL also runs this workflow (those executions show up in the executions list, not here).',
			},
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'showpassWebhookApi',
				required: true,
				testedBy: 'showpassWebhookSecretCheck',
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// Empty so n8n answers with the JSON this node returns instead of its default text.
				responseData: '',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					'Connect Showpass once, by hand (Showpass has no API for registering webhooks):<ul>' +
					"<li>In Showpass: Dashboard → Organization Settings → Webhooks → Add Endpoint. Endpoint URL: this node's Production URL (Webhook URLs above). Tick the same events as below and save.</li>" +
					"<li>Open Edit Webhook Endpoint, copy the Secret Key and paste it into this node's Showpass Webhook credential.</li>" +
					'<li>To try it in the editor: put the Test URL in Showpass instead, click Execute step here (older n8n: Listen for test event), then Send Test in Showpass. Put the Production URL back afterwards.</li>' +
					// The build puts package.json's homepage in place of this address (gulpfile.js).
					'<li>To map fields before Showpass sends anything: click set mock data under Output and paste the <a href="https://package-json-homepage.invalid/#map-fields-before-the-first-delivery" target="_blank">sample delivery</a> for the Output you chose.</li></ul>',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [ALL_EVENTS],
				description:
					'Which Showpass events start the workflow. Others are answered 200 and ignored. Tick the same events on the Showpass endpoint.',
				options: [
					{
						name: 'All Events',
						value: ALL_EVENTS,
						description: 'Every event Showpass sends to this endpoint, including "Send Test"',
					},
					{
						name: 'Invoice Purchase',
						value: 'invoice.purchase',
						description: '<code>invoice.purchase</code>: a new order is created and paid',
					},
					{
						name: 'Invoice Refund',
						value: 'invoice.refund',
						description: '<code>invoice.refund</code>: a transaction (or part of it) is refunded',
					},
					{
						name: 'Invoice Transfer (Recipient)',
						value: 'invoice.transfer',
						description:
							'<code>invoice.transfer</code>: a ticket transfer completed; the new invoice and tickets of the recipient',
					},
					{
						name: 'Invoice Transferred (Original)',
						value: 'invoice.transferred',
						description:
							'<code>invoice.transferred</code>: a ticket transfer completed; the original invoice with its tickets voided or transferred',
					},
					{
						name: 'Invoice Void',
						value: 'invoice.void',
						description:
							'<code>invoice.void</code>: a completed transaction is voided (error, chargeback)',
					},
					{
						name: 'Webhook Test',
						value: 'webhook.test',
						description:
							'<code>webhook.test</code>: the sample Showpass sends when you click "Send Test"',
					},
				],
			},
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				default: 'event',
				description: 'The shape of the items the trigger emits',
				options: [
					{
						name: 'Invoice',
						value: 'invoice',
						description:
							'One item: the invoice (data) with event_type, webhook_event_uuid and ID beside it',
					},
					{
						name: 'One Item per Line Item',
						value: 'lineItems',
						description:
							"One item per invoice_items entry, each with the invoice's transaction, customer and currency",
					},
					{
						name: 'One Item per Ticket',
						value: 'tickets',
						description:
							"One item per ticket_items entry (e.g. a spreadsheet row per ticket), each with the invoice's transaction, customer and currency",
					},
					{
						name: 'Whole Event',
						value: 'event',
						description:
							'One item: the delivery as Showpass sent it (ID, event_type, webhook_event_uuid, data)',
					},
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Allowed IPs',
						name: 'allowedIps',
						type: 'string',
						default: '',
						placeholder: SHOWPASS_OUTGOING_IPS.join(', '),
						description:
							'Comma-separated IPv4/IPv6 addresses or CIDR ranges allowed to deliver; others get 403. Empty allows any address.',
						hint: `Showpass sends from ${SHOWPASS_OUTGOING_IPS.join(', ')}. Behind a reverse proxy, set N8N_PROXY_HOPS so n8n sees the real client address.`,
					},
					{
						displayName: 'Amounts as Numbers',
						name: 'amountsAsNumbers',
						type: 'boolean',
						default: false,
						description:
							'Whether to turn money fields sent as text (e.g. "5.84") into numbers, for sums and comparisons downstream',
					},
					{
						displayName: 'Event IDs',
						name: 'eventIds',
						type: 'string',
						default: '',
						placeholder: 'e.g. 474708, 474712',
						description:
							"Comma-separated Showpass event IDs. A delivery with no ticket or line item of these events is answered 200 and ignored; One Item per Ticket and One Item per Line Item output only these events' items. Empty runs for every event.",
						hint: "An event's ID is the event_id of its tickets in a delivery, or the ID the Showpass node's Event → Get Many or Get (by the event page's URL) outputs. Send Test's sample is never filtered by them.",
					},
					{
						displayName: 'Ignore Duplicate Deliveries',
						name: 'ignoreDuplicates',
						type: 'boolean',
						default: true,
						description:
							'Whether to skip a delivery whose webhook_event_uuid was already received (Showpass resends the same event after a failure or a manual Resend)',
						hint: 'Skips a resend for 16 days (Showpass offers Resend for 15), however many deliveries arrive; the 5,000 most recent stay skipped across n8n restarts. The Test URL never skips.',
					},
					{
						displayName: 'Include Headers',
						name: 'includeHeaders',
						type: 'boolean',
						default: false,
						description: 'Whether to add the request\'s HTTP headers to each item, under "headers"',
					},
					{
						displayName: 'Invalid Signature Response',
						name: 'invalidSignatureResponse',
						type: 'options',
						default: 'reject',
						description:
							'What to answer a request whose signature matches neither key. The workflow never runs for it.',
						options: [
							{
								name: 'Acknowledge (200 OK)',
								value: 'acknowledge',
								description: 'Answer 200 so the sender does not retry; nothing runs',
							},
							{
								name: 'Reject (401 Unauthorized)',
								value: 'reject',
								description:
									"Answer 401, which shows as a failed delivery in Showpass's webhook logs",
							},
						],
					},
				],
			},
		],
	};

	methods = {
		credentialTest: {
			async showpassWebhookSecretCheck(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				return checkSecretKeys((credential.data ?? {}) as ICredentialDataDecryptedObject);
			},
		},
	};

	// Showpass has no API to register endpoints: there is nothing to look up, create or delete.
	// Activation only checks the settings that would otherwise reject every delivery; deactivation
	// frees the trigger's delivery memory (its ids stay in static data for a later activation).
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const allowedIps = this.getNodeParameter('options.allowedIps', '') as string;
				const { invalidEntries } = parseAllowList(allowedIps);
				if (invalidEntries.length > 0) {
					throw new NodeOperationError(
						this.getNode(),
						`Allowed IPs: "${invalidEntries.join('", "')}" is not an IP address or CIDR range`,
						{
							description: `Use addresses such as ${SHOWPASS_OUTGOING_IPS[0]} or ranges such as 34.83.8.0/24, separated by commas.`,
						},
					);
				}
				const { invalidEntries: invalidEventIds } = parseEventIds(
					this.getNodeParameter('options.eventIds', ''),
				);
				if (invalidEventIds.length > 0) {
					throw new NodeOperationError(
						this.getNode(),
						`Event IDs: "${invalidEventIds.join('", "')}" is not a Showpass event ID`,
						{
							description:
								"An event ID is a number, such as 474708 (the event_id of the event's tickets in a delivery). Separate several with commas.",
						},
					);
				}
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				deliveryMemory.forget(triggerKeyOf(this.getWorkflow(), this.getNode()));
				return true;
			},
		},
	};

	/**
	 * The execution's first step: the items pass through unchanged, as n8n passes a webhook node's
	 * data through. It exists for the remembered deliveries: n8n 2.x drops the static-data change of
	 * a request that starts an execution but saves the execution's static data when it ends, so the
	 * list of deliveries that ran is written here — only by the process that accepted them itself.
	 * A queue-mode worker never ran webhook(), holds nothing, and writes nothing. An execution n8n
	 * starts from stored data (the ones a stopped n8n left unstarted, run at start-up) counts its
	 * delivery as seen, so a resend of it is a duplicate.
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		if (this.getMode() !== 'manual' && options.ignoreDuplicates !== false) {
			deliveryMemory.recordRun(
				triggerKeyOf(this.getWorkflow(), this.getNode()),
				this.getInputData()[0]?.json,
				this.getWorkflowStaticData('node'),
			);
		}
		return [this.getInputData()];
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		await readBodyIfUnread(request);
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const allowList = parseAllowList(options.allowedIps as string | undefined);
		const isProduction = this.getMode() !== 'manual';
		const staticData = this.getWorkflowStaticData('node');
		const triggerKey = triggerKeyOf(this.getWorkflow(), this.getNode());

		const settings: ScreeningSettings = {
			events: this.getNodeParameter('events', [ALL_EVENTS]) as string[],
			eventIds: parseEventIds(options.eventIds).ids,
			allowList: isAllowListEmpty(allowList) ? undefined : allowList,
			invalidSignatureResponse:
				options.invalidSignatureResponse === 'acknowledge' ? 'acknowledge' : 'reject',
			rememberIfNew:
				options.ignoreDuplicates !== false && isProduction
					? (deliveryId) => deliveryMemory.rememberIfNew(triggerKey, deliveryId, staticData)
					: undefined,
		};
		const screening = await screenDelivery(
			{
				ip: request.ip,
				headers: this.getHeaderData() as IDataObject,
				contentType: request.headers['content-type'],
				parsedBody: request.body as unknown,
				rawBody: request.rawBody,
			},
			settings,
			async () => {
				try {
					return secretKeysOf(
						await this.getCredentials<ICredentialDataDecryptedObject>('showpassWebhookApi'),
					);
				} catch (error) {
					this.logger.warn(
						`Showpass Trigger: could not read its credential: ${(error as Error).message}`,
					);
					return [];
				}
			},
		);

		if (!screening.accepted) {
			if (isProduction) deliveryMemory.persistIfBehind(triggerKey, staticData);
			this.logger.debug(
				`Showpass Trigger answered ${screening.answer.statusCode}: ${screening.answer.body.message}`,
			);
			if (screening.answer.statusCode === 200) return { webhookResponse: screening.answer.body };
			this.getResponseObject().status(screening.answer.statusCode).json(screening.answer.body);
			return { noWebhookResponse: true };
		}

		const items = shapeOutput(
			screening.delivery,
			this.getNodeParameter('output', 'event') as OutputMode,
			{
				amountsAsNumbers: options.amountsAsNumbers === true,
				eventIds: screening.eventIds,
				headers:
					options.includeHeaders === true ? (this.getHeaderData() as IDataObject) : undefined,
			},
		);
		const workflowItems = this.helpers.returnJsonArray(items);
		const deliveryId = screening.answer.body.webhook_event_uuid;
		if (deliveryId !== undefined && workflowItems[0]) {
			deliveryMemory.markItem(deliveryId, workflowItems[0].json);
		}
		return {
			webhookResponse: screening.answer.body,
			workflowData: [workflowItems],
		};
	}
}
