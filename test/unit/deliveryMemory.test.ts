import type { IDataObject } from 'n8n-workflow';

import {
	DeliveryMemory,
	REMEMBERED_DELIVERIES,
	REMEMBERED_TRIGGERS,
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

describe('DeliveryMemory persistence', () => {
	it('rewrites a stale copy of the list on a request that starts nothing, and leaves a current one alone', () => {
		const memory = new DeliveryMemory();
		const live: IDataObject = {};
		memory.rememberIfNew('t', 'a', live);
		memory.rememberIfNew('t', 'b', live);
		const staleCopy: IDataObject = { seenDeliveryIds: ['a'] };
		expect(memory.rememberIfNew('t', 'a', staleCopy)).toBe(false);
		memory.persistIfBehind('t', staleCopy);
		expect(staleCopy.seenDeliveryIds).toEqual(['a', 'b']);
		const currentCopy: IDataObject = { seenDeliveryIds: ['a', 'b'] };
		const before = currentCopy.seenDeliveryIds;
		memory.persistIfBehind('t', currentCopy);
		expect(currentCopy.seenDeliveryIds).toBe(before);
	});

	it('stores the deliveries whose execution ran, in the process that accepted them', () => {
		const webhookProcess = new DeliveryMemory();
		const items = { a: { id: 'a' }, b: { id: 'b' }, c: { id: 'c' } };
		for (const id of ['a', 'b', 'c'] as const) {
			webhookProcess.rememberIfNew('t', id, {});
			webhookProcess.markItem(id, items[id]);
		}
		const executionCopy: IDataObject = {};
		expect(webhookProcess.recordRun('t', items.a, executionCopy)).toBe(true);
		expect(webhookProcess.recordRun('t', items.c, executionCopy)).toBe(true);
		// b was accepted but its execution never started (n8n stopped first): a resend after a restart runs it.
		expect(executionCopy.seenDeliveryIds).toEqual(['a', 'c']);
		const restarted = new DeliveryMemory();
		expect(restarted.rememberIfNew('t', 'a', executionCopy)).toBe(false);
		expect(restarted.rememberIfNew('t', 'b', executionCopy)).toBe(true);
		// Within the process that accepted it, b stays a duplicate.
		expect(webhookProcess.rememberIfNew('t', 'b', {})).toBe(false);
	});

	it('writes nothing in a process that did not accept the deliveries (a queue-mode worker)', () => {
		const worker = new DeliveryMemory();
		const workerCopy: IDataObject = {};
		expect(worker.recordRun('t', { id: 'a' }, workerCopy)).toBe(false);
		expect(workerCopy).toEqual({});
	});

	it('counts a delivery whose execution started from stored data as run (n8n resumes those at start-up)', () => {
		const memory = new DeliveryMemory();
		const accepted = { webhook_event_uuid: 'a' };
		memory.rememberIfNew('t', 'a', {});
		memory.markItem('a', accepted);
		const executionCopy: IDataObject = {};
		memory.recordRun('t', accepted, executionCopy);
		// An execution the previous process created but never started: its item was read back from the database.
		const resumedCopy: IDataObject = { seenDeliveryIds: ['a'], other: 'kept' };
		expect(memory.recordRun('t', { webhook_event_uuid: ' r ' }, resumedCopy)).toBe(true);
		expect(resumedCopy).toEqual({ seenDeliveryIds: ['a', 'r'], other: 'kept' });
		expect(memory.rememberIfNew('t', 'r', {})).toBe(false);
	});

	it('never writes a resumed execution into a copy without the list (a snapshot that left static data out)', () => {
		const memory = new DeliveryMemory();
		memory.rememberIfNew('t', 'a', {});
		const snapshotCopy: IDataObject = {};
		expect(memory.recordRun('t', { webhook_event_uuid: 'r' }, snapshotCopy)).toBe(false);
		expect(snapshotCopy).toEqual({});
		// The next execution this process starts itself writes it.
		const accepted = { webhook_event_uuid: 'b' };
		memory.rememberIfNew('t', 'b', {});
		memory.markItem('b', accepted);
		const nextCopy: IDataObject = {};
		memory.recordRun('t', accepted, nextCopy);
		expect(nextCopy.seenDeliveryIds).toEqual(expect.arrayContaining(['r', 'b']));
	});

	it('keeps a resumed delivery aside until the process first holds its trigger', () => {
		const memory = new DeliveryMemory();
		const copy: IDataObject = {};
		expect(memory.recordRun('t', { webhook_event_uuid: 'r' }, copy)).toBe(false);
		expect(copy).toEqual({});
		expect(memory.triggerCount()).toBe(0);
		// The first delivery after the start loads the stored list, and the resumed delivery with it.
		expect(memory.rememberIfNew('t', 'x', { seenDeliveryIds: ['old'] })).toBe(true);
		expect(memory.rememberIfNew('t', 'r', {})).toBe(false);
		expect(memory.rememberIfNew('t', 'old', {})).toBe(false);
		// Forgetting the trigger (deactivation) forgets what was kept aside too.
		memory.recordRun('u', { webhook_event_uuid: 'q' }, {});
		memory.forget('u');
		expect(memory.rememberIfNew('u', 'q', {})).toBe(true);
	});

	it('bounds what it keeps aside like the memory itself (a queue-mode worker keeps aside every run)', () => {
		const worker = new DeliveryMemory(3, 2);
		for (const id of ['a', 'b', 'c', 'd']) worker.recordRun('t1', { webhook_event_uuid: id }, {});
		worker.recordRun('t2', { webhook_event_uuid: 'e' }, {});
		worker.recordRun('t3', { webhook_event_uuid: 'f' }, {});
		// t1 was the least recently used of three triggers: dropped.
		expect(worker.rememberIfNew('t1', 'b', {})).toBe(true);
		expect(worker.rememberIfNew('t3', 'f', {})).toBe(false);
		const bounded = new DeliveryMemory(3, 5);
		for (const id of ['a', 'b', 'c', 'd']) bounded.recordRun('t', { webhook_event_uuid: id }, {});
		expect(bounded.rememberIfNew('t', 'a', {})).toBe(true);
		expect(bounded.rememberIfNew('t', 'd', {})).toBe(false);
	});

	it('stores every accepted delivery in a process that runs no executions (a queue-mode webhook process)', () => {
		const memory = new DeliveryMemory();
		memory.rememberIfNew('t', 'a', {});
		memory.rememberIfNew('t', 'b', {});
		const duplicateAnswerCopy: IDataObject = {};
		memory.persistIfBehind('t', duplicateAnswerCopy);
		expect(duplicateAnswerCopy.seenDeliveryIds).toEqual(['a', 'b']);
	});
});

describe('DeliveryMemory bounds', () => {
	it('keeps at most the configured number of triggers, dropping the least recently used', () => {
		const memory = new DeliveryMemory(1000, 3);
		const stored: Record<string, IDataObject> = { t1: {}, t2: {}, t3: {}, t4: {} };
		memory.rememberIfNew('t1', 'a', stored.t1);
		memory.rememberIfNew('t2', 'a', stored.t2);
		memory.rememberIfNew('t3', 'a', stored.t3);
		memory.rememberIfNew('t1', 'b', stored.t1); // t1 is now the most recently used
		memory.rememberIfNew('t4', 'a', stored.t4);
		expect(memory.triggerCount()).toBe(3);
		expect(memory.size('t2')).toBe(0);
		expect(memory.size('t1')).toBe(2);
		// The dropped trigger reloads from its static data and still knows its deliveries.
		expect(memory.rememberIfNew('t2', 'a', stored.t2)).toBe(false);
		expect(memory.triggerCount()).toBe(3);
		expect(memory.size('t3')).toBe(0);
	});

	it('holds 100 triggers by default', () => {
		const memory = new DeliveryMemory();
		for (let index = 0; index < REMEMBERED_TRIGGERS + 20; index++)
			memory.rememberIfNew(`t${index}`, 'a', {});
		expect(memory.triggerCount()).toBe(REMEMBERED_TRIGGERS);
	});

	it('frees one trigger and keeps the others', () => {
		const memory = new DeliveryMemory();
		memory.rememberIfNew('t1', 'a', {});
		memory.rememberIfNew('t2', 'a', {});
		memory.forget('t1');
		expect(memory.triggerCount()).toBe(1);
		expect(memory.size('t2')).toBe(1);
	});
});
