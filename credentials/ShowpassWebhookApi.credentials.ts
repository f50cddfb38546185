import type { ICredentialType, INodeProperties } from 'n8n-workflow';

export class ShowpassWebhookApi implements ICredentialType {
	name = 'showpassWebhookApi';

	displayName = 'Showpass Webhook API';

	icon = {
		light: 'file:../icons/showpass.svg',
		dark: 'file:../icons/showpass.dark.svg',
	} as const;

	// The build writes package.json's `homepage` over this address (gulpfile.js).
	documentationUrl = 'https://package-json-homepage.invalid/#set-up-the-trigger';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The Secret Key of your Showpass webhook endpoint: Showpass Dashboard → Organization Settings → Webhooks → your endpoint → Edit Webhook Endpoint',
		},
		{
			displayName: 'Previous Secret Key',
			name: 'previousSecretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. While you regenerate the key in Showpass, put the old key here and the new one above, so deliveries signed with either are accepted. Clear it once Showpass shows the new key.',
		},
	];
}
