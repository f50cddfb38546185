import { createHash } from 'crypto';

/**
 * A delivery's `webhook_event_uuid` as the trigger remembers it: the first 64 bits of its SHA-256,
 * held as two unsigned 32-bit halves. Two different deliveries share a fingerprint with odds of
 * 1 in 2^64 per pair (the bound this gives is worked out in RELIABILITY.md).
 */
export interface Fingerprint {
	high: number;
	low: number;
}

export function fingerprintOf(deliveryId: string): Fingerprint {
	const digest = createHash('sha256').update(deliveryId, 'utf8').digest();
	const high = digest.readUInt32BE(0);
	const low = digest.readUInt32BE(4);
	// (0, 0) marks an empty slot in FingerprintSet; the one id that hashes to it moves next door.
	return high === 0 && low === 0 ? { high: 0, low: 1 } : { high, low };
}

const MIN_CAPACITY = 16;

/**
 * A set of 64-bit fingerprints in one typed array (open addressing, linear probing): 8 bytes a
 * slot, kept between 3/8 and 3/4 full, so 11–22 bytes per fingerprint with no object per entry.
 * Nothing is ever removed from one set; whole sets are dropped as they expire.
 */
export class FingerprintSet {
	private slots: Uint32Array;
	private mask: number;
	private count = 0;

	constructor(expectedSize = 0) {
		let capacity = MIN_CAPACITY;
		while (capacity * 0.75 < expectedSize) capacity *= 2;
		this.slots = new Uint32Array(capacity * 2);
		this.mask = capacity - 1;
	}

	get size(): number {
		return this.count;
	}

	/** Bytes held by the table itself. */
	get byteLength(): number {
		return this.slots.byteLength;
	}

	has({ high, low }: Fingerprint): boolean {
		return this.slotOf(high, low) >= 0;
	}

	/** Adds the fingerprint; returns false when it was already there. */
	add({ high, low }: Fingerprint): boolean {
		const found = this.slotOf(high, low);
		if (found >= 0) return false;
		if ((this.count + 1) * 4 > (this.mask + 1) * 3) {
			this.grow();
			this.place(high, low);
		} else {
			const slot = ~found;
			this.slots[slot * 2] = high;
			this.slots[slot * 2 + 1] = low;
		}
		this.count++;
		return true;
	}

	/** The slot holding the fingerprint, or the one's complement of the empty slot where it would go. */
	private slotOf(high: number, low: number): number {
		const { slots, mask } = this;
		let slot = low & mask;
		for (;;) {
			const slotHigh = slots[slot * 2];
			const slotLow = slots[slot * 2 + 1];
			if (slotHigh === high && slotLow === low) return slot;
			if (slotHigh === 0 && slotLow === 0) return ~slot;
			slot = (slot + 1) & mask;
		}
	}

	private place(high: number, low: number): void {
		const slot = ~this.slotOf(high, low);
		this.slots[slot * 2] = high;
		this.slots[slot * 2 + 1] = low;
	}

	private grow(): void {
		const old = this.slots;
		this.slots = new Uint32Array(old.length * 2);
		this.mask = old.length - 1;
		for (let index = 0; index < old.length; index += 2) {
			if (old[index] !== 0 || old[index + 1] !== 0) this.place(old[index], old[index + 1]);
		}
	}
}
