import type { IDataObject } from 'n8n-workflow';

import { fingerprintOf, type Fingerprint } from './fingerprints';
import { deliveryIdOf } from './payload';
import { dayOf, RememberedFingerprints } from './rememberedFingerprints';
import {
	holdsStoredDeliveries,
	LEGACY_KEY,
	readStoredDeliveries,
	RecentDeliveries,
	STORED_CAPACITY,
	STORED_KEY,
	type DatedFingerprint,
	type StoredForm,
} from './storedDeliveries';

/** How many deliveries one n8n process remembers across all its triggers; the least recently used trigger goes first. */
export const REMEMBERED_IN_PROCESS = 1_000_000;

/** How many trigger nodes one n8n process keeps in memory; the least recently used one is dropped. */
export const REMEMBERED_TRIGGERS = 100;

export interface DeliveryMemoryOptions {
	/** The clock, in milliseconds since 1970 (tests set it). */
	now?: () => number;
	/** Deliveries stored with each trigger's workflow, to survive a restart. */
	storedPerTrigger?: number;
	/** Deliveries remembered across every trigger of the process. */
	rememberedInProcess?: number;
	/** Triggers held in memory. */
	maxTriggers?: number;
}

/**
 * What one trigger node's memory holds. Every delivery it knows as seen is in `seen`, for as long as
 * Showpass may resend it. What survives a restart is `ran` (the most recent deliveries whose
 * execution reached the trigger in this process, or that were loaded as such) in a process that runs
 * executions, and `accepted` in one that only receives deliveries (a queue-mode webhook process).
 */
interface TriggerMemory {
	seen: RememberedFingerprints;
	ran: RecentDeliveries;
	/** Dropped once the process is seen running an execution of the trigger. */
	accepted?: RecentDeliveries;
	/** What this trigger puts into static data: serialized by n8n when it saves, so always current. */
	live: object;
}

/** What a delivery's first item is, to find its id again when its execution starts. */
const deliveryOfItem = new WeakMap<object, string>();

const LIVE = Symbol('showpass.storedDeliveries');

/**
 * Remembers the deliveries each trigger node has accepted, to drop Showpass's resends for as long as
 * Showpass offers them (15 days, and a day's margin), by a 64-bit fingerprint of `webhook_event_uuid`.
 *
 * n8n hands every production request its own copy of the workflow's static data and the last
 * save wins, so concurrent requests lose each other's ids when static data is the only memory.
 * The fingerprints therefore live in this process's memory, checked and recorded in one synchronous
 * step. What survives a restart is the most recent STORED_CAPACITY of them in static data, written
 * by each execution as it starts and saved by n8n when it ends. n8n rewrites the whole static data
 * with every save, so storing more would make every execution dearer; older deliveries are
 * remembered while the process runs. The stored list holds the deliveries whose execution ran: n8n
 * can answer a delivery and then abandon its execution (a shutdown that times out marks it
 * crashed), and a resend of such a delivery must run after the restart.
 */
export class DeliveryMemory {
	/** In least-recently-used order: a Map iterates in insertion order and every use re-inserts. */
	private readonly memoryByTrigger = new Map<string, TriggerMemory>();

	/** Deliveries that ran from stored data before this process held their trigger (see recordRun). */
	private readonly ranBeforeHeld = new Map<string, DatedFingerprint[]>();

	private remembered = 0;
	private readonly now: () => number;
	private readonly storedPerTrigger: number;
	private readonly rememberedInProcess: number;
	private readonly maxTriggers: number;
	private readonly batchLimit: number;

	constructor(options: DeliveryMemoryOptions = {}) {
		this.now = options.now ?? Date.now;
		this.storedPerTrigger = options.storedPerTrigger ?? STORED_CAPACITY;
		this.rememberedInProcess = options.rememberedInProcess ?? REMEMBERED_IN_PROCESS;
		this.maxTriggers = options.maxTriggers ?? REMEMBERED_TRIGGERS;
		// Small enough that dropping a trigger's oldest batches always brings the process under its bound.
		this.batchLimit = Math.max(1, Math.min(65_536, Math.floor(this.rememberedInProcess / 16)));
	}

	/**
	 * Records the delivery unless it was seen before. Returns false for a duplicate.
	 * Must stay synchronous: that is what makes check-and-record atomic within a process.
	 */
	rememberIfNew(triggerKey: string, deliveryId: string, staticData: IDataObject): boolean {
		const memory = this.memoryFor(triggerKey, staticData);
		const fingerprint = fingerprintOf(deliveryId);
		const today = this.today();
		if (!this.addSeen(triggerKey, memory, fingerprint, today)) return false;
		if (memory.accepted) {
			// A process not (yet) seen running executions stores what it accepted: nothing else is known.
			memory.accepted.push(fingerprint, today);
			this.store(memory, staticData);
		}
		return true;
	}

	/** Ties the first item handed to n8n to its delivery, for recordRun(). */
	markItem(deliveryId: string, firstItem: object): void {
		deliveryOfItem.set(firstItem, deliveryId);
	}

	/**
	 * Called as an execution starts: records that the delivery behind `firstItem` ran and puts the
	 * stored list into the execution's static data, which n8n saves when it ends. Returns whether it
	 * wrote.
	 *
	 * Only a process that holds the trigger writes, that is one that accepted deliveries for it
	 * itself; a queue-mode worker never did, and would otherwise replace the stored list with what
	 * it does not know. An execution can also start from stored data rather than from this process's
	 * webhook(): n8n (regular mode) runs at start-up the executions the previous process created but
	 * never started, and a user can retry one. Its delivery is read from the item (every item carries
	 * `webhook_event_uuid`) and counts as seen from then on; if the trigger is not held yet it is kept
	 * aside until this process's first delivery for the trigger loads the memory.
	 */
	recordRun(
		triggerKey: string,
		firstItem: IDataObject | undefined,
		staticData: IDataObject,
	): boolean {
		const acceptedHere = firstItem === undefined ? undefined : deliveryOfItem.get(firstItem);
		const deliveryId =
			acceptedHere ?? (firstItem === undefined ? undefined : deliveryIdOf(firstItem));
		const fingerprint = deliveryId === undefined ? undefined : fingerprintOf(deliveryId);
		const today = this.today();
		const memory = this.memoryByTrigger.get(triggerKey);
		if (!memory) {
			if (fingerprint) this.keepAside(triggerKey, { fingerprint, day: today });
			return false;
		}
		this.markUsed(triggerKey, memory);
		// From the first run in this process on, only deliveries that ran are stored.
		memory.accepted = undefined;
		if (fingerprint) {
			if (acceptedHere === undefined) this.addSeen(triggerKey, memory, fingerprint, today);
			// A delivery accepted here was new to this process, so it is not stored yet; another may be.
			if (acceptedHere !== undefined || !memory.ran.includes(fingerprint))
				memory.ran.push(fingerprint, today);
		}
		// n8n 2.x resumes an execution on a stored workflow snapshot that leaves static data out; saving
		// into such a copy would replace every other node's static data. The list is written by the
		// next execution this process starts itself.
		if (acceptedHere === undefined && !holdsStoredDeliveries(staticData)) return false;
		this.store(memory, staticData);
		return true;
	}

	/**
	 * n8n 2.x drops the static-data change of a request that starts an execution but saves the change
	 * of one that does not (a duplicate, an ignored event, a refused request). Such a request therefore
	 * rewrites the list when the copy it was handed is behind this process's memory.
	 */
	persistIfBehind(triggerKey: string, staticData: IDataObject): void {
		const memory = this.memoryByTrigger.get(triggerKey);
		if (!memory) return;
		const persisted = staticData[STORED_KEY] as Partial<StoredForm> | undefined;
		const current = this.storedForm(memory);
		// A live list in this copy may have been saved already, before the memory moved on: write it again.
		const isCurrent =
			staticData[LEGACY_KEY] === undefined &&
			!isLive(persisted) &&
			persisted?.fingerprints === current.fingerprints &&
			persisted?.days === current.days;
		if (!isCurrent) this.store(memory, staticData);
	}

	/** Number of deliveries remembered for one trigger node (for tests and benchmarks). */
	size(triggerKey: string): number {
		return this.memoryByTrigger.get(triggerKey)?.seen.size ?? 0;
	}

	/** Number of deliveries remembered across the process (for tests and benchmarks). */
	rememberedCount(): number {
		return this.remembered;
	}

	/** Number of trigger nodes held (for tests and benchmarks). */
	triggerCount(): number {
		return this.memoryByTrigger.size;
	}

	forget(triggerKey?: string): void {
		if (triggerKey === undefined) {
			this.memoryByTrigger.clear();
			this.ranBeforeHeld.clear();
			this.remembered = 0;
		} else {
			this.remembered -= this.memoryByTrigger.get(triggerKey)?.seen.size ?? 0;
			this.memoryByTrigger.delete(triggerKey);
			this.ranBeforeHeld.delete(triggerKey);
		}
	}

	private today(): number {
		return dayOf(this.now());
	}

	private memoryFor(triggerKey: string, staticData: IDataObject): TriggerMemory {
		let memory = this.memoryByTrigger.get(triggerKey);
		if (!memory) {
			memory = this.load(triggerKey, staticData);
			this.memoryByTrigger.set(triggerKey, memory);
		}
		this.markUsed(triggerKey, memory);
		return memory;
	}

	/** A trigger's memory as its static data and the deliveries kept aside for it leave it. */
	private load(triggerKey: string, staticData: IDataObject): TriggerMemory {
		const memory: TriggerMemory = {
			seen: new RememberedFingerprints(this.batchLimit),
			ran: new RecentDeliveries(this.storedPerTrigger),
			accepted: new RecentDeliveries(this.storedPerTrigger),
			live: {},
		};
		Object.defineProperty(memory.live, LIVE, { value: true });
		// n8n serializes static data with JSON.stringify when it saves it: the list saved is the one of
		// that moment, whichever execution's copy is saved last.
		Object.defineProperty(memory.live, 'toJSON', { value: () => this.storedForm(memory) });
		const today = this.today();
		const loaded = [
			...readStoredDeliveries(staticData, today),
			...(this.ranBeforeHeld.get(triggerKey) ?? []),
		];
		this.ranBeforeHeld.delete(triggerKey);
		for (const { fingerprint, day } of loaded) {
			if (memory.seen.add(fingerprint, day)) this.remembered++;
			memory.ran.push(fingerprint, day);
			memory.accepted?.push(fingerprint, day);
		}
		return memory;
	}

	private storedForm(memory: TriggerMemory): StoredForm {
		return (memory.accepted ?? memory.ran).toStored(this.today());
	}

	private store(memory: TriggerMemory, staticData: IDataObject): void {
		staticData[STORED_KEY] = memory.live as IDataObject;
		if (staticData[LEGACY_KEY] !== undefined) delete staticData[LEGACY_KEY];
	}

	/** Adds to what the trigger has seen, within the process's bound; returns false if it was seen. */
	private addSeen(
		triggerKey: string,
		memory: TriggerMemory,
		fingerprint: Fingerprint,
		today: number,
	): boolean {
		this.remembered -= memory.seen.expire(today);
		if (!memory.seen.add(fingerprint, today)) return false;
		this.remembered++;
		this.keepWithinBound(triggerKey, memory);
		return true;
	}

	/** Drops the least recently used triggers, then the oldest batches of this one, until within bound. */
	private keepWithinBound(triggerKey: string, memory: TriggerMemory): void {
		for (const [key, other] of this.memoryByTrigger) {
			if (this.remembered <= this.rememberedInProcess) return;
			if (key === triggerKey) continue;
			this.remembered -= other.seen.size;
			this.memoryByTrigger.delete(key);
		}
		while (this.remembered > this.rememberedInProcess && memory.seen.batchCount > 1) {
			this.remembered -= memory.seen.dropOldest();
		}
	}

	/** Bounded like the stored list: `storedPerTrigger` per trigger, `maxTriggers` triggers (oldest dropped). */
	private keepAside(triggerKey: string, run: DatedFingerprint): void {
		const kept = this.ranBeforeHeld.get(triggerKey) ?? [];
		useLeastRecentlyUsed(this.ranBeforeHeld, triggerKey, kept, this.maxTriggers);
		const { high, low } = run.fingerprint;
		if (kept.some(({ fingerprint }) => fingerprint.high === high && fingerprint.low === low))
			return;
		kept.push(run);
		if (kept.length > this.storedPerTrigger) kept.shift();
	}

	private markUsed(triggerKey: string, memory: TriggerMemory): void {
		const dropped = useLeastRecentlyUsed(
			this.memoryByTrigger,
			triggerKey,
			memory,
			this.maxTriggers,
		);
		if (dropped) this.remembered -= dropped.seen.size;
	}
}

/**
 * Re-inserts `key` as the most recently used and drops the least recently used beyond `maxSize`;
 * returns what was dropped.
 */
function useLeastRecentlyUsed<V>(
	map: Map<string, V>,
	key: string,
	value: V,
	maxSize: number,
): V | undefined {
	map.delete(key);
	map.set(key, value);
	if (map.size <= maxSize) return undefined;
	const [oldestKey, oldest] = map.entries().next().value as [string, V];
	map.delete(oldestKey);
	return oldest;
}

function isLive(value: unknown): boolean {
	return (
		typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[LIVE] === true
	);
}

/** The key of one trigger node in the memory: its workflow and node. */
export function triggerKeyOf(
	workflow: { id?: string | null },
	node: { id?: string; name: string },
): string {
	return `${workflow.id ?? ''}:${node.id ?? node.name}`;
}

/** One memory per n8n process, shared by every Showpass Trigger the process runs. */
export const deliveryMemory = new DeliveryMemory();
