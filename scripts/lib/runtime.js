'use strict';
// The pinned n8n that `npm start` and the end-to-end tests run: installed once from scripts/n8n-runtime's lockfile
// into .cache/n8n-<version> (ignored by git), the way ../shared/specs/n8n.md §14 describes it.
const { execFileSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const MANIFEST_DIR = path.join(ROOT, 'scripts', 'n8n-runtime');
const N8N_VERSION = require(path.join(MANIFEST_DIR, 'package.json')).dependencies.n8n;
const RUNTIME_DIR = path.join(ROOT, '.cache', `n8n-${N8N_VERSION}`);
const READY_MARKER = path.join(RUNTIME_DIR, '.ready');
const N8N_BIN = path.join(RUNTIME_DIR, 'node_modules', 'n8n', 'bin', 'n8n');

function assertNode24() {
	const major = Number(process.versions.node.split('.')[0]);
	if (major < 24) {
		throw new Error(`n8n 2.x needs Node.js 24 or newer; this is ${process.version}. Install Node 24 (or run: source scripts/use-node24.sh).`);
	}
}

/** Headers for building sqlite3 from source must match the running Node (offline: no header download). */
function nodeHeadersDir() {
	if (process.env.npm_config_nodedir) return process.env.npm_config_nodedir;
	const candidate = path.resolve(process.execPath, '..', '..');
	return fs.existsSync(path.join(candidate, 'include', 'node', 'node.h')) ? candidate : undefined;
}

function npm(args, cwd, log) {
	log(`$ npm ${args.join(' ')}`);
	const env = { ...process.env };
	const headers = nodeHeadersDir();
	if (headers) env.npm_config_nodedir = headers;
	execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** Install the pinned n8n unless the cache already holds it (≈3 min and 2.7 GB the first time). */
function ensureRuntime(log = () => {}) {
	assertNode24();
	// The marker holds the lockfile's hash: a changed pin reinstalls.
	const lockHash = createHash('sha1').update(fs.readFileSync(path.join(MANIFEST_DIR, 'package-lock.json'))).digest('hex');
	if (fs.existsSync(READY_MARKER) && fs.readFileSync(READY_MARKER, 'utf8') === lockHash && fs.existsSync(N8N_BIN)) return RUNTIME_DIR;
	log(`Installing n8n ${N8N_VERSION} into ${path.relative(ROOT, RUNTIME_DIR)} (first run only: a few minutes, ~2.7 GB)…`);
	fs.mkdirSync(RUNTIME_DIR, { recursive: true });
	fs.copyFileSync(path.join(MANIFEST_DIR, 'package.json'), path.join(RUNTIME_DIR, 'package.json'));
	fs.copyFileSync(path.join(MANIFEST_DIR, 'package-lock.json'), path.join(RUNTIME_DIR, 'package-lock.json'));
	// --ignore-scripts: some dependencies' install scripts need the internet; sqlite3 is then built from source.
	npm(['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], RUNTIME_DIR, log);
	npm(['rebuild', 'sqlite3', '--loglevel=error'], RUNTIME_DIR, log);
	fs.writeFileSync(READY_MARKER, lockHash);
	return RUNTIME_DIR;
}

/** bcrypt for the owner's password hash, from the bcryptjs n8n itself ships. */
function bcryptHash(password) {
	const bcrypt = require(path.join(RUNTIME_DIR, 'node_modules', 'bcryptjs'));
	return bcrypt.hashSync(password, 10);
}

module.exports = { ROOT, N8N_VERSION, RUNTIME_DIR, N8N_BIN, assertNode24, ensureRuntime, bcryptHash };
