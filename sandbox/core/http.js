'use strict';
// Tiny HTTP toolkit for the sandbox: a router with `:params`, body readers and JSON replies. No dependencies, so the
// sandbox starts on a fresh machine with nothing but Node.js.

/** Read the whole request body as a Buffer (the Douyin signature is computed over exact bytes). */
async function readBody(req, limitBytes = 12 * 1024 * 1024) {
	const chunks = [];
	let size = 0;
	for await (const chunk of req) {
		size += chunk.length;
		if (size > limitBytes) throw Object.assign(new Error('Request body too large'), { status: 413 });
		chunks.push(chunk);
	}
	return Buffer.concat(chunks);
}

/** Parse a body by its content type: JSON, form-urlencoded, or left as a Buffer (multipart). */
function parseBody(req, raw) {
	const type = String(req.headers['content-type'] ?? '').toLowerCase();
	if (raw.length === 0) return {};
	if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
	if (type.includes('multipart/form-data')) return raw;
	try {
		return JSON.parse(raw.toString('utf8'));
	} catch {
		throw Object.assign(new Error('The body is not valid JSON'), { status: 400 });
	}
}

function sendJson(res, status, body, headers = {}) {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
	res.end(text);
}

function sendText(res, status, text, type = 'text/plain; charset=utf-8') {
	res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
	res.end(text);
}

/**
 * Routes are `[METHOD, '/path/:param/', handler]`. Douyin paths end in a slash and matching is exact, as on the
 * platform: `/im/send/msg` (no slash) is a 404 there too.
 */
class Router {
	constructor() {
		this.routes = [];
	}

	add(method, pattern, handler) {
		const names = [];
		const source = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_, name) => {
			names.push(name);
			return '([^/]+)';
		});
		this.routes.push({ method, regex: new RegExp(`^${source}$`), names, handler });
		return this;
	}

	match(method, pathname) {
		for (const route of this.routes) {
			if (route.method !== method && !(route.method === 'GET' && method === 'HEAD')) continue;
			const found = route.regex.exec(pathname);
			if (!found) continue;
			const params = Object.fromEntries(route.names.map((name, index) => [name, decodeURIComponent(found[index + 1])]));
			return { handler: route.handler, params };
		}
		return undefined;
	}
}

module.exports = { readBody, parseBody, sendJson, sendText, Router };
