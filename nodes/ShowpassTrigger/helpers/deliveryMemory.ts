import type { IDataObject } from 'n8n-workflow';

/** How many `webhook_event_uuid`s each trigger node remembers. */
export const REMEMBERED_DELIVERIES = 1000;

const STATIC_DATA_KEY = 'seenDeliveryIds';

/**
 * Remembers the deliveries a trigger node has accepted, to drop Showpass's resends.
 *
 * n8n hands every production request its own copy of the workflow's static data and the last
 * save wins, so concurrent requests lose each other's ids when static data is the only memory.
 * The ids therefore live in this process's memory, checked and recorded in one synchronous step,
 * and every accepted delivery writes the whole remembered list into static data, which is the
 * copy that survives a restart and seeds the memory when the process starts again.
 */
interface RememberedIds {
	ids: Set<string>;
	/** The same ids, oldest first: the list written into static data. */
	order: string[];
}

export class DeliveryMemory {
	private readonly rememberedByTrigger = new Map<string, RememberedIds>();

	constructor(private readonly capacity = REMEMBERED_DELIVERIES) {}

	/**
	 * Records the id unless it was seen before. Returns false for a duplicate.
	 * Must stay synchronous: that is what makes check-and-record atomic within a process.
	 */
	rememberIfNew(triggerKey: string, deliveryId: string, staticData: IDataObject): boolean {
		const remembered = this.rememberedFor(triggerKey, staticData);
		if (remembered.ids.has(deliveryId)) {
			this.persistIfBehind(remembered, staticData);
			return false;
		}
		remembered.ids.add(deliveryId);
		remembered.order.push(deliveryId);
		if (remembered.order.length > this.capacity) {
			remembered.ids.delete(remembered.order.shift() as string);
		}
		// The live list is stored, so whichever copy n8n saves last holds every id known by then.
		staticData[STATIC_DATA_KEY] = remembered.order;
		return true;
	}

	/** Number of ids held for one trigger node (for tests and benchmarks). */
	size(triggerKey: string): number {
		return this.rememberedByTrigger.get(triggerKey)?.ids.size ?? 0;
	}

	forget(triggerKey?: string): void {
		if (triggerKey === undefined) this.rememberedByTrigger.clear();
		else this.rememberedByTrigger.delete(triggerKey);
	}

	/**
	 * n8n 2.x can drop the static-data change of a request that starts an execution, but saves the
	 * change of one that does not; a duplicate therefore rewrites the list when the saved copy is behind.
	 */
	private persistIfBehind({ order }: RememberedIds, staticData: IDataObject): void {
		const persisted = staticData[STATIC_DATA_KEY];
		const isCurrent =
			Array.isArray(persisted) &&
			persisted.length === order.length &&
			persisted[persisted.length - 1] === order[order.length - 1];
		if (!isCurrent) staticData[STATIC_DATA_KEY] = order;
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
			this.rememberedByTrigger.set(triggerKey, remembered);
		}
		return remembered;
	}
}

/** One memory per n8n process, shared by every Showpass Trigger the process runs. */
export const deliveryMemory = new DeliveryMemory();
