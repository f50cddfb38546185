import type { ICredentialDataDecryptedObject, INodeCredentialTestResult } from 'n8n-workflow';

/** The usable keys of a Showpass Webhook credential: current first, then previous. */
export function secretKeysOf(credential: ICredentialDataDecryptedObject | undefined): string[] {
	if (!credential) return [];
	return [credential.secretKey, credential.previousSecretKey]
		.filter((key): key is string => typeof key === 'string')
		.map((key) => key.trim())
		.filter((key) => key !== '');
}

/**
 * What can honestly be checked about a webhook secret without Showpass: that it is filled in
 * and looks like a pasted key. Showpass offers no endpoint to test a secret against.
 */
export function checkSecretKeys(
	credential: ICredentialDataDecryptedObject,
): INodeCredentialTestResult {
	const secretKey = typeof credential.secretKey === 'string' ? credential.secretKey.trim() : '';
	const previousKey =
		typeof credential.previousSecretKey === 'string' ? credential.previousSecretKey.trim() : '';
	if (secretKey === '') {
		return {
			status: 'Error',
			message: 'Secret Key is empty. Copy it from Showpass: Webhooks → Edit Webhook Endpoint.',
		};
	}
	if (/\s/.test(secretKey) || /\s/.test(previousKey)) {
		return {
			status: 'Error',
			message: 'A key contains spaces or line breaks; copy the Secret Key again without them.',
		};
	}
	if (previousKey !== '' && previousKey === secretKey) {
		return {
			status: 'Error',
			message:
				'Previous Secret Key is the same as Secret Key; leave it empty unless you are changing keys.',
		};
	}
	return {
		status: 'OK',
		message:
			'The key is filled in. Showpass has no way to check a webhook secret from n8n: click "Send Test" in Showpass to confirm deliveries verify.',
	};
}
