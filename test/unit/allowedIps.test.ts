import {
	isIpAllowed,
	parseAllowList,
	parseIpAddress,
	SHOWPASS_OUTGOING_IPS,
} from '../../nodes/ShowpassTrigger/helpers/allowedIps';

describe('allowed IPs', () => {
	const list = parseAllowList('34.83.8.110, 35.230.0.0/16\n2001:db8::/32; ::1');

	it.each([
		['34.83.8.110', true],
		['::ffff:34.83.8.110', true],
		['::FFFF:35.230.119.67', true],
		['35.231.0.1', false],
		['34.83.8.111', false],
		['2001:db8:1::5', true],
		['2001:db9::1', false],
		['::1', true],
		['0:0:0:0:0:0:0:1', true],
		['::ffff:127.0.0.1', false],
		['not-an-ip', false],
		['', false],
	])('%s → %s', (ip, allowed) => {
		expect(isIpAllowed(ip, list)).toBe(allowed);
	});

	it('treats an undefined client address as not allowed', () => {
		expect(isIpAllowed(undefined, list)).toBe(false);
	});

	it('reports entries it cannot read', () => {
		expect(parseAllowList('1.2.3.4, 999.1.1.1, 10.0.0.0/33, abc, ::1/129').invalidEntries).toEqual([
			'999.1.1.1',
			'10.0.0.0/33',
			'abc',
			'::1/129',
		]);
	});

	it('accepts the published Showpass addresses', () => {
		const showpass = parseAllowList(SHOWPASS_OUTGOING_IPS.join(','));
		expect(showpass.invalidEntries).toEqual([]);
		for (const ip of SHOWPASS_OUTGOING_IPS) expect(isIpAllowed(ip, showpass)).toBe(true);
	});

	it('accepts a /0 range and an IPv4-mapped range', () => {
		expect(isIpAllowed('8.8.8.8', parseAllowList('0.0.0.0/0'))).toBe(true);
		expect(isIpAllowed('10.1.2.3', parseAllowList('::ffff:10.0.0.0/104'))).toBe(true);
	});

	it('parses IPv6 with an embedded IPv4 tail', () => {
		expect(parseIpAddress('64:ff9b::192.0.2.33')?.version).toBe(6);
		expect(parseIpAddress('[::1]')?.version).toBe(6);
		expect(parseIpAddress('1:2:3:4:5:6:7:8:9')).toBeUndefined();
		expect(parseIpAddress('1::2::3')).toBeUndefined();
	});
});
