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
 * The most recent deliveries in the order they were recorded, at most `capacity` (the oldest
 * goes first), in typed arrays that grow as needed.
 */
export class RecentDeliveries {
	private highs = new Uint32Array(0);
	private lows = new Uint32Array(0);
	private days = new Uint32Array(0);
	private start = 0;
	private count = 0;
	private cached?: { today: number; form: StoredForm };

	constructor(private readonly capacity: number) {}

	get size(): number {
		return this.count;
	}

	get byteLength(): number {
		return this.highs.byteLength + this.lows.byteLength + this.days.byteLength;
	}

	push({ high, low }: Fingerprint, day: number): void {
		if (this.capacity <= 0) return;
		if (this.count === this.highs.length && this.count < this.capacity) this.grow();
		const length = this.highs.length;
		const slot = (this.start + this.count) % length;
		this.highs[slot] = high;
		this.lows[slot] = low;
		this.days[slot] = day;
		if (this.count < length) this.count++;
		else this.start = (this.start + 1) % length;
		this.cached = undefined;
	}

	includes({ high, low }: Fingerprint): boolean {
		const length = this.highs.length;
		for (let offset = 0; offset < this.count; offset++) {
			const slot = (this.start + offset) % length;
			if (this.lows[slot] === low && this.highs[slot] === high) return true;
		}
		return false;
	}

	/** The stored form of the deliveries still remembered on `today`, oldest first. */
	toStored(today: number): StoredForm {
		if (this.cached?.today === today) return this.cached.form;
		const bytes = Buffer.alloc(this.count * FINGERPRINT_BYTES);
		const runs: string[] = [];
		let written = 0;
		let runDay = -1;
		let runLength = 0;
		const length = this.highs.length;
		for (let offset = 0; offset < this.count; offset++) {
			const slot = (this.start + offset) % length;
			const day = this.days[slot];
			if (!isRemembered(day, today)) continue;
			bytes.writeUInt32BE(this.highs[slot], written * FINGERPRINT_BYTES);
			bytes.writeUInt32BE(this.lows[slot], written * FINGERPRINT_BYTES + 4);
			written++;
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
			fingerprints: bytes.toString('base64', 0, written * FINGERPRINT_BYTES),
			days: runs.join(','),
		};
		this.cached = { today, form };
		return form;
	}

	private grow(): void {
		const length = Math.min(this.capacity, Math.max(64, this.highs.length * 2));
		const reorder = (old: Uint32Array) => {
			const grown = new Uint32Array(length);
			for (let offset = 0; offset < this.count; offset++) {
				grown[offset] = old[(this.start + offset) % old.length];
			}
			return grown;
		};
		this.highs = reorder(this.highs);
		this.lows = reorder(this.lows);
		this.days = reorder(this.days);
		this.start = 0;
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
