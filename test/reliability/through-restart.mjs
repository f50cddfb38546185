// Traffic through a stop and restart of n8n, driven by what the senders observe, not by how fast this
// machine is: the scenario ends once n8n has been seen down and then accepting again, or at a deadline.

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends a new delivery with each request, `concurrency` at a time. After `beforeStop` deliveries it
 * calls `restart(whileStopped)`, which must stop n8n, await `whileStopped()` and start n8n again; the
 * senders keep going until n8n has been seen down (a delivery sent to the stopped n8n gets no answer)
 * and has then accepted `acceptedAfter` deliveries. `whileStopped()` resolves once a delivery has met
 * n8n down, so the gap in service is always observed, however fast n8n starts again.
 *
 * Bounds: full speed only before the stop, for at most `drainBudget` deliveries while the stopping n8n
 * still accepts them, and once it accepts again; otherwise one delivery at a time, `probeIntervalMs`
 * apart. At most `maxDeliveries` deliveries in all, within `deadlineMs`.
 *
 * `phases[i]` is where n8n was when delivery `i` was sent: `before` the stop, `stopping` (told to stop,
 * not yet exited), `stopped` (exited, not yet seen down), `starting` (seen down, not yet accepting
 * again) or `back`. `premiseMissed` says what was not observed, if anything.
 */
export async function sendThroughRestart({
	delivery,
	send,
	restart,
	concurrency,
	beforeStop,
	drainBudget,
	probeIntervalMs,
	acceptedAfter,
	maxDeliveries,
	deadlineMs,
}) {
	const started = Date.now();
	const deadline = started + deadlineMs;
	const deliveries = [];
	const results = [];
	const phases = [];
	const seconds = (time) => (time === undefined ? undefined : Math.round((time - started) / 100) / 10);
	let phase = 'before';
	let sentWhileStopping = 0;
	let refusedWhileStopping = false;
	let acceptedAgain = 0;
	let restarting;
	let restartError;
	let seenDown;
	const seenDownPromise = new Promise((resolve) => (seenDown = resolve));
	let sendersDone;
	const sendersDonePromise = new Promise((resolve) => (sendersDone = resolve));
	const times = {};

	const finished = () =>
		acceptedAgain >= acceptedAfter || restartError !== undefined || Date.now() > deadline || deliveries.length >= maxDeliveries;
	const fullSpeed = () =>
		phase === 'before' || phase === 'back' || (phase === 'stopping' && !refusedWhileStopping && sentWhileStopping < drainBudget);

	async function whileStopped() {
		phase = 'stopped';
		times.exited = Date.now();
		// Started again when the senders give up at the latest, so that what follows in the suite has an n8n.
		await Promise.race([seenDownPromise, sendersDonePromise]);
	}

	function observe(sentIn, result) {
		const accepted = result.status === 200 && result.json?.status === 'accepted';
		if (sentIn === 'stopping' && !accepted) refusedWhileStopping = true;
		if (phase === 'stopped' && result.status !== 200) {
			phase = 'starting';
			times.seenDown = Date.now();
			seenDown();
		}
		if (accepted && (sentIn === 'starting' || sentIn === 'back')) {
			if (phase === 'starting') times.acceptingAgain = Date.now();
			phase = 'back';
			acceptedAgain++;
		}
	}

	async function sender(id) {
		while (!finished()) {
			const slow = !fullSpeed();
			if (slow && id !== 0) {
				await sleep(probeIntervalMs);
				continue;
			}
			const index = deliveries.push(delivery(deliveries.length)) - 1;
			if (index === beforeStop) {
				phase = 'stopping';
				times.stopRequested = Date.now();
				restarting = restart(whileStopped).catch((error) => (restartError = error));
			}
			if (phase === 'stopping') sentWhileStopping++;
			phases[index] = phase;
			results[index] = await send(deliveries[index]).catch((error) => ({ status: 0, error: error.message }));
			observe(phases[index], results[index]);
			if (slow) await sleep(probeIntervalMs);
		}
	}

	await Promise.all(Array.from({ length: concurrency }, (_, id) => sender(id)));
	sendersDone();
	await restarting;
	if (restartError) throw restartError;
	const within = `within ${Math.round(deadlineMs / 1000)} s and ${maxDeliveries} deliveries`;
	let premiseMissed;
	if (!restarting) premiseMissed = `n8n was never told to stop: fewer than ${beforeStop} deliveries were sent ${within}`;
	else if (!times.seenDown) premiseMissed = `n8n was never seen down during its restart ${within}`;
	else if (acceptedAgain < acceptedAfter)
		premiseMissed = `n8n accepted ${acceptedAgain} of ${acceptedAfter} deliveries after it was seen down, ${within}`;
	return {
		deliveries,
		results,
		phases,
		premiseMissed,
		stopRequestedAt: times.stopRequested,
		// Seconds from the first delivery: when n8n was told to stop, exited, was seen down and accepted again.
		timeline: Object.fromEntries(Object.entries(times).map(([what, time]) => [what, seconds(time)])),
		seconds: seconds(Date.now()),
	};
}
