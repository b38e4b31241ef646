'use strict';
// Webhook delivery the way the platforms do it: one POST, dropped after a timeout, retried a fixed number of times
// with the same headers (so the receiver can dedupe on the message id). Each attempt is recorded.

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @param {object} options
 * @param {string} options.url          receiver (the n8n production webhook URL)
 * @param {Buffer} options.body         exact bytes (signatures are computed over them)
 * @param {object} options.headers
 * @param {number} options.timeoutMs    connection dropped after this long (Douyin: 5 s)
 * @param {number} options.retries      extra attempts after a failure or timeout (Douyin: 3)
 * @param {number} options.retryDelayMs pause between attempts (not documented by the platforms; short for the demo)
 * @param {(attempt: object) => void} [options.onAttempt]
 * @returns {Promise<{delivered: boolean, attempts: object[]}>}
 */
async function deliver({ url, body, headers, timeoutMs, retries, retryDelayMs = 1000, onAttempt = () => {} }) {
	const attempts = [];
	for (let attempt = 1; attempt <= retries + 1; attempt++) {
		const started = Date.now();
		const result = { attempt, status: null, error: null, ms: 0, response: '' };
		try {
			const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
			result.status = response.status;
			result.response = (await response.text()).slice(0, 500);
		} catch (error) {
			result.error = error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : String(error.cause?.code ?? error.message);
		}
		result.ms = Date.now() - started;
		attempts.push(result);
		onAttempt(result);
		if (result.status !== null && result.status >= 200 && result.status < 300) return { delivered: true, attempts };
		// A 401/400 is the receiver refusing the request itself; the platform still retries (it cannot tell), and so do we.
		if (attempt <= retries) await wait(retryDelayMs);
	}
	return { delivered: false, attempts };
}

module.exports = { deliver };
