/**
 * Keeps unit tests apart, for every test file (jest's `setupFilesAfterEnv`).
 *
 * Jest runs test files one after another in one process (all of them on a 2-core machine), and the
 * files share Node's `http` module. Each file loads its own nock, which patches that module; a file
 * that leaves it patched sends every later file's requests through its own leftover interceptor
 * first, and a failure Showpass "answered" in one test then surfaced in a later one. And a request
 * outlives the answer the node gets: a refused connection reaches the node before the request
 * closes, so the request was still open when the next test began.
 *
 * So every test:
 * - ends only when every HTTP request it started has closed, and fails naming those still open
 *   after `SETTLE_BOUND_MS` (they are then aborted, so none reaches the next test);
 * - fails if a request found no answer (nock's "no match"), or an answer it set up went unused;
 * - reaches no network: only an address on this machine that a test lets through with
 *   `nock.enableNetConnect(…)` gets a real connection.
 * After each file, nock is taken out of Node's `http` module.
 */
import { subscribe, unsubscribe } from 'diagnostics_channel';
import type { ClientRequest } from 'http';
import nock from 'nock';

/** How long a test's requests may take to close after the test; only a hang waits this long. */
const SETTLE_BOUND_MS = 10_000;

const REQUEST_START = 'http.client.request.start';
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1', '[::1]'];

/** The requests started in the current test that have not closed yet, with what they asked for. */
const open = new Map<ClientRequest, string>();
let closed: () => void = () => {};
/** The requests of the current test that found no answer. */
const unmatched: string[] = [];

const describeRequest = (request: ClientRequest) =>
	`${request.method} ${request.protocol}//${request.host}${request.path}`;

function onRequestStart(message: unknown) {
	const { request } = message as { request: ClientRequest };
	open.set(request, describeRequest(request));
	request.once('close', () => {
		open.delete(request);
		if (open.size === 0) closed();
	});
}

type NockRequestOptions = {
	method?: string;
	protocol?: string;
	hostname?: string;
	port?: string | number;
	path?: string;
};

/**
 * nock reports a request it has no answer for as `(request, options, body)` when answers exist for
 * that origin, and as `(options)` when none exist, before it refuses or lets the request through.
 */
function onNoMatch(...args: unknown[]) {
	const options = (args.length > 1 ? args[1] : args[0]) as NockRequestOptions;
	const hostname = options.hostname ?? '';
	if (args.length === 1 && LOOPBACK_HOSTS.includes(hostname)) return;
	const port = options.port === undefined || options.port === '' ? '' : `:${options.port}`;
	const url = new URL(`${options.protocol}//${hostname}${port}${options.path}`);
	unmatched.push(`${options.method} ${url.href}`);
}

/**
 * Waits until every request started in this test has closed, or `boundMs` has passed; returns
 * those still open then, after aborting them.
 */
export async function settle(boundMs = SETTLE_BOUND_MS): Promise<string[]> {
	if (open.size > 0) {
		let bound: NodeJS.Timeout | undefined;
		await Promise.race([
			new Promise<void>((resolve) => (closed = resolve)),
			new Promise<void>((resolve) => (bound = setTimeout(resolve, boundMs))),
		]);
		clearTimeout(bound);
	}
	const stillOpen = [...open.values()];
	for (const request of open.keys()) request.destroy();
	open.clear();
	return stillOpen;
}

/** The requests of this test that found no answer so far; a test that means to send one takes them. */
export function takeUnmatched(): string[] {
	return unmatched.splice(0);
}

beforeAll(() => {
	subscribe(REQUEST_START, onRequestStart);
	nock.emitter.on('no match', onNoMatch);
	nock.disableNetConnect();
});

afterEach(async () => {
	const stillOpen = await settle();
	nock.abortPendingRequests();
	const noAnswer = takeUnmatched();
	const unused = nock.pendingMocks();
	nock.cleanAll();
	expect({ stillOpen, noAnswer, unused }).toEqual({ stillOpen: [], noAnswer: [], unused: [] });
});

afterAll(() => {
	unsubscribe(REQUEST_START, onRequestStart);
	nock.emitter.removeListener('no match', onNoMatch);
	nock.enableNetConnect();
	nock.restore();
});
