import type { IDataObject } from 'n8n-workflow';

import { deliveryIdOf } from './payload';

/** How many `webhook_event_uuid`s each trigger node remembers. */
export const REMEMBERED_DELIVERIES = 1000;

/** How many trigger nodes one n8n process keeps in memory; the least recently used one is dropped. */
export const REMEMBERED_TRIGGERS = 100;

const STATIC_DATA_KEY = 'seenDeliveryIds';

/**
 * Remembers the deliveries a trigger node has accepted, to drop Showpass's resends.
 *
 * n8n hands every production request its own copy of the workflow's static data and the last
 * save wins, so concurrent requests lose each other's ids when static data is the only memory.
 * The ids therefore live in this process's memory, checked and recorded in one synchronous step.
 * What survives a restart is the list in static data, written by each execution when it starts
 * and saved by n8n when it ends. That list holds the deliveries whose execution ran: n8n can
 * answer a delivery and then abandon its execution (a shutdown that times out marks it crashed),
 * and a resend of such a delivery must run after the restart.
 */
interface RememberedIds {
	ids: Set<string>;
	/** The same ids, oldest first. */
	order: string[];
	/** Ids whose execution reached the trigger in this process (or that were loaded as such), oldest first. */
	ran: string[];
	/** Whether this process runs the trigger's executions; a queue-mode webhook process never does. */
	runsExecutions: boolean;
}

/** What a delivery's first item is, to find its id again when its execution starts. */
const deliveryOfItem = new WeakMap<object, string>();

export class DeliveryMemory {
	/** In least-recently-used order: a Map iterates in insertion order and every use re-inserts. */
	private readonly rememberedByTrigger = new Map<string, RememberedIds>();

	/** Deliveries that ran from stored data before this process held their trigger (see recordRun). */
	private readonly ranBeforeHeld = new Map<string, string[]>();

	constructor(
		private readonly capacity = REMEMBERED_DELIVERIES,
		private readonly maxTriggers = REMEMBERED_TRIGGERS,
	) {}

	/**
	 * Records the id unless it was seen before. Returns false for a duplicate.
	 * Must stay synchronous: that is what makes check-and-record atomic within a process.
	 */
	rememberIfNew(triggerKey: string, deliveryId: string, staticData: IDataObject): boolean {
		const remembered = this.rememberedFor(triggerKey, staticData);
		if (remembered.ids.has(deliveryId)) return false;
		this.addId(remembered, deliveryId);
		// The live list is stored, so whichever copy n8n saves last holds every id known by then.
		staticData[STATIC_DATA_KEY] = this.persistedList(remembered);
		return true;
	}

	/** Ties the first item handed to n8n to its delivery, for recordRun(). */
	markItem(deliveryId: string, firstItem: object): void {
		deliveryOfItem.set(firstItem, deliveryId);
	}

	/**
	 * Called as an execution starts: records that the delivery behind `firstItem` ran and writes the
	 * list of deliveries that ran into the execution's static data, which n8n saves when it ends.
	 * Returns whether it wrote.
	 *
	 * Only a process that holds the trigger writes, that is one that accepted deliveries for it
	 * itself; a queue-mode worker never did, and would otherwise replace the stored list with what
	 * it does not know. An execution can also start from stored data rather than from this process's
	 * webhook(): n8n (regular mode) runs at start-up the executions the previous process created but
	 * never started, and a user can retry one. Its delivery is read from the item (every item carries
	 * `webhook_event_uuid`) and counts as seen from then on; if the trigger is not held yet it is kept
	 * aside until this process's first delivery for the trigger loads the memory.
	 */
	recordRun(triggerKey: string, firstItem: IDataObject | undefined, staticData: IDataObject): boolean {
		const acceptedHere = firstItem === undefined ? undefined : deliveryOfItem.get(firstItem);
		const deliveryId = acceptedHere ?? (firstItem === undefined ? undefined : deliveryIdOf(firstItem));
		const remembered = this.rememberedByTrigger.get(triggerKey);
		if (!remembered) {
			if (deliveryId !== undefined) this.keepAside(triggerKey, deliveryId);
			return false;
		}
		this.markUsed(triggerKey, remembered);
		if (!remembered.runsExecutions) {
			// First run in this process: from now on only deliveries that ran are stored.
			remembered.runsExecutions = true;
			if (deliveryId === undefined)
				remembered.ran.push(...remembered.order.filter((id) => !remembered.ran.includes(id)));
		}
		if (deliveryId !== undefined) {
			if (acceptedHere === undefined) this.addId(remembered, deliveryId);
			this.addRan(remembered, deliveryId);
		}
		// n8n 2.x resumes an execution on a stored workflow snapshot that leaves static data out; saving
		// into such a copy would replace every other node's static data. The list is written by the
		// next execution this process starts itself.
		if (acceptedHere === undefined && !Array.isArray(staticData[STATIC_DATA_KEY])) return false;
		staticData[STATIC_DATA_KEY] = remembered.ran;
		return true;
	}

	/**
	 * n8n 2.x drops the static-data change of a request that starts an execution but saves the change
	 * of one that does not (a duplicate, an ignored event, a refused request). Such a request therefore
	 * rewrites the list when the copy it was handed is behind this process's memory.
	 */
	persistIfBehind(triggerKey: string, staticData: IDataObject): void {
		const remembered = this.rememberedByTrigger.get(triggerKey);
		if (!remembered) return;
		const persisted = staticData[STATIC_DATA_KEY];
		const list = this.persistedList(remembered);
		const isCurrent =
			Array.isArray(persisted) &&
			persisted.length === list.length &&
			persisted[persisted.length - 1] === list[list.length - 1];
		if (!isCurrent) staticData[STATIC_DATA_KEY] = list;
	}

	/** Number of ids held for one trigger node (for tests and benchmarks). */
	size(triggerKey: string): number {
		return this.rememberedByTrigger.get(triggerKey)?.ids.size ?? 0;
	}

	/** Number of trigger nodes held (for tests and benchmarks). */
	triggerCount(): number {
		return this.rememberedByTrigger.size;
	}

	forget(triggerKey?: string): void {
		if (triggerKey === undefined) {
			this.rememberedByTrigger.clear();
			this.ranBeforeHeld.clear();
		} else {
			this.rememberedByTrigger.delete(triggerKey);
			this.ranBeforeHeld.delete(triggerKey);
		}
	}

	private addId(remembered: RememberedIds, deliveryId: string): void {
		if (remembered.ids.has(deliveryId)) return;
		remembered.ids.add(deliveryId);
		remembered.order.push(deliveryId);
		if (remembered.order.length > this.capacity) {
			remembered.ids.delete(remembered.order.shift() as string);
		}
	}

	private addRan(remembered: RememberedIds, deliveryId: string): void {
		appendOnce(remembered.ran, deliveryId, this.capacity);
	}

	/** Bounded like the memory: `capacity` ids per trigger, `maxTriggers` triggers (oldest dropped). */
	private keepAside(triggerKey: string, deliveryId: string): void {
		const kept = this.ranBeforeHeld.get(triggerKey) ?? [];
		useLeastRecentlyUsed(this.ranBeforeHeld, triggerKey, kept, this.maxTriggers);
		appendOnce(kept, deliveryId, this.capacity);
	}

	private rememberedFor(triggerKey: string, staticData: IDataObject): RememberedIds {
		let remembered = this.rememberedByTrigger.get(triggerKey);
		if (!remembered) {
			const persisted = staticData[STATIC_DATA_KEY];
			const order = Array.isArray(persisted)
				? [...new Set(persisted.filter((id): id is string => typeof id === 'string'))].slice(
						-this.capacity,
					)
				: [];
			remembered = { ids: new Set(order), order, ran: [...order], runsExecutions: false };
			for (const deliveryId of this.ranBeforeHeld.get(triggerKey) ?? []) {
				this.addId(remembered, deliveryId);
				this.addRan(remembered, deliveryId);
			}
			this.ranBeforeHeld.delete(triggerKey);
		}
		this.markUsed(triggerKey, remembered);
		return remembered;
	}

	/**
	 * In a process that runs the trigger's executions, the deliveries that ran; in one that only
	 * receives them (a queue-mode webhook process), every accepted delivery, as nothing else is known.
	 */
	private persistedList(remembered: RememberedIds): string[] {
		return remembered.runsExecutions ? remembered.ran : remembered.order;
	}

	private markUsed(triggerKey: string, remembered: RememberedIds): void {
		useLeastRecentlyUsed(this.rememberedByTrigger, triggerKey, remembered, this.maxTriggers);
	}
}

/** Appends `id` unless the list holds it, dropping the oldest beyond `capacity`. */
function appendOnce(list: string[], id: string, capacity: number): void {
	if (list.includes(id)) return;
	list.push(id);
	if (list.length > capacity) list.shift();
}

/** Re-inserts `key` as the most recently used and drops the least recently used beyond `maxSize`. */
function useLeastRecentlyUsed<V>(map: Map<string, V>, key: string, value: V, maxSize: number): void {
	map.delete(key);
	map.set(key, value);
	if (map.size > maxSize) map.delete(map.keys().next().value as string);
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
