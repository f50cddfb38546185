import { FingerprintSet, type Fingerprint } from './fingerprints';

/** Showpass keeps a delivery resendable for 15 days; one more day of margin. */
export const REMEMBER_FOR_DAYS = 16;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The day number (days since 1970-01-01 UTC) of a time in milliseconds. */
export function dayOf(timeMs: number): number {
	return Math.floor(timeMs / DAY_MS);
}

/**
 * Whether a delivery seen on `day` is still remembered on `today`: for at least REMEMBER_FOR_DAYS
 * full days, and less than one day longer (a day's deliveries are forgotten together).
 */
export function isRemembered(day: number, today: number): boolean {
	return today - day <= REMEMBER_FOR_DAYS;
}

interface Batch {
	/** The newest day of a fingerprint in the batch: the batch is forgotten when that day is. */
	newestDay: number;
	fingerprints: FingerprintSet;
}

/**
 * The fingerprints one trigger remembers, in batches of one day each (a busy day fills several,
 * each of at most `batchLimit`). A lookup checks each batch; a batch that ages out is dropped whole,
 * so expiry costs nothing per delivery, and the oldest batch is what goes when memory runs short.
 */
export class RememberedFingerprints {
	/** Oldest first. */
	private readonly batches: Batch[] = [];
	private count = 0;

	constructor(private readonly batchLimit: number) {}

	get size(): number {
		return this.count;
	}

	get batchCount(): number {
		return this.batches.length;
	}

	has(fingerprint: Fingerprint): boolean {
		for (let index = this.batches.length - 1; index >= 0; index--) {
			if (this.batches[index].fingerprints.has(fingerprint)) return true;
		}
		return false;
	}

	/** Adds a fingerprint seen on `day` unless it is remembered already; returns whether it was added. */
	add(fingerprint: Fingerprint, day: number): boolean {
		if (this.has(fingerprint)) return false;
		let newest = this.batches[this.batches.length - 1];
		if (!newest || day > newest.newestDay || newest.fingerprints.size >= this.batchLimit) {
			newest = { newestDay: day, fingerprints: new FingerprintSet() };
			this.batches.push(newest);
		}
		newest.fingerprints.add(fingerprint);
		newest.newestDay = Math.max(newest.newestDay, day);
		this.count++;
		return true;
	}

	/** Forgets what is no longer remembered on `today`; returns how many fingerprints went. */
	expire(today: number): number {
		let forgotten = 0;
		while (this.batches.length > 0 && !isRemembered(this.batches[0].newestDay, today)) {
			forgotten += this.dropOldest();
		}
		return forgotten;
	}

	/** Forgets the oldest batch; returns how many fingerprints went with it. */
	dropOldest(): number {
		const oldest = this.batches.shift();
		if (!oldest) return 0;
		this.count -= oldest.fingerprints.size;
		return oldest.fingerprints.size;
	}
}
