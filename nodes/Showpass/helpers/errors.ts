import type { IDataObject } from 'n8n-workflow';

export interface ShowpassErrorText {
	message: string;
	description: string;
}

/**
 * Showpass (Django REST framework) answers errors as `{"detail": "…"}` or as field errors
 * such as `{"code": ["A discount with this code already exists."]}`. This turns either into one line.
 */
export function showpassMessageOf(body: unknown): string {
	if (typeof body === 'string') return body.trim().slice(0, 500);
	if (Array.isArray(body)) return body.map(showpassMessageOf).filter(Boolean).join('; ');
	if (body === null || typeof body !== 'object') return '';
	const fields = body as IDataObject;
	if (typeof fields.detail === 'string') return fields.detail;
	return Object.entries(fields)
		.map(([field, problem]) => {
			const text = showpassMessageOf(problem);
			if (text === '') return '';
			return field === 'non_field_errors' ? text : `${field}: ${text}`;
		})
		.filter(Boolean)
		.join('; ');
}

/** What an n8n user sees when Showpass answers `statusCode` with `body`. */
export function describeShowpassError(statusCode: number, body: unknown): ShowpassErrorText {
	const showpassSays = showpassMessageOf(body);
	const said = showpassSays === '' ? '' : ` Showpass said: ${showpassSays}`;
	if (statusCode === 401) {
		return {
			message: 'Showpass did not accept the API token (401)',
			description: `Check the API token and the organization ID in the Showpass API credential, and that the token belongs to that organization.${said}`,
		};
	}
	if (statusCode === 403) {
		return {
			message: `Showpass refused access (403)${showpassSays ? `: ${showpassSays}` : ''}`,
			description:
				'The token is valid but may not act for this organization or on this record. Check the organization ID in the Showpass API credential.',
		};
	}
	if (statusCode === 404) {
		return {
			message: `Showpass found nothing at this address (404)${showpassSays ? `: ${showpassSays}` : ''}`,
			description:
				'Check the ID or slug you passed, and that it belongs to the organization in the credential.',
		};
	}
	if (statusCode === 429) {
		return {
			message: 'Showpass is rate limiting requests (429)',
			description: `Slow the workflow down (for example with a Wait node or batching) and try again.${said}`,
		};
	}
	if (statusCode >= 500) {
		return {
			message: `Showpass had a server error (${statusCode})`,
			description: `This is on Showpass's side; try again later.${said}`,
		};
	}
	return {
		message: showpassSays
			? `Showpass rejected the request (${statusCode}): ${showpassSays}`
			: `Showpass rejected the request (${statusCode})`,
		description: "Check the values this node sends; the message above is Showpass's own.",
	};
}
