#!/usr/bin/env node
'use strict';
// Run the sandbox on its own: `node sandbox/cli.js [--port 4010] [--douyin-webhook <n8n webhook URL>]`.
// `npm start` runs it together with n8n; use this when n8n runs elsewhere.
const { startSandbox } = require('./server');

function argument(name, fallback) {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? fallback : process.argv[index + 1];
}

startSandbox({
	port: Number(argument('port', process.env.SANDBOX_PORT ?? 4010)),
	webhookUrls: { douyin: argument('douyin-webhook', '') },
}).then((sandbox) => {
	process.stdout.write(`Sandbox listening on ${sandbox.url} — chat page ${sandbox.url}/\n`);
	const stop = () => sandbox.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
});
