import { get } from 'http';
import { get as getSecure } from 'https';
import nock from 'nock';

import { settle, takeUnmatched } from './isolation';

const ORIGIN = 'https://showpass.example';

/** A GET that resolves with the status, or rejects with the error the request ends with. */
function status(url: string): Promise<number> {
	const send = url.startsWith('https:') ? getSecure : get;
	return new Promise((resolve, reject) => {
		send(url, (response) => {
			response.resume();
			response.on('end', () => resolve(response.statusCode ?? 0));
		}).on('error', reject);
	});
}

/** A GET no one awaits, as code that forgot a request would send it. */
function sendUnawaited(path: string) {
	status(`${ORIGIN}${path}`).catch(() => {});
}

/** An answer that waits until the test releases it, and tells when it has been asked for. */
function heldAnswer(path: string) {
	let release: () => void = () => {};
	let markAsked: () => void = () => {};
	const released = new Promise<void>((resolve) => (release = resolve));
	const asked = new Promise<void>((resolve) => (markAsked = resolve));
	nock(ORIGIN)
		.get(path)
		.reply(async () => {
			markAsked();
			await released;
			return [200, 'late'];
		});
	return { release, asked };
}

describe('every unit test ends isolated', () => {
	it('waits for a request the test did not await until it has closed', async () => {
		const answer = heldAnswer('/slow');
		sendUnawaited('/slow');
		await answer.asked;
		let stillOpen: string[] | undefined;
		const settling = settle().then((open) => (stillOpen = open));
		await new Promise((resolve) => setImmediate(resolve));
		expect(stillOpen).toBeUndefined();
		answer.release();
		await settling;
		expect(stillOpen).toEqual([]);
	});

	it('names a request still open after the bound, and aborts it', async () => {
		const answer = heldAnswer('/never');
		sendUnawaited('/never');
		await answer.asked;
		expect(await settle(1)).toEqual([`GET ${ORIGIN}/never`]);
		expect(await settle(1)).toEqual([]);
	});

	it('records each request nock had no answer for, except a real one to this machine the test let through', async () => {
		nock(ORIGIN).get('/answered').reply(204);
		await expect(status(`${ORIGIN}/other`)).rejects.toThrow(/No match/);
		await expect(status('https://elsewhere.example/x?y=1')).rejects.toThrow(
			/Disallowed net connect/,
		);
		nock.enableNetConnect('127.0.0.1:1');
		try {
			await expect(status('http://127.0.0.1:1/')).rejects.toThrow(/ECONNREFUSED/);
		} finally {
			nock.disableNetConnect();
		}
		expect(await status(`${ORIGIN}/answered`)).toBe(204);
		expect(takeUnmatched()).toEqual([`GET ${ORIGIN}/other`, 'GET https://elsewhere.example/x?y=1']);
		expect(takeUnmatched()).toEqual([]);
	});
});
