// Size of the dedupe memory, measured in a fresh process: bytes per remembered delivery at 100,000 for
// one trigger, the heap at the process-wide bound (more triggers than fit, least recently used dropped),
// the stored form at its bound, and what is left after n8n deactivates every trigger.
import { execFileSync } from 'node:child_process';

export const PER_TRIGGER = 100_000;

export function measureDeliveryMemory(projectRoot) {
	const script = `
		const { DeliveryMemory, deliveryMemory, REMEMBERED_IN_PROCESS, REMEMBERED_TRIGGERS } = require('./dist/nodes/ShowpassTrigger/helpers/deliveryMemory.js');
		const { STORED_CAPACITY } = require('./dist/nodes/ShowpassTrigger/helpers/storedDeliveries.js');
		const { ShowpassTrigger } = require('./dist/nodes/ShowpassTrigger/ShowpassTrigger.node.js');
		const { randomUUID } = require('crypto');
		const heap = () => { global.gc(); global.gc(); return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers; };
		// Ids arrive parsed from a JSON body, as flat strings (randomUUID() alone builds a rope of ~20 pieces).
		const delivered = () => JSON.parse(JSON.stringify({ webhook_event_uuid: randomUUID() })).webhook_event_uuid;
		// Accepted and run, as in a regular-mode n8n: the memory and the stored list both fill.
		const fill = (key, count, staticData) => {
			for (let i = 0; i < count; i++) {
				const id = delivered();
				deliveryMemory.rememberIfNew(key, id, {});
				const item = { webhook_event_uuid: id };
				deliveryMemory.markItem(id, item);
				deliveryMemory.recordRun(key, item, staticData);
			}
		};
		fill('warm-up', 1000, {}); deliveryMemory.forget();
		const empty = heap();
		const one = {}; fill('one', ${PER_TRIGGER}, one);
		const oneTrigger = heap() - empty; const oneSize = deliveryMemory.size('one');
		const storedChars = JSON.stringify(one).length;
		deliveryMemory.forget();
		const base = heap();
		// Twice the process-wide bound, spread over more triggers than fit: the least recently used go.
		const triggers = Math.ceil((2 * REMEMBERED_IN_PROCESS) / ${PER_TRIGGER});
		for (let t = 0; t < triggers; t++) fill('workflow-' + t + ':node', ${PER_TRIGGER}, {});
		const atBound = heap() - base; const remembered = deliveryMemory.rememberedCount(); const triggersHeld = deliveryMemory.triggerCount();
		const remove = new ShowpassTrigger().webhookMethods.default.delete;
		return Promise.all(Array.from({ length: triggers }, (_, t) => remove.call({
			getWorkflow: () => ({ id: 'workflow-' + t, active: false }), getNode: () => ({ id: 'node', name: 'Showpass Trigger' }),
		}))).then(() => {
			console.log(JSON.stringify({ oneTrigger, oneSize, storedChars, storedCapacity: STORED_CAPACITY, atBound, remembered, bound: REMEMBERED_IN_PROCESS,
				triggersHeld, triggersFilled: triggers, afterDeactivation: heap() - base, triggersAfterDeactivation: deliveryMemory.triggerCount() }));
		});`;
	const result = JSON.parse(execFileSync(process.execPath, ['--expose-gc', '-e', script], { cwd: projectRoot, encoding: 'utf8', maxBuffer: 1 << 20 }));
	if (result.oneSize !== PER_TRIGGER) throw new Error(`dedupe memory holds ${result.oneSize} of one trigger's deliveries, expected ${PER_TRIGGER}`);
	if (result.remembered > result.bound) throw new Error(`dedupe memory holds ${result.remembered} deliveries, above its bound of ${result.bound}`);
	return {
		bytesPerDelivery: result.oneTrigger / PER_TRIGGER,
		heapBytesOneTrigger: result.oneTrigger,
		storedChars: result.storedChars,
		storedCapacity: result.storedCapacity,
		heapBytesAtBound: result.atBound,
		rememberedAtBound: result.remembered,
		bound: result.bound,
		triggersHeldAtBound: result.triggersHeld,
		triggersFilled: result.triggersFilled,
		heapBytesAfterDeactivation: result.afterDeactivation,
		triggersAfterDeactivation: result.triggersAfterDeactivation,
	};
}
