'use strict';
// The local platform sandbox: stand-ins for the platform APIs our nodes call, the customer side that sends signed
// webhooks, an LLM stand-in and the chat page. Dev-only (not in the npm package: package.json "files" is dist/).
//
// Platforms plug in as modules: each returns { name, title, api: {'METHOD /path': handler}, customerActions,
// snapshot() }. Douyin is the first; Xiaohongshu, WeCom and the call / add-friend providers follow the same shape.
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const { Router, parseBody, readBody, sendJson, sendText } = require('./core/http');
const { Recorder, redact, streamTo } = require('./core/recorder');
const { createDouyinPlatform } = require('./platforms/douyin');
const { createLlmStandIn } = require('./llm/openai');
const { SANDBOX_DEFAULTS } = require('./defaults');

const WEB_DIR = path.join(__dirname, 'web');
const STATIC = { '/': 'chat.html', '/chat.css': 'chat.css', '/chat.js': 'chat.js' };
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/**
 * @param {object} [options]
 * @param {number} [options.port] 0 picks a free port
 * @param {string} [options.host]
 * @param {{douyin?: string}} [options.webhookUrls] where each platform delivers its webhooks (n8n's production URLs)
 * @param {number} [options.retryDelayMs] pause between webhook retries
 */
async function startSandbox(options = {}) {
	const settings = { ...SANDBOX_DEFAULTS, ...options };
	const recorder = new Recorder();
	const platforms = {
		douyin: createDouyinPlatform({
			recorder,
			app: settings.douyin.app,
			accounts: settings.douyin.accounts,
			webhookUrl: settings.webhookUrls?.douyin ?? '',
			retryDelayMs: settings.retryDelayMs,
		}),
	};
	const llm = createLlmStandIn({ apiKey: settings.llm.apiKey });

	const router = new Router();
	// Platform APIs: what our nodes call. Every call is recorded with its answer.
	for (const platform of Object.values(platforms)) {
		for (const [route, handler] of Object.entries(platform.api)) {
			const [method, pattern] = route.split(' ');
			router.add(method, pattern, async (ctx) => {
				const result = await handler(ctx);
				recorder.record('api', {
					platform: platform.name,
					method,
					path: pattern,
					query: redact(ctx.query),
					body: Buffer.isBuffer(ctx.body) ? `<${ctx.body.length} bytes>` : redact(ctx.body),
					status: result.status ?? 200,
					response: redact(result.json ?? null),
				});
				return result;
			});
		}
	}
	for (const [route, handler] of Object.entries(llm.handlers)) {
		const [method, pattern] = route.split(' ');
		router.add(method, pattern, async (ctx) => {
			const result = await handler(ctx);
			recorder.record('api', { platform: 'llm', method, path: pattern, status: result.status ?? 200, response: result.json });
			return result;
		});
	}

	// Control API (tests and the chat page): /__sandbox/...
	router.add('GET', '/__sandbox/health', () => ({ json: { ok: true, platforms: Object.keys(platforms) } }));
	router.add('GET', '/__sandbox/state', () => ({
		json: Object.fromEntries(Object.entries(platforms).map(([name, platform]) => [name, { title: platform.title, ...platform.snapshot() }])),
	}));
	router.add('GET', '/__sandbox/calls', ({ query }) => ({ json: redact(recorder.query(query)) }));
	router.add('POST', '/__sandbox/reset-log', () => {
		recorder.clear();
		return { json: { ok: true } };
	});
	router.add('POST', '/__sandbox/:platform/config', ({ params, body }) => {
		const platform = platforms[params.platform];
		if (!platform) return { status: 404, json: { error: `Unknown platform ${params.platform}` } };
		if (body.webhookUrl !== undefined) platform.settings.webhookUrl = String(body.webhookUrl);
		if (body.retryDelayMs !== undefined) platform.settings.retryDelayMs = Number(body.retryDelayMs);
		return { json: { webhookUrl: platform.settings.webhookUrl, retryDelayMs: platform.settings.retryDelayMs } };
	});
	router.add('POST', '/__sandbox/:platform/customer/:action', async ({ params, body }) => {
		const platform = platforms[params.platform];
		const action = platform?.customerActions[params.action];
		if (!action) return { status: 404, json: { error: `Unknown action ${params.platform}/${params.action}` } };
		return { json: await action(body) };
	});
	router.add('GET', '/__sandbox/:platform/images/:id', ({ params }) => {
		const image = platforms[params.platform]?.state.images.get(params.id);
		return image ? { status: 200, binary: image.data, type: `image/${image.format}` } : { status: 404, json: { error: 'no such image' } };
	});

	const server = http.createServer(async (req, res) => {
		const url = new URL(req.url, 'http://sandbox.local');
		try {
			if (req.method === 'GET' && url.pathname === '/__sandbox/stream') return streamTo(res, recorder, req);
			if (req.method === 'GET' && STATIC[url.pathname]) {
				const file = path.join(WEB_DIR, STATIC[url.pathname]);
				return sendText(res, 200, fs.readFileSync(file, 'utf8'), TYPES[path.extname(file)]);
			}
			const found = router.match(req.method, url.pathname);
			if (!found) return sendJson(res, 404, { error: `No sandbox route for ${req.method} ${url.pathname}` });
			const raw = await readBody(req);
			const ctx = { req, headers: req.headers, query: Object.fromEntries(url.searchParams), params: found.params, raw, body: parseBody(req, raw) };
			const result = await found.handler(ctx);
			if (result.html !== undefined) return sendText(res, result.status ?? 200, result.html, 'text/html; charset=utf-8');
			if (result.binary) {
				res.writeHead(result.status ?? 200, { 'Content-Type': result.type });
				return res.end(result.binary);
			}
			return sendJson(res, result.status ?? 200, result.json);
		} catch (error) {
			return sendJson(res, error.status ?? 500, { error: error.message });
		}
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(settings.port, settings.host, resolve);
	});
	const { port } = server.address();
	const url = `http://${settings.host}:${port}`;
	return {
		url,
		port,
		platforms,
		recorder,
		settings,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

module.exports = { startSandbox };
