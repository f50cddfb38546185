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
export class DeliveryMemory {
	private readonly seenByTrigger = new Map<string, Set<string>>();

	constructor(private readonly capacity = REMEMBERED_DELIVERIES) {}

	/**
	 * Records the id unless it was seen before. Returns false for a duplicate.
	 * Must stay synchronous: that is what makes check-and-record atomic within a process.
	 */
	rememberIfNew(triggerKey: string, deliveryId: string, staticData: IDataObject): boolean {
		const seen = this.seenFor(triggerKey, staticData);
		if (seen.has(deliveryId)) return false;
		seen.add(deliveryId);
		if (seen.size > this.capacity) {
			const oldest = seen.values().next().value as string;
			seen.delete(oldest);
		}
		staticData[STATIC_DATA_KEY] = [...seen];
		return true;
	}

	/** Number of ids held for one trigger node (for tests and benchmarks). */
	size(triggerKey: string): number {
		return this.seenByTrigger.get(triggerKey)?.size ?? 0;
	}

	forget(triggerKey?: string): void {
		if (triggerKey === undefined) this.seenByTrigger.clear();
		else this.seenByTrigger.delete(triggerKey);
	}

	private seenFor(triggerKey: string, staticData: IDataObject): Set<string> {
		let seen = this.seenByTrigger.get(triggerKey);
		if (!seen) {
			const persisted = staticData[STATIC_DATA_KEY];
			const ids = Array.isArray(persisted)
				? persisted.filter((id): id is string => typeof id === 'string').slice(-this.capacity)
				: [];
			seen = new Set(ids);
			this.seenByTrigger.set(triggerKey, seen);
		}
		return seen;
	}
}

/** One memory per n8n process, shared by every Showpass Trigger the process runs. */
export const deliveryMemory = new DeliveryMemory();
