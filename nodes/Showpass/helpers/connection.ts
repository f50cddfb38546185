export type ShowpassEnvironment = 'production' | 'demo' | 'custom';

export interface ShowpassCredentials {
	apiToken: string;
	organizationId: string | number;
	environment?: ShowpassEnvironment;
	baseUrl?: string;
}

export const SHOWPASS_BASE_URLS: Record<Exclude<ShowpassEnvironment, 'custom'>, string> = {
	production: 'https://www.showpass.com',
	demo: 'https://demo.showpass.com',
};

/** The address the credential points at, without a trailing slash. */
export function baseUrlOf(credentials: ShowpassCredentials): string {
	if (credentials.environment === 'custom') {
		const custom = String(credentials.baseUrl ?? '')
			.trim()
			.replace(/\/+$/, '');
		if (!/^https?:\/\/[^/]/i.test(custom)) {
			throw new Error(
				'The Showpass API credential uses the Custom environment but its Base URL is empty or does not start with http:// or https://',
			);
		}
		return custom;
	}
	return (
		SHOWPASS_BASE_URLS[credentials.environment ?? 'production'] ?? SHOWPASS_BASE_URLS.production
	);
}

/** `https://…/api/venue/{organizationId}` for the credential's organization. */
export function organizationUrlOf(credentials: ShowpassCredentials): string {
	const organizationId = String(credentials.organizationId ?? '').trim();
	if (!/^\d+$/.test(organizationId)) {
		throw new Error(
			`The Showpass API credential's Organization ID must be a number (your Showpass venue ID), not "${organizationId}"`,
		);
	}
	return `${baseUrlOf(credentials)}/api/venue/${organizationId}`;
}

/** `https://…/api/public`: Showpass's public API, which needs no token. */
export function publicApiUrlOf(credentials: ShowpassCredentials): string {
	return `${baseUrlOf(credentials)}/api/public`;
}

/** Encodes one path segment (an id or slug typed by a user or mapped from an earlier node). */
export function pathSegment(value: unknown, what: string): string {
	const text = String(value ?? '').trim();
	if (text === '') throw new Error(`${what} is empty`);
	return encodeURIComponent(text);
}
