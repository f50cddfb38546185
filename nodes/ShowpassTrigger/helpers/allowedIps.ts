/** Showpass's published outgoing addresses (Showpass developer docs, "Outgoing IP addresses"). */
export const SHOWPASS_OUTGOING_IPS = [
	'34.83.8.110',
	'34.168.12.250',
	'35.230.81.80',
	'35.230.119.67',
];

interface AddressRange {
	version: 4 | 6;
	network: bigint;
	prefixLength: number;
}

export interface AllowList {
	ranges: AddressRange[];
	/** Entries that are neither an IP address nor a CIDR range. */
	invalidEntries: string[];
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const IPV4_MAPPED_IPV6 = /^::ffff:(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i;

function parseIpv4(text: string): bigint | undefined {
	const match = IPV4.exec(text);
	if (!match) return undefined;
	let value = 0n;
	for (const part of match.slice(1)) {
		const octet = Number(part);
		if (octet > 255 || (part.length > 1 && part.startsWith('0'))) return undefined;
		value = (value << 8n) | BigInt(octet);
	}
	return value;
}

function parseIpv6(text: string): bigint | undefined {
	let address = text.replace(/%.*$/, '');
	let tail: bigint[] = [];
	const embeddedIpv4 = /:(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.exec(address);
	if (embeddedIpv4) {
		const ipv4 = parseIpv4(embeddedIpv4[1]);
		if (ipv4 === undefined) return undefined;
		tail = [ipv4 >> 16n, ipv4 & 0xffffn];
		address = address.slice(0, embeddedIpv4.index + 1) + '0:0';
	}
	const halves = address.split('::');
	if (halves.length > 2) return undefined;
	const toGroups = (half: string) => (half === '' ? [] : half.split(':'));
	const head = toGroups(halves[0]);
	const rest = halves.length === 2 ? toGroups(halves[1]) : [];
	const missing = 8 - head.length - rest.length;
	if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1))
		return undefined;
	const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
	let value = 0n;
	for (const group of groups) {
		if (!/^[0-9a-f]{1,4}$/i.test(group)) return undefined;
		value = (value << 16n) | BigInt(parseInt(group, 16));
	}
	if (tail.length) value = (value & ~0xffffffffn) | (tail[0] << 16n) | tail[1];
	return value;
}

/** Parses an address, seeing an IPv4-mapped IPv6 address (`::ffff:1.2.3.4`) as the IPv4 address. */
export function parseIpAddress(text: string): { version: 4 | 6; value: bigint } | undefined {
	const trimmed = text.trim().replace(/^\[|\]$/g, '');
	const mapped = IPV4_MAPPED_IPV6.exec(trimmed);
	const ipv4 = parseIpv4(mapped ? mapped[1] : trimmed);
	if (ipv4 !== undefined) return { version: 4, value: ipv4 };
	if (!trimmed.includes(':')) return undefined;
	const ipv6 = parseIpv6(trimmed);
	if (ipv6 === undefined) return undefined;
	if (ipv6 >> 32n === 0xffffn) return { version: 4, value: ipv6 & 0xffffffffn };
	return { version: 6, value: ipv6 };
}

function parseRange(entry: string): AddressRange | undefined {
	const [addressText, prefixText, ...extra] = entry.split('/');
	if (extra.length) return undefined;
	const address = parseIpAddress(addressText);
	if (!address) return undefined;
	const bits = address.version === 4 ? 32 : 128;
	let prefixLength = bits;
	if (prefixText !== undefined) {
		if (!/^\d{1,3}$/.test(prefixText.trim())) return undefined;
		prefixLength = Number(prefixText.trim());
		// An IPv4-mapped range such as ::ffff:10.0.0.0/104 is written with an IPv6 prefix.
		if (address.version === 4 && addressText.includes(':')) prefixLength -= 96;
		if (prefixLength < 0 || prefixLength > bits) return undefined;
	}
	return {
		version: address.version,
		network: address.value >> BigInt(bits - prefixLength),
		prefixLength,
	};
}

/** Parses a comma-, space- or newline-separated list of addresses and CIDR ranges. */
export function parseAllowList(text: string | undefined): AllowList {
	const entries = (text ?? '').split(/[\s,;]+/).filter((entry) => entry !== '');
	const allowList: AllowList = { ranges: [], invalidEntries: [] };
	for (const entry of entries) {
		const range = parseRange(entry);
		if (range) allowList.ranges.push(range);
		else allowList.invalidEntries.push(entry);
	}
	return allowList;
}

export function isAllowListEmpty(allowList: AllowList): boolean {
	return allowList.ranges.length === 0 && allowList.invalidEntries.length === 0;
}

/** True when the address falls in one of the list's ranges. An unreadable address is never allowed. */
export function isIpAllowed(ip: string | undefined, allowList: AllowList): boolean {
	const address = ip === undefined ? undefined : parseIpAddress(ip);
	if (!address) return false;
	const bits = address.version === 4 ? 32 : 128;
	return allowList.ranges.some(
		(range) =>
			range.version === address.version &&
			address.value >> BigInt(bits - range.prefixLength) === range.network,
	);
}
