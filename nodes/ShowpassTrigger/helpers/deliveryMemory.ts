import type { IDataObject } from 'n8n-workflow';

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
 * The ids therefore live in this process's memory, checked and recorded in one synchronous step,
 * and the whole remembered list is written into static data (by the request, and again by the
 * execution it starts), which is the copy that survives a restart and seeds the memory when the
 * process meets the trigger again.
 */
interface RememberedIds {
	ids: Set<string>;
	/** The same ids, oldest first: the list written into static data. */
	order: string[];
}

export class DeliveryMemory {
	/** In least-recently-used order: a Map iterates in insertion order and every use re-inserts. */
	private readonly rememberedByTrigger = new Map<string, RememberedIds>();

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
		remembered.ids.add(deliveryId);
		remembered.order.push(deliveryId);
		if (remembered.order.length > this.capacity) {
			remembered.ids.delete(remembered.order.shift() as string);
		}
		// The live list is stored, so whichever copy n8n saves last holds every id known by then.
		staticData[STATIC_DATA_KEY] = remembered.order;
		return true;
	}

	/**
	 * Writes the live list into static data, only when this process holds the trigger — that is,
	 * when it accepted the trigger's deliveries itself. A process that never did (a queue-mode
	 * worker) would otherwise overwrite the stored list with what it does not know.
	 * Returns whether it wrote.
	 */
	persistIfHeld(triggerKey: string, staticData: IDataObject): boolean {
		const remembered = this.rememberedByTrigger.get(triggerKey);
		if (!remembered) return false;
		this.markUsed(triggerKey, remembered);
		staticData[STATIC_DATA_KEY] = remembered.order;
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
		const { order } = remembered;
		const isCurrent =
			Array.isArray(persisted) &&
			persisted.length === order.length &&
			persisted[persisted.length - 1] === order[order.length - 1];
		if (!isCurrent) staticData[STATIC_DATA_KEY] = order;
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
		if (triggerKey === undefined) this.rememberedByTrigger.clear();
		else this.rememberedByTrigger.delete(triggerKey);
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
			remembered = { ids: new Set(order), order };
		}
		this.markUsed(triggerKey, remembered);
		return remembered;
	}

	private markUsed(triggerKey: string, remembered: RememberedIds): void {
		this.rememberedByTrigger.delete(triggerKey);
		this.rememberedByTrigger.set(triggerKey, remembered);
		if (this.rememberedByTrigger.size > this.maxTriggers) {
			const leastRecentlyUsed = this.rememberedByTrigger.keys().next().value as string;
			this.rememberedByTrigger.delete(leastRecentlyUsed);
		}
	}
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
