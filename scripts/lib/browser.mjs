// Debian's Chromium driven by playwright-core (never a downloaded browser), logged in to a local n8n.
import fs from 'node:fs';

import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps calling out, which this closed network refuses.
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

export function assertChromium() {
	if (!fs.existsSync(CHROMIUM_PATH)) {
		throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install Debian's package: sudo apt-get install -y chromium`);
	}
}

export async function launchBrowser() {
	assertChromium();
	return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** A browser page signed in to `n8n` as its owner (the REST login cookie of N8nInstance). */
export async function signedInPage(browser, n8n, { width = 1440, height = 900 } = {}) {
	if (!n8n.cookie) await n8n.login();
	const [name, value] = n8n.cookie.split('=');
	const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
	await context.addCookies([{ name, value, url: n8n.baseUrl }]);
	const page = await context.newPage();
	// The editor can take long to render on a loaded 2-core machine; waits stay bounded, just generous.
	page.setDefaultTimeout(90_000);
	return page;
}
