import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { DeliveryMemory as PreviousDeliveryMemory } from '../fixtures/previous-release/deliveryMemory';
import {
	DeliveryMemory,
	REMEMBERED_IN_PROCESS,
	REMEMBERED_TRIGGERS,
} from '../../nodes/ShowpassTrigger/helpers/deliveryMemory';
import { FingerprintSet, fingerprintOf } from '../../nodes/ShowpassTrigger/helpers/fingerprints';
import {
	dayOf,
	REMEMBER_FOR_DAYS,
	RememberedFingerprints,
} from '../../nodes/ShowpassTrigger/helpers/rememberedFingerprints';
import {
	LEGACY_KEY,
	readStoredDeliveries,
	RecentDeliveries,
	STORED_CAPACITY,
	STORED_DELIVERIES,
	STORED_KEY,
} from '../../nodes/ShowpassTrigger/helpers/storedDeliveries';

const DAY = 24 * 60 * 60 * 1000;
const START = Date.UTC(2026, 11, 1, 12, 0, 0);

/** A memory on a clock the test moves. */
function memoryAt(options: ConstructorParameters<typeof DeliveryMemory>[0] = {}) {
	const clock = { now: START };
	const memory = new DeliveryMemory({ now: () => clock.now, ...options });
	return { memory, clock };
}

/** What n8n saves and reads back: static data through JSON. */
function saved(staticData: IDataObject): IDataObject {
	return JSON.parse(JSON.stringify(staticData)) as IDataObject;
}

/** Accepts a delivery and runs its execution, as a regular-mode n8n does; returns the execution's copy. */
function acceptAndRun(
	memory: DeliveryMemory,
	triggerKey: string,
	id: string,
	staticData: IDataObject = {},
) {
	expect(memory.rememberIfNew(triggerKey, id, {})).toBe(true);
	const item = { webhook_event_uuid: id };
	memory.markItem(id, item);
	memory.recordRun(triggerKey, item, staticData);
	return staticData;
}

const ids = (count: number, prefix = 'd') =>
	Array.from({ length: count }, (_, index) => `${prefix}-${index}`);

describe('fingerprints', () => {
	it('are the same for the same id and differ between ids', () => {
		expect(fingerprintOf('abc')).toEqual(fingerprintOf('abc'));
		expect(fingerprintOf('abc')).not.toEqual(fingerprintOf('abd'));
	});

	it('a fingerprint set agrees with a Set of the ids, through growth', () => {
		fc.assert(
			fc.property(
				fc.array(fc.string(), { maxLength: 300 }),
				fc.array(fc.string(), { maxLength: 50 }),
				(added, probes) => {
					const set = new FingerprintSet();
					const reference = new Set<string>();
					for (const id of added)
						expect(set.add(fingerprintOf(id))).toBe(!reference.has(id) && !!reference.add(id));
					expect(set.size).toBe(reference.size);
					for (const id of [...added, ...probes])
						expect(set.has(fingerprintOf(id))).toBe(reference.has(id));
				},
			),
		);
	});

	it('hold 100,000 fingerprints in at most 22 bytes each', () => {
		const set = new FingerprintSet();
		for (const id of ids(100_000)) set.add(fingerprintOf(id));
		expect(set.size).toBe(100_000);
		expect(set.byteLength / set.size).toBeLessThanOrEqual(22);
	});
});

describe('remembered fingerprints by day', () => {
	it(`forgets a day's deliveries after ${REMEMBER_FOR_DAYS} full days, not before`, () => {
		const remembered = new RememberedFingerprints(1000);
		const today = dayOf(START);
		remembered.add(fingerprintOf('old'), today);
		remembered.add(fingerprintOf('newer'), today + 1);
		remembered.expire(today + REMEMBER_FOR_DAYS);
		expect(remembered.has(fingerprintOf('old'))).toBe(true);
		expect(remembered.expire(today + REMEMBER_FOR_DAYS + 1)).toBe(1);
		expect(remembered.has(fingerprintOf('old'))).toBe(false);
		expect(remembered.has(fingerprintOf('newer'))).toBe(true);
		expect(remembered.size).toBe(1);
	});

	it('splits a busy day into batches of the limit, and drops the oldest batch first', () => {
		const remembered = new RememberedFingerprints(10);
		for (const id of ids(25)) remembered.add(fingerprintOf(id), 1);
		expect(remembered.batchCount).toBe(3);
		expect(remembered.dropOldest()).toBe(10);
		expect(remembered.has(fingerprintOf('d-0'))).toBe(false);
		expect(remembered.has(fingerprintOf('d-24'))).toBe(true);
	});
});

describe('the stored form', () => {
	it('round-trips fingerprints and days, oldest first, keeping the newest at capacity', () => {
		const recent = new RecentDeliveries(3);
		['a', 'b', 'c', 'd'].forEach((id, index) => recent.push(fingerprintOf(id), 100 + index));
		const stored = saved({ [STORED_KEY]: recent.toStored(110) });
		expect(readStoredDeliveries(stored, 110)).toEqual([
			{ fingerprint: fingerprintOf('b'), day: 101 },
			{ fingerprint: fingerprintOf('c'), day: 102 },
			{ fingerprint: fingerprintOf('d'), day: 103 },
		]);
		// About 11 characters per delivery.
		expect((stored[STORED_KEY] as IDataObject).fingerprints).toHaveLength(32);
	});

	it('leaves out what is no longer remembered, when written and when read', () => {
		const recent = new RecentDeliveries(10);
		recent.push(fingerprintOf('old'), 100);
		recent.push(fingerprintOf('new'), 105);
		const today = 100 + REMEMBER_FOR_DAYS + 1;
		expect(readStoredDeliveries({ [STORED_KEY]: recent.toStored(today) }, today)).toEqual([
			{ fingerprint: fingerprintOf('new'), day: 105 },
		]);
		const writtenEarlier = { [STORED_KEY]: recent.toStored(105) };
		expect(readStoredDeliveries(writtenEarlier, today).map(({ day }) => day)).toEqual([105]);
	});

	it('reads the plain list of earlier releases, dated today', () => {
		expect(readStoredDeliveries({ [LEGACY_KEY]: ['a', 7, ' b ', ''] }, 200)).toEqual([
			{ fingerprint: fingerprintOf('a'), day: 200 },
			{ fingerprint: fingerprintOf('b'), day: 200 },
		]);
	});

	it('never throws on malformed static data', () => {
		fc.assert(
			fc.property(fc.anything(), fc.anything(), (fingerprints, days) => {
				const read = readStoredDeliveries(
					{ [STORED_KEY]: { format: 1, fingerprints, days } as IDataObject },
					300,
				);
				expect(Array.isArray(read)).toBe(true);
			}),
		);
		expect(
			readStoredDeliveries(
				{ [STORED_KEY]: { fingerprints: 'not base64 !!', days: '1:x,:,5:-2' } },
				300,
			),
		).toEqual(expect.any(Array));
		expect(readStoredDeliveries({ [STORED_KEY]: 'text', [LEGACY_KEY]: 'text' }, 300)).toEqual([]);
	});
});

describe('DeliveryMemory while n8n runs', () => {
	it('recognises every one of 100,000 deliveries of one trigger, and nothing new', () => {
		const { memory } = memoryAt();
		for (const id of ids(100_000)) expect(memory.rememberIfNew('t', id, {})).toBe(true);
		expect(memory.size('t')).toBe(100_000);
		let duplicates = 0;
		for (const id of ids(100_000)) if (!memory.rememberIfNew('t', id, {})) duplicates++;
		expect(duplicates).toBe(100_000);
		expect(memory.rememberIfNew('t', 'new', {})).toBe(true);
	});

	it(`recognises a resend for ${REMEMBER_FOR_DAYS} days (Showpass's 15 and a margin), and forgets it after a day more`, () => {
		const { memory, clock } = memoryAt();
		memory.rememberIfNew('t', 'first', {});
		clock.now = START + REMEMBER_FOR_DAYS * DAY; // exactly 16 days later
		expect(memory.rememberIfNew('t', 'first', {})).toBe(false);
		clock.now = START + REMEMBER_FOR_DAYS * DAY + 11.9 * 60 * 60 * 1000; // the last moment of that day
		expect(memory.rememberIfNew('t', 'first', {})).toBe(false);
		clock.now = START + REMEMBER_FOR_DAYS * DAY + 12 * 60 * 60 * 1000; // the next day (UTC)
		expect(memory.rememberIfNew('t', 'first', {})).toBe(true);
		expect(memory.size('t')).toBe(1);
		expect(memory.rememberedCount()).toBe(1);
	});

	it('keeps every id across interleaved copies of static data (the lost-update case)', () => {
		const { memory } = memoryAt();
		const copies: IDataObject[] = Array.from({ length: 10 }, () => ({}));
		for (let index = 0; index < 100; index++)
			acceptAndRun(memory, 't', `id-${index}`, copies[index % 10]);
		for (let index = 0; index < 100; index++)
			expect(memory.rememberIfNew('t', `id-${index}`, {})).toBe(false);
		// Whichever copy n8n saves last, it holds every delivery known when it is saved.
		for (const copy of copies)
			expect(readStoredDeliveries(saved(copy), dayOf(START))).toHaveLength(100);
	});

	it('stays within its process-wide bound, dropping the least recently used trigger first', () => {
		const { memory } = memoryAt({ rememberedInProcess: 160 });
		for (const id of ids(60)) memory.rememberIfNew('t1', id, {});
		for (const id of ids(60)) memory.rememberIfNew('t2', id, {});
		memory.rememberIfNew('t1', 'touch', {}); // t1 is now the most recently used
		for (const id of ids(60)) memory.rememberIfNew('t3', id, {});
		expect(memory.rememberedCount()).toBeLessThanOrEqual(160);
		expect(memory.size('t2')).toBe(0);
		expect(memory.size('t1')).toBe(61);
		expect(memory.size('t3')).toBe(60);
	});

	it('drops the oldest batches of one trigger that alone outgrows the bound, never exceeding it', () => {
		const { memory } = memoryAt({ rememberedInProcess: 160 });
		for (const id of ids(500)) {
			memory.rememberIfNew('t', id, {});
			expect(memory.rememberedCount()).toBeLessThanOrEqual(160);
		}
		expect(memory.rememberIfNew('t', 'd-499', {})).toBe(false);
		expect(memory.rememberIfNew('t', 'd-0', {})).toBe(true);
	});

	it(`holds ${REMEMBERED_TRIGGERS} triggers and ${REMEMBERED_IN_PROCESS.toLocaleString('en')} deliveries by default`, () => {
		const { memory } = memoryAt();
		for (let index = 0; index < REMEMBERED_TRIGGERS + 20; index++)
			memory.rememberIfNew(`t${index}`, 'a', {});
		expect(memory.triggerCount()).toBe(REMEMBERED_TRIGGERS);
		expect(memory.rememberedCount()).toBe(REMEMBERED_TRIGGERS);
	});

	it('frees one trigger and keeps the others', () => {
		const { memory } = memoryAt();
		memory.rememberIfNew('t1', 'a', {});
		memory.rememberIfNew('t2', 'a', {});
		memory.forget('t1');
		expect(memory.triggerCount()).toBe(1);
		expect(memory.size('t2')).toBe(1);
		expect(memory.rememberedCount()).toBe(1);
	});
});

describe('DeliveryMemory across a restart', () => {
	it(`stores the ${STORED_DELIVERIES.toLocaleString('en')} most recent deliveries that ran, and a restarted process recognises exactly those`, () => {
		const { memory } = memoryAt();
		const staticData: IDataObject = {};
		const all = ids(STORED_CAPACITY + 1000);
		for (const id of all) acceptAndRun(memory, 't', id, staticData);
		const restarted = memoryAt().memory;
		const stored = saved(staticData);
		const newest = all.slice(-STORED_DELIVERIES);
		expect(newest.filter((id) => restarted.rememberIfNew('t', id, stored))).toEqual([]);
		expect(all.slice(0, 1000).filter((id) => !restarted.rememberIfNew('t', id, stored))).toEqual(
			[],
		);
		// 11 characters or so per delivery: about 55 KB in all.
		expect(JSON.stringify(stored).length).toBeLessThan(STORED_CAPACITY * 11 + 200);
	});

	it('loads more than it stores when static data holds more (a seeded or older store), and stores the newest', () => {
		const { memory } = memoryAt({ storedPerTrigger: 10 });
		const seed = new RecentDeliveries(50);
		for (const id of ids(50)) seed.push(fingerprintOf(id), dayOf(START));
		const staticData: IDataObject = { [STORED_KEY]: seed.toStored(dayOf(START)) };
		expect(ids(50).filter((id) => memory.rememberIfNew('t', id, staticData))).toEqual([]);
		acceptAndRun(memory, 't', 'next', staticData);
		expect(readStoredDeliveries(saved(staticData), dayOf(START))).toHaveLength(10);
	});

	it('a stored delivery expires on the same day after a restart as before it', () => {
		const { memory, clock } = memoryAt();
		const staticData = acceptAndRun(memory, 't', 'a');
		clock.now = START + REMEMBER_FOR_DAYS * DAY;
		const restarted = new DeliveryMemory({ now: () => clock.now });
		expect(restarted.rememberIfNew('t', 'a', saved(staticData))).toBe(false);
		const later = new DeliveryMemory({ now: () => START + (REMEMBER_FOR_DAYS + 1) * DAY });
		expect(later.rememberIfNew('t', 'a', saved(staticData))).toBe(true);
	});

	it('stores the deliveries whose execution ran, in the process that accepted them', () => {
		const { memory } = memoryAt();
		const items = { a: { id: 'a' }, b: { id: 'b' }, c: { id: 'c' } };
		for (const id of ['a', 'b', 'c'] as const) {
			memory.rememberIfNew('t', id, {});
			memory.markItem(id, items[id]);
		}
		const executionCopy: IDataObject = {};
		expect(memory.recordRun('t', items.a, executionCopy)).toBe(true);
		expect(memory.recordRun('t', items.c, executionCopy)).toBe(true);
		// b was accepted but its execution never started (n8n stopped first): a resend after a restart runs it.
		const restarted = memoryAt().memory;
		expect(restarted.rememberIfNew('t', 'a', saved(executionCopy))).toBe(false);
		expect(restarted.rememberIfNew('t', 'b', saved(executionCopy))).toBe(true);
		// Within the process that accepted it, b stays a duplicate.
		expect(memory.rememberIfNew('t', 'b', {})).toBe(false);
	});

	it('a copy written by an execution that ends last still holds the deliveries of those that ended before', () => {
		const { memory } = memoryAt();
		const first = acceptAndRun(memory, 't', 'first');
		const second = acceptAndRun(memory, 't', 'second');
		// n8n saves `second` when its execution ends, then `first`: the last save must not lose `second`.
		expect(readStoredDeliveries(saved(second), dayOf(START))).toHaveLength(2);
		const restarted = memoryAt().memory;
		expect(restarted.rememberIfNew('t', 'second', saved(first))).toBe(false);
	});

	it('rewrites a stale copy on a request that starts nothing, and leaves a current one alone', () => {
		const { memory } = memoryAt();
		const live = acceptAndRun(memory, 't', 'a');
		acceptAndRun(memory, 't', 'b', live);
		const staleCopy = saved(acceptAndRun(memoryAt().memory, 't', 'a'));
		expect(memory.rememberIfNew('t', 'a', staleCopy)).toBe(false);
		memory.persistIfBehind('t', staleCopy);
		expect(readStoredDeliveries(saved(staleCopy), dayOf(START))).toHaveLength(2);
		const currentCopy = saved(live);
		const before = currentCopy[STORED_KEY];
		memory.persistIfBehind('t', currentCopy);
		expect(currentCopy[STORED_KEY]).toBe(before);
	});

	it('writes nothing in a process that did not accept the deliveries (a queue-mode worker)', () => {
		const worker = memoryAt().memory;
		const workerCopy: IDataObject = { [LEGACY_KEY]: ['kept'] };
		expect(worker.recordRun('t', { webhook_event_uuid: 'a' }, workerCopy)).toBe(false);
		expect(workerCopy).toEqual({ [LEGACY_KEY]: ['kept'] });
	});

	it('stores every accepted delivery in a process that runs no executions (a queue-mode webhook process)', () => {
		const { memory } = memoryAt();
		memory.rememberIfNew('t', 'a', {});
		const acceptCopy: IDataObject = {};
		memory.rememberIfNew('t', 'b', acceptCopy);
		expect(readStoredDeliveries(saved(acceptCopy), dayOf(START))).toEqual(
			['a', 'b'].map((id) => ({ fingerprint: fingerprintOf(id), day: dayOf(START) })),
		);
		const duplicateAnswerCopy: IDataObject = {};
		memory.persistIfBehind('t', duplicateAnswerCopy);
		expect(readStoredDeliveries(saved(duplicateAnswerCopy), dayOf(START))).toHaveLength(2);
	});

	it('counts a delivery whose execution started from stored data as run (n8n resumes those at start-up)', () => {
		const { memory } = memoryAt();
		const staticData = acceptAndRun(memory, 't', 'a');
		// An execution the previous process created but never started: its item was read back from the database.
		const resumedCopy: IDataObject = { ...saved(staticData), other: 'kept' };
		expect(memory.recordRun('t', { webhook_event_uuid: ' r ' }, resumedCopy)).toBe(true);
		expect(readStoredDeliveries(saved(resumedCopy), dayOf(START))).toHaveLength(2);
		expect(resumedCopy.other).toBe('kept');
		expect(memory.rememberIfNew('t', 'r', {})).toBe(false);
	});

	it('never writes a resumed execution into a copy without the list (a snapshot that left static data out)', () => {
		const { memory } = memoryAt();
		memory.rememberIfNew('t', 'a', {});
		const snapshotCopy: IDataObject = {};
		expect(memory.recordRun('t', { webhook_event_uuid: 'r' }, snapshotCopy)).toBe(false);
		expect(snapshotCopy).toEqual({});
		// The next execution this process starts itself writes it.
		const nextCopy = acceptAndRun(memory, 't', 'b');
		const restarted = memoryAt().memory;
		expect(['r', 'b'].filter((id) => restarted.rememberIfNew('t', id, saved(nextCopy)))).toEqual(
			[],
		);
	});

	it('keeps a resumed delivery aside until the process first holds its trigger', () => {
		const { memory } = memoryAt();
		const copy: IDataObject = {};
		expect(memory.recordRun('t', { webhook_event_uuid: 'r' }, copy)).toBe(false);
		expect(copy).toEqual({});
		expect(memory.triggerCount()).toBe(0);
		// The first delivery after the start loads the stored list, and the resumed delivery with it.
		expect(memory.rememberIfNew('t', 'x', { [LEGACY_KEY]: ['old'] })).toBe(true);
		expect(memory.rememberIfNew('t', 'r', {})).toBe(false);
		expect(memory.rememberIfNew('t', 'old', {})).toBe(false);
		// Forgetting the trigger (deactivation) forgets what was kept aside too.
		memory.recordRun('u', { webhook_event_uuid: 'q' }, {});
		memory.forget('u');
		expect(memory.rememberIfNew('u', 'q', {})).toBe(true);
	});

	it('bounds what it keeps aside like the stored list (a queue-mode worker keeps aside every run)', () => {
		const worker = memoryAt({ storedPerTrigger: 3, maxTriggers: 2 }).memory;
		for (const id of ['a', 'b', 'c', 'd']) worker.recordRun('t1', { webhook_event_uuid: id }, {});
		worker.recordRun('t2', { webhook_event_uuid: 'e' }, {});
		worker.recordRun('t3', { webhook_event_uuid: 'f' }, {});
		// t1 was the least recently used of three triggers: dropped.
		expect(worker.rememberIfNew('t1', 'b', {})).toBe(true);
		expect(worker.rememberIfNew('t3', 'f', {})).toBe(false);
		const bounded = memoryAt({ storedPerTrigger: 3, maxTriggers: 5 }).memory;
		for (const id of ['a', 'b', 'c', 'd']) bounded.recordRun('t', { webhook_event_uuid: id }, {});
		expect(bounded.rememberIfNew('t', 'a', {})).toBe(true);
		expect(bounded.rememberIfNew('t', 'd', {})).toBe(false);
	});
});

describe('upgrading and downgrading', () => {
	it("recognises the previous release's stored list after an upgrade, and replaces it with the new form", () => {
		const previous = new PreviousDeliveryMemory();
		const staticData: IDataObject = {};
		for (const id of ids(1000)) {
			previous.rememberIfNew('t', id, {});
			const item = { webhook_event_uuid: id };
			previous.markItem(id, item);
			previous.recordRun('t', item, staticData);
		}
		const upgraded = memoryAt().memory;
		const afterUpgrade = saved(staticData);
		expect(ids(1000).filter((id) => upgraded.rememberIfNew('t', id, afterUpgrade))).toEqual([]);
		const written = acceptAndRun(upgraded, 't', 'after-upgrade', afterUpgrade);
		const savedAfterUpgrade = saved(written);
		expect(savedAfterUpgrade[LEGACY_KEY]).toBeUndefined();
		const restarted = memoryAt().memory;
		expect(
			[...ids(1000), 'after-upgrade'].filter((id) =>
				restarted.rememberIfNew('t', id, savedAfterUpgrade),
			),
		).toEqual([]);
	});

	it('a downgrade to the previous release works on the new static data (and forgets)', () => {
		const { memory } = memoryAt();
		const staticData = saved(acceptAndRun(memory, 't', 'a'));
		const downgraded = new PreviousDeliveryMemory();
		expect(() => downgraded.rememberIfNew('t', 'a', staticData)).not.toThrow();
		const item = { webhook_event_uuid: 'b' };
		downgraded.rememberIfNew('t', 'b', staticData);
		downgraded.markItem('b', item);
		expect(() => downgraded.recordRun('t', item, staticData)).not.toThrow();
		expect(downgraded.rememberIfNew('t', 'b', saved(staticData))).toBe(false);
	});
});
