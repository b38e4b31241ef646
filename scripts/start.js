#!/usr/bin/env node
'use strict';
// `npm start`: the whole product on this machine — the pinned n8n with this package, the templates and the sandbox.
// Ctrl-C stops everything it started.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, assertNode24, ensureRuntime, N8N_VERSION } = require('./lib/runtime');

const log = (line) => process.stdout.write(`${line}\n`);

async function main() {
	assertNode24();
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	if (!fs.existsSync(path.join(ROOT, 'node_modules', '.bin', 'n8n-node'))) {
		log('Installing the package\'s dev dependencies (npm ci)…');
		execFileSync(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
	}
	log('Building the package…');
	execFileSync(npm, ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
	ensureRuntime(log);

	const { startDemo, DEMO_OWNER } = require('./lib/demo');
	const n8nPort = Number(process.env.N8N_PORT ?? 5678);
	const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4010);
	const { sandbox, n8n } = await startDemo({ userFolder: path.join(ROOT, '.cache', 'n8n-home'), n8nPort, sandboxPort, log });

	log('');
	log(`  n8n ${N8N_VERSION} editor   ${n8n.baseUrl}/   (log in: ${DEMO_OWNER.email} / ${DEMO_OWNER.password})`);
	log(`  Chat page (play the customer)   ${sandbox.url}/`);
	log(`  n8n log                          ${path.relative(ROOT, n8n.logFile)}`);
	log('');
	log('  Open the chat page, press 进入私信页, then ask 多少钱？ and leave a phone number. Ctrl-C stops everything.');

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		log('\nStopping n8n and the sandbox…');
		await n8n.stop();
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	n8n.exited.then(({ code }) => {
		if (!stopping) {
			log(`n8n exited unexpectedly (code ${code}); see ${n8n.logFile}`);
			sandbox.close().then(() => process.exit(1));
		}
	});
}

main().catch((error) => {
	process.stderr.write(`npm start failed: ${error.message}\n`);
	process.exit(1);
});
