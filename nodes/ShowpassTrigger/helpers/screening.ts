import type { IDataObject } from 'n8n-workflow';

import { isIpAllowed, type AllowList } from './allowedIps';
import { eventIdsFor, eventIdsOfInvoice, isEventSelected } from './events';
import { deliveryIdOf, parseDelivery, type DeliveryBody } from './payload';
import { checkSignature, normalizeSignatureHeader } from './signature';

export const SIGNATURE_HEADER = 'x-showpass-signature';

export interface IncomingRequest extends DeliveryBody {
	ip?: string;
	headers: IDataObject;
}

export interface ScreeningSettings {
	events: readonly string[];
	/** The Event IDs option's IDs; undefined or empty for every event. */
	eventIds?: ReadonlySet<string>;
	/** Undefined when any address may deliver. */
	allowList?: AllowList;
	invalidSignatureResponse: 'reject' | 'acknowledge';
	/** Records a delivery id and says whether it is new; undefined when duplicates are not ignored. */
	rememberIfNew?: (deliveryId: string) => boolean;
}

export type AnswerStatus = 'accepted' | 'ignored' | 'duplicate' | 'rejected';

export interface Answer {
	statusCode: number;
	body: { status: AnswerStatus; message: string; webhook_event_uuid?: string };
}

export type Screening =
	| { accepted: false; answer: Answer }
	| {
			accepted: true;
			answer: Answer;
			delivery: IDataObject;
			/** The events whose tickets and lines are output; undefined for all of them. */
			eventIds?: ReadonlySet<string>;
	  };

function reply(
	statusCode: number,
	status: AnswerStatus,
	message: string,
	deliveryId?: string,
): Answer {
	return {
		statusCode,
		body: deliveryId ? { status, message, webhook_event_uuid: deliveryId } : { status, message },
	};
}

function notForChosenEvents(deliveryEventIds: ReadonlySet<string>): string {
	const which =
		deliveryEventIds.size > 0
			? `it is for event${deliveryEventIds.size > 1 ? 's' : ''} ${[...deliveryEventIds].slice(0, 5).join(', ')}`
			: 'it names no event';
	return `This delivery is not for the events chosen in the Showpass Trigger's Event IDs (${which}).`;
}

/**
 * Decides what a request to the Showpass Trigger gets, in the documented order:
 * allowed IP → readable delivery → signature present → signature valid → event type selected →
 * for a chosen event → not a duplicate.
 * `loadSecretKeys` is called only once a request carries a signature to check; it returns the
 * non-empty keys, or none when no credential is set up.
 */
export async function screenDelivery(
	request: IncomingRequest,
	settings: ScreeningSettings,
	loadSecretKeys: () => Promise<string[]>,
): Promise<Screening> {
	if (settings.allowList && !isIpAllowed(request.ip, settings.allowList)) {
		return {
			accepted: false,
			answer: reply(403, 'rejected', "This address is not in the Showpass Trigger's Allowed IPs."),
		};
	}

	const parsed = parseDelivery(request);
	if (!parsed.ok) return { accepted: false, answer: reply(400, 'rejected', parsed.reason) };
	const { delivery, idText } = parsed;

	const signatureHeader = request.headers[SIGNATURE_HEADER];
	if (normalizeSignatureHeader(signatureHeader) === '') {
		return {
			accepted: false,
			answer: reply(401, 'rejected', 'The X-SHOWPASS-SIGNATURE header is missing.'),
		};
	}
	const secretKeys = await loadSecretKeys();
	if (secretKeys.length === 0) {
		return {
			accepted: false,
			answer: reply(401, 'rejected', 'The Showpass Trigger has no Secret Key set up in n8n.'),
		};
	}
	if (checkSignature(idText, signatureHeader, secretKeys) !== 'valid') {
		const message = 'The X-SHOWPASS-SIGNATURE header does not match the Secret Key set in n8n.';
		return {
			accepted: false,
			answer:
				settings.invalidSignatureResponse === 'acknowledge'
					? reply(200, 'ignored', `${message} The delivery was not processed.`)
					: reply(401, 'rejected', message),
		};
	}

	const deliveryId = deliveryIdOf(delivery);
	if (!isEventSelected(settings.events, delivery.event_type)) {
		const eventType =
			typeof delivery.event_type === 'string' ? delivery.event_type : 'without an event_type';
		return {
			accepted: false,
			answer: reply(
				200,
				'ignored',
				`Event ${eventType} is not selected in this Showpass Trigger.`,
				deliveryId,
			),
		};
	}

	const eventIds = eventIdsFor(delivery, settings.eventIds);
	if (eventIds) {
		const deliveryEventIds = new Set(eventIdsOfInvoice(delivery.data));
		if (![...deliveryEventIds].some((id) => eventIds.has(id))) {
			return {
				accepted: false,
				answer: reply(200, 'ignored', notForChosenEvents(deliveryEventIds), deliveryId),
			};
		}
	}

	if (settings.rememberIfNew && deliveryId !== undefined && !settings.rememberIfNew(deliveryId)) {
		return {
			accepted: false,
			answer: reply(
				200,
				'duplicate',
				'This delivery was received before; the workflow is not run again.',
				deliveryId,
			),
		};
	}

	return {
		accepted: true,
		delivery,
		eventIds,
		answer: reply(200, 'accepted', 'Delivery received.', deliveryId),
	};
}
