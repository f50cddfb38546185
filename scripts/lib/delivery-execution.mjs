// The n8n execution a delivery started, found through n8n's public API (`npm run send -- --wait`).
// Every output of the Showpass Trigger carries the delivery's webhook_event_uuid, so the execution is the
// one whose run data holds an item with it. n8n's public API lists an execution once it stops running
// (finished, failed, or waiting in a Wait node).
import { parseJsonOrUndefined } from './deliveries.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const ITEMS_SHOWN = 5;

/** n8n's public API at `n8nUrl` with `apiKey`; an answer other than 2xx is an error that says so. */
export function publicApi(n8nUrl, apiKey) {
	return async (route) => {
		const response = await fetch(new URL(`/api/v1${route}`, n8nUrl), { headers: { 'x-n8n-api-key': apiKey } });
		const text = await response.text();
		if (response.status === 401 || response.status === 403) {
			throw new Error(`n8n's public API at ${n8nUrl} refused the API key (${response.status})`);
		}
		if (!response.ok) throw new Error(`n8n's public API answered GET /api/v1${route} with ${response.status}: ${text.slice(0, 300)}`);
		return parseJsonOrUndefined(text);
	};
}

/** The id of the newest execution n8n lists (0 when none): executions after it are new. */
export async function newestExecutionId(api) {
	const page = await api('/executions?limit=1');
	return Number(page?.data?.[0]?.id ?? 0);
}

function outputItems(run) {
	return (run?.data?.main ?? []).flat().filter(Boolean);
}

/** Whether the execution's run data holds an item from the delivery `uuid`. */
export function startedByDelivery(execution, uuid) {
	const runData = execution?.data?.resultData?.runData ?? {};
	return Object.values(runData).some((runs) =>
		runs.some((run) => outputItems(run).some((item) => item?.json?.webhook_event_uuid === uuid)),
	);
}

/** The executions newer than `afterId` that deliveries `uuids` started, keyed by uuid, read once. */
async function findExecutions(api, uuids, afterId) {
	const found = new Map();
	let cursor;
	do {
		const query = new URLSearchParams({ includeData: 'true', limit: '20' });
		if (cursor) query.set('cursor', cursor);
		const page = await api(`/executions?${query}`);
		const executions = (page?.data ?? []).filter((execution) => Number(execution.id) > afterId);
		for (const execution of executions) {
			const uuid = uuids.find((candidate) => !found.has(candidate) && startedByDelivery(execution, candidate));
			if (uuid) found.set(uuid, execution);
		}
		// Pages come newest first: stop at the first page that reaches back before the send.
		cursor = executions.length === (page?.data ?? []).length ? page?.nextCursor : undefined;
	} while (cursor && found.size < uuids.length);
	return found;
}

/**
 * Waits until n8n lists an execution for each delivery in `uuids` (executions newer than `afterId`), or
 * `timeoutMs` passes; resolves a Map uuid → execution of those found.
 */
export async function waitForDeliveryExecutions(api, uuids, { afterId, timeoutMs, pollMs = 500 }) {
	const deadline = Date.now() + timeoutMs;
	let found = new Map();
	for (;;) {
		found = await findExecutions(api, uuids, afterId);
		if (found.size === uuids.length || Date.now() >= deadline) return found;
		await sleep(Math.min(pollMs, Math.max(0, deadline - Date.now())));
	}
}

/** What to print about an execution: its status, where to see it, and the last node's output or error. */
export function describeExecution(execution, n8nUrl) {
	const { resultData = {} } = execution.data ?? {};
	const lastNode = resultData.lastNodeExecuted;
	const lines = [
		`  execution ${execution.id}: ${execution.status}${execution.status === 'waiting' && execution.waitTill ? ` (until ${execution.waitTill})` : ''}` +
			` — ${new URL(`/workflow/${execution.workflowId}/executions/${execution.id}`, n8nUrl)}`,
	];
	if (resultData.error) {
		lines.push(`  error${resultData.error.node?.name ? ` in ${resultData.error.node.name}` : ''}: ${resultData.error.message}`);
	}
	if (lastNode) {
		const runs = resultData.runData?.[lastNode] ?? [];
		const items = outputItems(runs.at(-1));
		lines.push(`  last node: ${lastNode} → ${items.length} item${items.length === 1 ? '' : 's'}`);
		for (const item of items.slice(0, ITEMS_SHOWN)) lines.push(indent(JSON.stringify(item.json, null, 2)));
		if (items.length > ITEMS_SHOWN) lines.push(`    … and ${items.length - ITEMS_SHOWN} more`);
	}
	return lines;
}

function indent(text) {
	return text
		.split('\n')
		.map((line) => `    ${line}`)
		.join('\n');
}

/** Whether the execution ended well (or waits, as a Wait node makes it). */
export function executionSucceeded(execution) {
	return execution.status === 'success' || execution.status === 'waiting';
}
