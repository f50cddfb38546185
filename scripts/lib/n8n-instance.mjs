// Starts a real n8n on 127.0.0.1 with this package loaded as a community package, and drives it
// over its REST and public APIs. Used by `npm start`, the end-to-end tests and the benchmarks.
// The working tree is linked into n8n's nodes folder unless `linkWorkingTree: false` (the caller
// then installs the package there itself, e.g. the packed tarball, as a user does).
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { N8N_VERSIONS, projectRoot, requireKnownVersion } from './n8n-versions.mjs';
import { installN8n, n8nBinFor, nodeBinaryFor } from '../install-n8n.mjs';
import { parseJsonOrUndefined } from './deliveries.mjs';
import { removeOnExit, signalGroup, spawnGroup } from './processes.mjs';

export const OWNER = {
	email: 'owner@showpass.local',
	password: 'Showpass-n8n-1',
	firstName: 'Showpass',
	lastName: 'Owner',
};

export function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Makes the package visible to n8n the way a Community Nodes install does. */
function linkPackage(userFolder) {
	const modules = path.join(userFolder, '.n8n', 'nodes', 'node_modules');
	fs.mkdirSync(modules, { recursive: true });
	const link = path.join(modules, 'n8n-nodes-showpass');
	fs.rmSync(link, { recursive: true, force: true });
	fs.symlinkSync(projectRoot, link, 'dir');
	const manifest = path.join(userFolder, '.n8n', 'nodes', 'package.json');
	if (!fs.existsSync(manifest)) {
		fs.writeFileSync(manifest, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }));
	}
}

export function n8nEnvironment({ version, userFolder, port, brokerPort, extra = {} }) {
	const spec = requireKnownVersion(version);
	// n8n keeps files in the system's temporary folder (e.g. n8nDataTableUploads); keep them in the user folder.
	const temporaryFolder = path.join(userFolder, 'tmp');
	fs.mkdirSync(temporaryFolder, { recursive: true });
	const base = { ...process.env };
	for (const key of Object.keys(base)) if (key.startsWith('N8N_') || key === 'WEBHOOK_URL') delete base[key];
	return {
		...base,
		PATH: `${path.dirname(nodeBinaryFor(version))}:${process.env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		TMPDIR: temporaryFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_ENCRYPTION_KEY: 'showpass-local-encryption-key',
		N8N_USER_MANAGEMENT_JWT_SECRET: 'showpass-local-jwt-secret',
		N8N_SECURE_COOKIE: 'false',
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		...spec.env,
		...extra,
	};
}

export class N8nInstance {
	constructor({ version, userFolder, port, brokerPort, env, logFile }) {
		Object.assign(this, { version, userFolder, port, brokerPort, env, logFile });
		this.baseUrl = `http://127.0.0.1:${port}`;
		this.cookie = undefined;
		this.apiKey = undefined;
	}

	/** Installs (when needed) and starts n8n; resolves once its REST API answers. */
	static async start(options = {}) {
		const instance = await N8nInstance.prepare(options);
		await instance.launch(options.log);
		return instance;
	}

	/**
	 * Installs n8n when needed and prepares its user folder, without starting it. Without a
	 * `userFolder`, a temporary one is made and removed when this process exits (also on failure).
	 */
	static async prepare({ version, userFolder, port, brokerPort, extraEnv, linkWorkingTree = true, log = () => {} } = {}) {
		requireKnownVersion(version);
		await installN8n(version, log);
		userFolder ??= removeOnExit(fs.mkdtempSync(path.join(os.tmpdir(), `showpass-n8n-${version}-`)));
		fs.mkdirSync(userFolder, { recursive: true });
		if (linkWorkingTree) linkPackage(userFolder);
		port ??= await freePort();
		brokerPort ??= await freePort();
		const env = n8nEnvironment({ version, userFolder, port, brokerPort, extra: extraEnv });
		return new N8nInstance({
			version,
			userFolder,
			port,
			brokerPort,
			env,
			logFile: path.join(userFolder, 'n8n.log'),
		});
	}

	async launch(log = () => {}) {
		const started = Date.now();
		const logStream = fs.createWriteStream(this.logFile, { flags: 'a' });
		this.child = spawnGroup(nodeBinaryFor(this.version), [n8nBinFor(this.version), 'start'], {
			env: this.env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.child.stdout.pipe(logStream);
		this.child.stderr.pipe(logStream);
		this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
		let exitedEarly;
		this.exited.then((result) => (exitedEarly = result));
		const deadline = Date.now() + 120_000;
		while (Date.now() < deadline) {
			if (exitedEarly) {
				throw new Error(`n8n ${this.version} exited while starting (${JSON.stringify(exitedEarly)}); see ${this.logFile}:\n${this.logTail()}`);
			}
			try {
				// /rest/settings can answer 200 "n8n is starting up" before the REST routes exist.
				const readiness = await fetch(`${this.baseUrl}/healthz/readiness`);
				const response = await fetch(`${this.baseUrl}/rest/settings`);
				const settings = response.status === 200 ? await response.json().catch(() => undefined) : undefined;
				if (readiness.status === 200 && settings?.data) {
					log(`n8n ${this.version} ready on ${this.baseUrl} after ${((Date.now() - started) / 1000).toFixed(1)}s`);
					return;
				}
			} catch {
				// not listening yet
			}
			await sleep(250);
		}
		throw new Error(`n8n ${this.version} did not become ready within 120s; see ${this.logFile}:\n${this.logTail()}`);
	}

	logTail(characters = 3000) {
		try {
			return fs.readFileSync(this.logFile, 'utf8').slice(-characters);
		} catch {
			return '';
		}
	}

	/**
	 * Stops n8n (n8n stops its task runner) and then whatever of its process group is left. `SIGKILL`
	 * stops it the hard way, with no chance to finish anything.
	 */
	async stop({ signal = 'SIGTERM' } = {}) {
		if (!this.child) return;
		if (this.child.exitCode === null && this.child.signalCode === null) {
			this.child.kill(signal);
			let timer;
			const timeout = new Promise((resolve) => (timer = setTimeout(resolve, 30_000, 'timeout')));
			const outcome = await Promise.race([this.exited, timeout]);
			clearTimeout(timer);
			if (outcome === 'timeout') {
				this.child.kill('SIGKILL');
				await this.exited;
			}
		}
		signalGroup(this.child.pid, 'SIGKILL');
	}

	/**
	 * Stops n8n (`signal`: SIGTERM by default, SIGKILL for a crash) and starts it again on the same user
	 * folder; `whileStopped()`, if given, is awaited in between.
	 */
	async restart(log, { signal, whileStopped } = {}) {
		await this.stop({ signal });
		await whileStopped?.();
		await this.launch(log);
		this.cookie = undefined;
		await this.login();
	}

	async rest(method, route, body) {
		const response = await fetch(`${this.baseUrl}/rest${route}`, {
			method,
			headers: {
				'content-type': 'application/json',
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.get('set-cookie');
		const authCookie = setCookie && /n8n-auth=[^;]+/.exec(setCookie);
		if (authCookie) this.cookie = authCookie[0];
		const text = await response.text();
		return { status: response.status, json: parseJsonOrUndefined(text), text };
	}

	async api(method, route, body) {
		const response = await fetch(`${this.baseUrl}/api/v1${route}`, {
			method,
			headers: { 'content-type': 'application/json', 'x-n8n-api-key': this.apiKey },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (response.status >= 400) {
			throw new Error(`n8n public API ${method} ${route} answered ${response.status}: ${text.slice(0, 500)}`);
		}
		return text ? JSON.parse(text) : undefined;
	}

	async login() {
		const login = await this.rest('POST', '/login', {
			emailOrLdapLoginId: OWNER.email,
			email: OWNER.email,
			password: OWNER.password,
		});
		if (login.status !== 200) throw new Error(`n8n login failed (${login.status}): ${login.text.slice(0, 300)}`);
	}

	/** Creates the owner account (first run) or logs in, then creates a public API key. */
	async setUpOwnerAndApiKey() {
		const setup = await this.rest('POST', '/owner/setup', OWNER);
		if (setup.status !== 200) await this.login();
		else if (!this.cookie) await this.login();
		const scopes = await this.rest('GET', '/api-keys/scopes');
		const created = await this.rest('POST', '/api-keys', {
			label: `showpass-${Date.now()}`,
			scopes: Array.isArray(scopes.json?.data) ? scopes.json.data : undefined,
			expiresAt: null,
		});
		const key = created.json?.data?.rawApiKey ?? created.json?.data?.apiKey;
		if (!key) throw new Error(`Could not create an n8n API key (${created.status}): ${created.text.slice(0, 300)}`);
		this.apiKey = key;
	}

	async createCredential(name, type, data) {
		return this.api('POST', '/credentials', { name, type, data });
	}

	async createWorkflow(workflow) {
		return this.api('POST', '/workflows', { settings: {}, ...workflow });
	}

	/** Activates a workflow and waits until its production webhook answers. */
	async activateWorkflow(id) {
		await this.api('POST', `/workflows/${id}/activate`);
		if (!N8N_VERSIONS[this.version].activationIsAsync) return;
		const deadline = Date.now() + 30_000;
		while (Date.now() < deadline) {
			const status = await this.rest('GET', `/workflows/${id}/publication-status`);
			if (status.status === 404) return;
			if (status.status !== 200) throw new Error(`publication status of ${id} answered ${status.status}: ${status.text.slice(0, 200)}`);
			const publication = status.json?.data ?? {};
			const failed = (publication.triggers ?? []).find((trigger) => trigger.errorMessage);
			if (failed) throw new Error(`workflow ${id} could not be activated: ${failed.errorMessage}`);
			if (publication.status === 'published') return;
			await sleep(100);
		}
		throw new Error(`workflow ${id} was not published within 30s`);
	}

	async deactivateWorkflow(id) {
		await this.api('POST', `/workflows/${id}/deactivate`);
	}

	/**
	 * The workflow's executions, with their data unless `includeData` is false. With data, n8n's API leaves
	 * out an execution whose data n8n never stored (n8n 1.x, an execution abandoned at shutdown).
	 */
	async executions(workflowId, { includeData = true } = {}) {
		const all = [];
		let cursor;
		do {
			const query = new URLSearchParams({ workflowId: String(workflowId), includeData: String(includeData), limit: '250' });
			if (cursor) query.set('cursor', cursor);
			const page = await this.api('GET', `/executions?${query}`);
			all.push(...page.data);
			cursor = page.nextCursor;
		} while (cursor);
		return all;
	}

	/** How many executions of the workflow have finished (read without their data, so cheap for thousands). */
	async countFinishedExecutions(workflowId) {
		let total = 0;
		let cursor;
		do {
			const query = new URLSearchParams({ workflowId: String(workflowId), includeData: 'false', limit: '250' });
			if (cursor) query.set('cursor', cursor);
			const page = await this.api('GET', `/executions?${query}`);
			total += page.data.filter((execution) => execution.finished || execution.stoppedAt).length;
			cursor = page.nextCursor;
		} while (cursor);
		return total;
	}

	/** Waits until the workflow has `count` finished executions and no more arrive for `settleMs`. */
	async waitForExecutions(workflowId, count, { timeoutMs = 60_000, settleMs = 1500, includeData = true } = {}) {
		const deadline = Date.now() + timeoutMs;
		let executions = [];
		let stableSince = Date.now();
		let lastCount = -1;
		while (Date.now() < deadline) {
			executions = (await this.executions(workflowId, { includeData })).filter((execution) => execution.finished || execution.stoppedAt);
			if (executions.length !== lastCount) {
				lastCount = executions.length;
				stableSince = Date.now();
			}
			if (executions.length >= count && Date.now() - stableSince >= settleMs) return executions;
			await sleep(250);
		}
		return executions;
	}

	webhookUrl(webhookId, mode = 'production') {
		return `${this.baseUrl}/${mode === 'test' ? 'webhook-test' : 'webhook'}/${webhookId}/webhook`;
	}
}
