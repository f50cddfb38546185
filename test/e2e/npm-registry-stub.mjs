// A stand-in npm registry on 127.0.0.1 that publishes one packed tarball, so the README's "npm from the
// registry" route can run as written before the package is on the real registry. It answers what npm's
// install asks: the package document (`GET /<name>`, npm's abbreviated form or the full one; both carry
// the version's manifest and `dist`) and the tarball itself. Anything else — another package, npm's
// audit — answers 404 and is recorded, so a test can assert npm asked for nothing but this package.
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';

/** The package.json inside a tarball npm packed (under `package/`). */
function manifestOf(tarball) {
	return JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
}

export class NpmRegistryStub {
	constructor(tarball) {
		this.bytes = fs.readFileSync(tarball);
		this.manifest = manifestOf(tarball);
		/** Every request answered: `{ method, url, status }`. */
		this.requests = [];
	}

	async start() {
		this.server = http.createServer((request, response) => this.answer(request, response));
		await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${this.server.address().port}/`;
		return this;
	}

	async stop() {
		this.server?.closeAllConnections();
		await new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}

	get tarballPath() {
		return `/${this.manifest.name}/-/${this.manifest.name}-${this.manifest.version}.tgz`;
	}

	packageDocument() {
		const { name, version } = this.manifest;
		const dist = {
			tarball: new URL(this.tarballPath, this.url).href,
			shasum: crypto.createHash('sha1').update(this.bytes).digest('hex'),
			integrity: `sha512-${crypto.createHash('sha512').update(this.bytes).digest('base64')}`,
		};
		return {
			name,
			'dist-tags': { latest: version },
			modified: new Date().toISOString(),
			versions: { [version]: { ...this.manifest, _id: `${name}@${version}`, dist } },
		};
	}

	answer(request, response) {
		const { pathname } = new URL(request.url, this.url);
		const send = (status, body, type) => {
			this.requests.push({ method: request.method, url: request.url, status });
			response.writeHead(status, { 'content-type': type, 'content-length': body.length });
			response.end(body);
		};
		request.resume();
		if (request.method === 'GET' && decodeURIComponent(pathname) === `/${this.manifest.name}`) {
			send(200, Buffer.from(JSON.stringify(this.packageDocument())), 'application/json');
		} else if (request.method === 'GET' && pathname === this.tarballPath) {
			send(200, this.bytes, 'application/octet-stream');
		} else {
			send(404, Buffer.from(JSON.stringify({ error: 'Not found' })), 'application/json');
		}
	}
}
