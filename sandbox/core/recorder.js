'use strict';
// Everything that crosses the sandbox: API calls our nodes make (what "the platform received") and webhooks the
// sandbox delivers. Tests query it over HTTP (GET /__sandbox/calls); the chat page follows it live (server-sent events).

const SECRET_KEYS = /(secret|token|api[_-]?key|authorization|access-token|password)$|^code$/i;

/** Secrets never reach the log or the page: keep the first 4 characters. */
function redact(value) {
	if (Array.isArray(value)) return value.map(redact);
	if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
		return Object.fromEntries(
			Object.entries(value).map(([key, inner]) => [
				key,
				SECRET_KEYS.test(key) && typeof inner === 'string' && inner ? `${inner.slice(0, 4)}…` : redact(inner),
			]),
		);
	}
	return value;
}

class Recorder {
	constructor({ limit = 5000 } = {}) {
		this.limit = limit;
		this.entries = [];
		this.listeners = new Set();
		this.sequence = 0;
	}

	/**
	 * kind: 'api' (a node called a platform endpoint), 'webhook' (the sandbox delivered an event), 'chat' (a message
	 * shown in the chat page), 'note' (anything else worth seeing in the event log).
	 */
	record(kind, entry) {
		const stored = { seq: ++this.sequence, at: new Date().toISOString(), kind, ...entry };
		this.entries.push(stored);
		if (this.entries.length > this.limit) this.entries.shift();
		for (const listener of this.listeners) listener(stored);
		return stored;
	}

	/** Filter by any top-level string field, e.g. { kind: 'api', platform: 'douyin', path: '/im/send/msg/' }. */
	query(filter = {}) {
		const since = Number(filter.since ?? 0);
		return this.entries.filter(
			(entry) =>
				entry.seq > since &&
				Object.entries(filter).every(([key, value]) => key === 'since' || value === undefined || String(entry[key]) === String(value)),
		);
	}

	clear() {
		this.entries = [];
	}

	subscribe(listener) {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}
}

/** GET /__sandbox/stream: server-sent events of every new entry (the chat page's live view). */
function streamTo(res, recorder, req) {
	res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
	res.write(': sandbox stream\n\n');
	const unsubscribe = recorder.subscribe((entry) => res.write(`data: ${JSON.stringify(redact(entry))}\n\n`));
	req.on('close', unsubscribe);
}

module.exports = { redact, Recorder, streamTo };
