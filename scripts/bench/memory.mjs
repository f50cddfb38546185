// Size of the dedupe memory at its bounds, measured in a fresh process: one trigger at 1,000 ids, and
// 100 triggers at 1,000 ids each (the process-wide bound), then after n8n deactivates them all.
import { execFileSync } from 'node:child_process';

export const REMEMBERED = 1000;
export const TRIGGERS = 100;

export function measureDeliveryMemory(projectRoot) {
	const script = `
		const { deliveryMemory, REMEMBERED_DELIVERIES, REMEMBERED_TRIGGERS } = require('./dist/nodes/ShowpassTrigger/helpers/deliveryMemory.js');
		const { ShowpassTrigger } = require('./dist/nodes/ShowpassTrigger/ShowpassTrigger.node.js');
		const { randomUUID } = require('crypto');
		const heap = () => { global.gc(); return process.memoryUsage().heapUsed; };
		// Ids arrive parsed from a JSON body, as flat strings (randomUUID() alone builds a rope of ~20 pieces).
		const delivered = () => JSON.parse(JSON.stringify({ webhook_event_uuid: randomUUID() })).webhook_event_uuid;
		const fill = (key, staticData) => { for (let i = 0; i < REMEMBERED_DELIVERIES * 2; i++) deliveryMemory.rememberIfNew(key, delivered(), staticData); };
		fill('warm-up', {}); deliveryMemory.forget();
		const empty = heap();
		const one = {}; fill('one', one);
		const oneTrigger = heap() - empty; const oneSize = deliveryMemory.size('one'); deliveryMemory.forget();
		const base = heap();
		// 20 more triggers than the bound: the least recently used ones are dropped.
		for (let t = 0; t < REMEMBERED_TRIGGERS + 20; t++) fill('workflow-' + t + ':node', {});
		const atBound = heap() - base; const triggersHeld = deliveryMemory.triggerCount();
		const remove = new ShowpassTrigger().webhookMethods.default.delete;
		return Promise.all(Array.from({ length: REMEMBERED_TRIGGERS + 20 }, (_, t) => remove.call({
			getWorkflow: () => ({ id: 'workflow-' + t, active: false }), getNode: () => ({ id: 'node', name: 'Showpass Trigger' }),
		}))).then(() => {
			console.log(JSON.stringify({ oneTrigger, oneSize, json: JSON.stringify(one).length, atBound, triggersHeld,
				afterDeactivation: heap() - base, triggersAfterDeactivation: deliveryMemory.triggerCount() }));
		});`;
	const result = JSON.parse(execFileSync(process.execPath, ['--expose-gc', '-e', script], { cwd: projectRoot, encoding: 'utf8' }));
	if (result.oneSize !== REMEMBERED) throw new Error(`dedupe memory holds ${result.oneSize}, expected ${REMEMBERED}`);
	if (result.triggersHeld !== TRIGGERS) throw new Error(`dedupe memory holds ${result.triggersHeld} triggers, expected ${TRIGGERS}`);
	// 2,000 ids per trigger are recorded; the 1,000 evicted ones are collected, so this is what the bound costs.
	return {
		heapBytes: result.oneTrigger,
		staticDataBytes: result.json,
		heapBytesAtTriggerBound: result.atBound,
		heapBytesAfterDeactivation: result.afterDeactivation,
		triggersAfterDeactivation: result.triggersAfterDeactivation,
	};
}
