import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class ShowpassApi implements ICredentialType {
	name = 'showpassApi';

	displayName = 'Showpass API';

	icon: Icon = { light: 'file:../icons/showpass.svg', dark: 'file:../icons/showpass.dark.svg' };

	// The build writes package.json's `homepage` over this address (gulpfile.js).
	documentationUrl = 'https://package-json-homepage.invalid/#showpass-node-actions';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The organization API token Showpass issued for your organization (sent as "Authorization: Token …")',
		},
		{
			displayName: 'Organization ID',
			name: 'organizationId',
			type: 'string',
			required: true,
			default: '',
			placeholder: '1234',
			description:
				'Your Showpass organization (venue) ID, a number. A token only works for the organization it was issued for.',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			default: 'production',
			options: [
				{ name: 'Custom', value: 'custom', description: 'Another address, e.g. a proxy' },
				{ name: 'Demo', value: 'demo', description: 'https://demo.showpass.com' },
				{ name: 'Production', value: 'production', description: 'https://www.showpass.com' },
			],
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://showpass-proxy.example.com',
			description: 'Address that answers Showpass API paths such as /api/venue/{id}/events/',
			displayOptions: { show: { environment: ['custom'] } },
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Token {{$credentials.apiToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ $credentials.environment === "custom" ? String($credentials.baseUrl).replace(/\\/+$/, "") : $credentials.environment === "demo" ? "https://demo.showpass.com" : "https://www.showpass.com" }}',
			url: '=/api/venue/{{ String($credentials.organizationId).trim() }}/events/',
			qs: { page_size: 1 },
			method: 'GET',
		},
	};
}
