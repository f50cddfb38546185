// Size of the dedupe memory of one trigger at its bound, measured in a fresh process.
import { execFileSync } from 'node:child_process';

export const REMEMBERED = 1000;

export class DeliveryMemory {
	constructor(projectRoot) {
		const script = `
			const { DeliveryMemory, REMEMBERED_DELIVERIES } = require('./dist/nodes/ShowpassTrigger/helpers/deliveryMemory.js');
			const { randomUUID } = require('crypto');
			const memory = new DeliveryMemory(); const staticData = {};
			memory.rememberIfNew('warm-up', randomUUID(), {}); memory.forget();
			global.gc(); const before = process.memoryUsage().heapUsed;
			for (let i = 0; i < REMEMBERED_DELIVERIES * 2; i++) memory.rememberIfNew('trigger', randomUUID(), staticData);
			global.gc(); const after = process.memoryUsage().heapUsed;
			console.log(JSON.stringify({ heap: after - before, json: JSON.stringify(staticData).length, size: memory.size('trigger') }));`;
		const result = JSON.parse(execFileSync(process.execPath, ['--expose-gc', '-e', script], { cwd: projectRoot, encoding: 'utf8' }));
		if (result.size !== REMEMBERED) throw new Error(`dedupe memory holds ${result.size}, expected ${REMEMBERED}`);
		// 2,000 ids are recorded; the 1,000 evicted ones are collected, so this is what the bound costs.
		this.heapBytes = result.heap;
		this.staticDataBytes = result.json;
	}
}
