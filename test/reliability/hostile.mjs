// A deterministic stream of hostile requests: every one must be refused without a 5xx or an execution.
import crypto from 'node:crypto';
import { buildDelivery, sign } from '../../scripts/lib/deliveries.mjs';

function seededRandom(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

const json = (value) => JSON.stringify(value);
const HEX = '0123456789abcdef';

/** Builds the `index`-th hostile request for a trigger whose real key is `secretKey`. */
export function hostileRequest(index, secretKey) {
	const random = seededRandom(index + 1);
	const pick = (list) => list[Math.floor(random() * list.length)];
	const hex = (length) => Array.from({ length }, () => pick(HEX)).join('');
	const delivery = buildDelivery('invoice.purchase', { uuid: `hostile-${index}` });
	const body = json(delivery);
	const jsonHeaders = (signature) => ({
		'content-type': 'application/json',
		...(signature === undefined ? {} : { 'x-showpass-signature': signature }),
	});
	const kinds = [
		() => ({ label: 'signature missing', headers: jsonHeaders(undefined), body }),
		() => ({ label: 'signature short', headers: jsonHeaders(hex(1 + Math.floor(random() * 39))), body }),
		() => ({ label: 'signature long', headers: jsonHeaders(hex(41 + Math.floor(random() * 200))), body }),
		() => ({ label: 'signature non-hex', headers: jsonHeaders('zq' + hex(38)), body }),
		() => ({ label: 'signature wrong key', headers: jsonHeaders(sign(crypto.randomBytes(8).toString('hex'), delivery.id)), body }),
		() => ({ label: 'signature over another field', headers: jsonHeaders(sign(secretKey, delivery.webhook_event_uuid)), body }),
		() => ({ label: 'signature over the whole body', headers: jsonHeaders(sign(secretKey, body)), body }),
		() => ({ label: 'signature sha256-sized', headers: jsonHeaders(crypto.createHmac('sha256', secretKey).update(delivery.id).digest('hex')), body }),
		() => ({ label: 'signature repeated, both wrong', headers: { 'content-type': 'application/json', 'x-showpass-signature': [hex(40), hex(40)] }, body }),
		() => ({ label: 'signature of a different id', headers: jsonHeaders(sign(secretKey, `${delivery.id}x`)), body }),
		() => ({ label: 'body not JSON (text/plain)', headers: { 'content-type': 'text/plain', 'x-showpass-signature': hex(40) }, body: `not json ${hex(8)}` }),
		() => ({ label: 'body malformed JSON', headers: jsonHeaders(hex(40)), body: body.slice(0, Math.floor(random() * body.length)) }),
		() => ({ label: 'body JSON array', headers: jsonHeaders(hex(40)), body: json([delivery]) }),
		() => ({ label: 'body JSON string', headers: jsonHeaders(hex(40)), body: json(body) }),
		() => ({ label: 'body JSON number', headers: jsonHeaders(hex(40)), body: String(random() * 1e20) }),
		() => ({ label: 'body JSON null', headers: jsonHeaders(hex(40)), body: 'null' }),
		() => ({ label: 'body empty', headers: jsonHeaders(hex(40)), body: '' }),
		() => {
			const depth = 2000 + Math.floor(random() * 8000);
			return { label: 'body deeply nested', headers: jsonHeaders(hex(40)), body: `{"id":"deep","event_type":"invoice.purchase","data":${'['.repeat(depth)}${']'.repeat(depth)}}` };
		},
		() => {
			const id = pick([12345678901234567890, 1.5, -7, true, false, null, {}, [], '', '   ', [1, 2], { id: 'x' }]);
			return { label: `id of type ${Array.isArray(id) ? 'array' : id === null ? 'null' : typeof id}`, headers: jsonHeaders(sign(crypto.randomBytes(4).toString('hex'), String(id))), body: json({ ...delivery, id }) };
		},
		() => ({ label: 'content-type form', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-showpass-signature': sign(secretKey, 'forged') }, body: `id=forged&event_type=invoice.purchase&webhook_event_uuid=${index}` }),
		() => ({ label: 'content-type xml', headers: { 'content-type': 'application/xml', 'x-showpass-signature': hex(40) }, body: `<id>${delivery.id}</id>` }),
		() => ({ label: 'content-type none', headers: { 'x-showpass-signature': hex(40) }, body }),
		() => ({ label: 'content-type octet-stream', headers: { 'content-type': 'application/octet-stream', 'x-showpass-signature': hex(40) }, body }),
		() => ({ label: 'content-type multipart', headers: { 'content-type': 'multipart/form-data; boundary=x', 'x-showpass-signature': hex(40) }, body: `--x\r\nContent-Disposition: form-data; name="id"\r\n\r\nabc\r\n--x--\r\n` }),
		() => ({ label: `method ${['GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'][index % 6]}`, method: ['GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'][index % 6], headers: jsonHeaders(sign(secretKey, delivery.id)), body: ['GET', 'HEAD'].includes(['GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'][index % 6]) ? undefined : body }),
		() => ({ label: 'valid signature, unknown event type', headers: jsonHeaders(sign(secretKey, delivery.id)), body: json({ ...delivery, event_type: `invoice.${hex(4)}` }) }),
		() => ({ label: 'valid signature, unselected event', headers: jsonHeaders(sign(secretKey, delivery.id)), body: json({ ...delivery, event_type: 'invoice.void' }) }),
	];
	return kinds[index % kinds.length]();
}

/** A several-MB delivery with a wrong signature. */
export function hugeRequest(megabytes) {
	const delivery = buildDelivery('invoice.purchase', { uuid: `huge-${megabytes}` });
	delivery.data.padding = 'x'.repeat(megabytes * 1024 * 1024);
	return { label: `body of ${megabytes} MB`, headers: { 'content-type': 'application/json', 'x-showpass-signature': 'f'.repeat(40) }, body: JSON.stringify(delivery) };
}
