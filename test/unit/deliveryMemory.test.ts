import type { IDataObject } from 'n8n-workflow';

import {
	DeliveryMemory,
	REMEMBERED_DELIVERIES,
} from '../../nodes/ShowpassTrigger/helpers/deliveryMemory';

describe('DeliveryMemory', () => {
	it('remembers the last 1,000 ids per trigger and forgets the oldest', () => {
		const memory = new DeliveryMemory();
		const staticData: IDataObject = {};
		for (let index = 0; index < REMEMBERED_DELIVERIES + 50; index++) {
			expect(memory.rememberIfNew('t', `id-${index}`, staticData)).toBe(true);
		}
		expect(memory.size('t')).toBe(REMEMBERED_DELIVERIES);
		expect((staticData.seenDeliveryIds as string[]).length).toBe(REMEMBERED_DELIVERIES);
		expect(memory.rememberIfNew('t', 'id-1049', staticData)).toBe(false);
		expect(memory.rememberIfNew('t', 'id-0', staticData)).toBe(true);
	});

	it('keeps every id across interleaved copies of static data (the lost-update case)', () => {
		const memory = new DeliveryMemory();
		const copies: IDataObject[] = Array.from({ length: 10 }, () => ({}));
		for (let index = 0; index < 100; index++)
			memory.rememberIfNew('t', `id-${index}`, copies[index % 10]);
		for (let index = 0; index < 100; index++)
			expect(memory.rememberIfNew('t', `id-${index}`, {})).toBe(false);
		// The copy saved last holds every id, whichever request saved it.
		expect((copies[9].seenDeliveryIds as string[]).length).toBe(100);
	});

	it('seeds itself from persisted static data after a restart, ignoring junk', () => {
		const memory = new DeliveryMemory(3);
		const persisted: IDataObject = { seenDeliveryIds: ['a', 7, 'b', 'c', 'd'] };
		expect(memory.rememberIfNew('t', 'b', persisted)).toBe(false);
		expect(memory.rememberIfNew('t', 'a', persisted)).toBe(true);
	});
});

describe('DeliveryMemory persistence on duplicates', () => {
	it('rewrites a stale persisted list when a duplicate arrives, and leaves a current one alone', () => {
		const memory = new DeliveryMemory();
		const live: IDataObject = {};
		memory.rememberIfNew('t', 'a', live);
		memory.rememberIfNew('t', 'b', live);
		const staleCopy: IDataObject = { seenDeliveryIds: ['a'] };
		expect(memory.rememberIfNew('t', 'a', staleCopy)).toBe(false);
		expect(staleCopy.seenDeliveryIds).toEqual(['a', 'b']);
		const currentCopy: IDataObject = { seenDeliveryIds: ['a', 'b'] };
		const before = currentCopy.seenDeliveryIds;
		expect(memory.rememberIfNew('t', 'b', currentCopy)).toBe(false);
		expect(currentCopy.seenDeliveryIds).toBe(before);
	});
});
