import type { IDataObject } from 'n8n-workflow';

import { fingerprintOf, type Fingerprint } from './fingerprints';
import { isRemembered } from './rememberedFingerprints';

/** How many of its most recent deliveries each trigger stores with the workflow, at least (they survive a restart). */
export const STORED_DELIVERIES = 5000;

/**
 * How many it keeps: deliveries that arrive together can start their executions in another order than
 * they arrived, so a few more places keep the 5,000 most recent stored however they overlap.
 */
export const STORED_CAPACITY = STORED_DELIVERIES + 250;

/** Where the stored deliveries live in the trigger node's static data. */
export const STORED_KEY = 'rememberedDeliveries';

/** Where releases before this format kept the last 1,000 `webhook_event_uuid`s, as a plain list. */
export const LEGACY_KEY = 'seenDeliveryIds';

/**
 * The stored form: one string of 8-byte fingerprints (base64, oldest first) and the day each was
 * seen, as runs `day:count,day:count`. n8n rewrites a workflow's whole static data whenever it
 * changes, so this is kept to about 11 characters per delivery, in strings n8n copies cheaply.
 */
export interface StoredForm {
	format: 1;
	fingerprints: string;
	days: string;
}

export interface DatedFingerprint {
	fingerprint: Fingerprint;
	day: number;
}

const FINGERPRINT_BYTES = 8;

/**
 * The most recent deliveries in the order they were recorded, at most `capacity` (the oldest goes
 * first): their fingerprints as the bytes of the stored form, so writing it is one base64 pass.
 */
export class RecentDeliveries {
	private bytes = new Uint8Array(0);
	private days = new Uint32Array(0);
	private start = 0;
	private count = 0;
	private cached?: { today: number; form: StoredForm };

	constructor(private readonly capacity: number) {}

	get size(): number {
		return this.count;
	}

	push({ high, low }: Fingerprint, day: number): void {
		if (this.capacity <= 0) return;
		if (this.count === this.days.length && this.count < this.capacity) this.grow();
		const length = this.days.length;
		const slot = (this.start + this.count) % length;
		const at = slot * FINGERPRINT_BYTES;
		const { bytes } = this;
		bytes[at] = high >>> 24;
		bytes[at + 1] = high >>> 16;
		bytes[at + 2] = high >>> 8;
		bytes[at + 3] = high;
		bytes[at + 4] = low >>> 24;
		bytes[at + 5] = low >>> 16;
		bytes[at + 6] = low >>> 8;
		bytes[at + 7] = low;
		this.days[slot] = day;
		if (this.count < length) this.count++;
		else this.start = (this.start + 1) % length;
		this.cached = undefined;
	}

	includes({ high, low }: Fingerprint): boolean {
		const { bytes } = this;
		const first = high >>> 24;
		for (let offset = 0; offset < this.count; offset++) {
			const at = ((this.start + offset) % this.days.length) * FINGERPRINT_BYTES;
			if (bytes[at] !== first) continue;
			const slotHigh =
				((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
			const slotLow =
				((bytes[at + 4] << 24) | (bytes[at + 5] << 16) | (bytes[at + 6] << 8) | bytes[at + 7]) >>>
				0;
			if (slotHigh === high && slotLow === low) return true;
		}
		return false;
	}

	/**
	 * The stored form of the deliveries, oldest first, from the oldest still remembered on `today`
	 * (deliveries are recorded in time order, so the ones that aged out are at the start).
	 */
	toStored(today: number): StoredForm {
		if (this.cached?.today === today) return this.cached.form;
		const length = this.days.length;
		let skipped = 0;
		while (
			skipped < this.count &&
			!isRemembered(this.days[(this.start + skipped) % length], today)
		) {
			skipped++;
		}
		const first = (this.start + skipped) % Math.max(length, 1);
		const kept = this.count - skipped;
		const end = first + kept;
		const inOrder =
			end <= length
				? [this.bytes.subarray(first * FINGERPRINT_BYTES, end * FINGERPRINT_BYTES)]
				: [
						this.bytes.subarray(first * FINGERPRINT_BYTES),
						this.bytes.subarray(0, (end - length) * FINGERPRINT_BYTES),
					];
		const runs: string[] = [];
		let runDay = -1;
		let runLength = 0;
		for (let offset = 0; offset < kept; offset++) {
			const day = this.days[(first + offset) % length];
			if (day === runDay) {
				runLength++;
			} else {
				if (runLength > 0) runs.push(`${runDay}:${runLength}`);
				[runDay, runLength] = [day, 1];
			}
		}
		if (runLength > 0) runs.push(`${runDay}:${runLength}`);
		const form: StoredForm = {
			format: 1,
			fingerprints: Buffer.concat(inOrder).toString('base64'),
			days: runs.join(','),
		};
		this.cached = { today, form };
		return form;
	}

	private grow(): void {
		const length = Math.min(this.capacity, Math.max(64, this.days.length * 2));
		const bytes = new Uint8Array(length * FINGERPRINT_BYTES);
		const days = new Uint32Array(length);
		for (let offset = 0; offset < this.count; offset++) {
			const from = (this.start + offset) % this.days.length;
			bytes.set(
				this.bytes.subarray(from * FINGERPRINT_BYTES, (from + 1) * FINGERPRINT_BYTES),
				offset * FINGERPRINT_BYTES,
			);
			days[offset] = this.days[from];
		}
		[this.bytes, this.days, this.start] = [bytes, days, 0];
	}
}

/**
 * The deliveries a trigger's static data holds, oldest first, without those no longer remembered on
 * `today`: the stored form, and the plain list earlier releases kept (its entries undated, so counted
 * from today). Anything malformed is skipped, never thrown.
 */
export function readStoredDeliveries(staticData: IDataObject, today: number): DatedFingerprint[] {
	const read: DatedFingerprint[] = [];
	const legacy = staticData[LEGACY_KEY];
	if (Array.isArray(legacy)) {
		for (const id of legacy) {
			if (typeof id === 'string' && id.trim() !== '') {
				read.push({ fingerprint: fingerprintOf(id.trim()), day: today });
			}
		}
	}
	const raw = staticData[STORED_KEY] as
		| (Partial<StoredForm> & { toJSON?: () => unknown })
		| undefined;
	// The live list of a trigger this process held before (it serializes itself when n8n saves it).
	const stored = (typeof raw?.toJSON === 'function' ? raw.toJSON() : raw) as
		| Partial<StoredForm>
		| undefined;
	if (typeof stored?.fingerprints !== 'string') return read;
	const bytes = Buffer.from(stored.fingerprints, 'base64');
	const total = Math.floor(bytes.length / FINGERPRINT_BYTES);
	const days = parseDayRuns(typeof stored.days === 'string' ? stored.days : '', total);
	for (let index = 0; index < total; index++) {
		const day = days[index] ?? today;
		if (!isRemembered(day, today)) continue;
		const high = bytes.readUInt32BE(index * FINGERPRINT_BYTES);
		const low = bytes.readUInt32BE(index * FINGERPRINT_BYTES + 4);
		if (high !== 0 || low !== 0) read.push({ fingerprint: { high, low }, day });
	}
	return read;
}

/** Whether the static data holds a stored list of deliveries, in either form. */
export function holdsStoredDeliveries(staticData: IDataObject): boolean {
	return Array.isArray(staticData[LEGACY_KEY]) || typeof staticData[STORED_KEY] === 'object';
}

/** `"20428:3,20429:2"` → the day of each delivery in order: [20428, 20428, 20428, 20429, 20429]. */
function parseDayRuns(text: string, limit: number): number[] {
	const days: number[] = [];
	for (const run of text.split(',')) {
		const [day, count] = run.split(':').map(Number);
		if (!Number.isSafeInteger(day) || !Number.isSafeInteger(count) || count < 0) continue;
		for (let index = 0; index < count && days.length < limit; index++) days.push(day);
	}
	return days;
}
