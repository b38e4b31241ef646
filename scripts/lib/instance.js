'use strict';
// One n8n instance on loopback, set up the production way (../shared/specs/n8n.md §9.3): our built package under
// <user folder>/.n8n/nodes/node_modules (types `n8n-nodes-dm-leads.*`), credentials and workflows imported and
// published with the CLI before start, an owner bootstrapped from the environment, SQLite. Used by `npm start` and by
// the end-to-end tests.
const { execFile, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { promisify } = require('node:util');
const { N8N_BIN, ROOT, bcryptHash } = require('./runtime');

const execFileAsync = promisify(execFile);
const PACKAGE_NAME = require(path.join(ROOT, 'package.json')).name;
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

class N8nInstance {
	/**
	 * @param {object} options
	 * @param {string} options.userFolder  N8N_USER_FOLDER (n8n keeps its data in <userFolder>/.n8n)
	 * @param {number} options.port
	 * @param {{email: string, password: string}} options.owner
	 * @param {(line: string) => void} [options.log]
	 * @param {string} [options.logFile] n8n's own output goes here
	 */
	constructor({ userFolder, port, owner, log = () => {}, logFile }) {
		this.userFolder = userFolder;
		this.port = port;
		this.owner = owner;
		this.log = log;
		this.logFile = logFile ?? path.join(userFolder, 'n8n.log');
		this.baseUrl = `http://127.0.0.1:${port}`;
		this.cookie = null;
	}

	env() {
		return {
			...process.env,
			// Under jest NODE_ENV is "test", which makes n8n exit silently at start.
			NODE_ENV: 'production',
			N8N_USER_FOLDER: this.userFolder,
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			WEBHOOK_URL: `${this.baseUrl}/`,
			N8N_EDITOR_BASE_URL: `${this.baseUrl}/`,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false', // plain http on loopback
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			GENERIC_TIMEZONE: 'Asia/Shanghai',
			DB_TYPE: 'sqlite',
			N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
			N8N_INSTANCE_OWNER_EMAIL: this.owner.email,
			N8N_INSTANCE_OWNER_FIRST_NAME: 'Demo',
			N8N_INSTANCE_OWNER_LAST_NAME: 'Owner',
			N8N_INSTANCE_OWNER_PASSWORD_HASH: bcryptHash(this.owner.password),
		};
	}

	/** Copy the built package (package.json + dist/) where n8n looks for installed community packages. */
	installPackage() {
		const target = path.join(this.userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
		if (!fs.existsSync(path.join(ROOT, 'dist', 'package.json')) && !fs.existsSync(path.join(ROOT, 'dist', 'nodes'))) {
			throw new Error('dist/ is missing: run `npm run build` first');
		}
		fs.rmSync(target, { recursive: true, force: true });
		fs.mkdirSync(target, { recursive: true });
		fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(target, 'package.json'));
		fs.cpSync(path.join(ROOT, 'dist'), path.join(target, 'dist'), { recursive: true });
		return target;
	}

	async cli(args) {
		this.log(`$ n8n ${args.join(' ')}`);
		try {
			const { stdout } = await execFileAsync(process.execPath, [N8N_BIN, ...args], { env: this.env(), maxBuffer: 20 * 1024 * 1024 });
			return stdout;
		} catch (error) {
			throw new Error(`n8n ${args[0]} failed: ${String(error.stderr || error.stdout || error.message).slice(-2000)}`);
		}
	}

	async importCredentials(credentials) {
		const file = path.join(this.userFolder, 'import-credentials.json');
		fs.writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
		try {
			await this.cli(['import:credentials', `--input=${file}`]);
		} finally {
			fs.rmSync(file, { force: true });
		}
	}

	async importWorkflows(workflows) {
		const dir = path.join(this.userFolder, 'import-workflows');
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		for (const workflow of workflows) fs.writeFileSync(path.join(dir, `${workflow.id}.json`), JSON.stringify(workflow));
		await this.cli(['import:workflow', '--separate', `--input=${dir}`]);
		// Publishing before start takes effect when n8n starts (§9.3, §12: activate is now publish).
		for (const workflow of workflows) await this.cli(['publish:workflow', `--id=${workflow.id}`]);
	}

	async start({ timeoutMs = 120_000 } = {}) {
		fs.mkdirSync(this.userFolder, { recursive: true });
		const out = fs.openSync(this.logFile, 'a');
		this.process = spawn(process.execPath, [N8N_BIN, 'start'], { env: this.env(), stdio: ['ignore', out, out], detached: true });
		this.exited = new Promise((resolve) => this.process.once('exit', (code, signal) => resolve({ code, signal })));
		const deadline = Date.now() + timeoutMs;
		let exit = null;
		this.exited.then((result) => (exit = result));
		while (Date.now() < deadline) {
			if (exit) throw new Error(`n8n exited during start (${JSON.stringify(exit)}); see ${this.logFile}`);
			try {
				const response = await fetch(`${this.baseUrl}/healthz/readiness`);
				if (response.ok) return;
			} catch {
				// not listening yet
			}
			await wait(500);
		}
		throw new Error(`n8n did not become ready within ${timeoutMs / 1000} s; see ${this.logFile}`);
	}

	async stop() {
		if (!this.process || this.process.exitCode !== null) return;
		try {
			process.kill(-this.process.pid, 'SIGTERM');
		} catch {
			return;
		}
		const timer = setTimeout(() => {
			try {
				process.kill(-this.process.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}, 15_000);
		await this.exited;
		clearTimeout(timer);
	}

	/** The editor's REST API, logged in as the owner (cookie session). */
	async rest(method, route, body) {
		if (!this.cookie && route !== '/rest/login') await this.login();
		const response = await fetch(`${this.baseUrl}${route}`, {
			method,
			headers: { 'Content-Type': 'application/json', 'browser-id': 'dm-leads-scripts', ...(this.cookie ? { Cookie: this.cookie } : {}) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} ${route} → ${response.status}: ${text.slice(0, 500)}`);
		const json = text ? JSON.parse(text) : {};
		return { response, json: json.data !== undefined ? json.data : json };
	}

	async login() {
		const { response } = await this.rest('POST', '/rest/login', { emailOrLdapLoginId: this.owner.email, password: this.owner.password });
		this.cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
	}

	/** The owner's personal project, where the templates and their Data tables live (asked once). */
	async personalProjectId() {
		if (!this.projectId) this.projectId = (await this.rest('GET', '/rest/projects/personal')).json.id;
		return this.projectId;
	}

	/**
	 * Create the Data tables the templates use (workflows-templates/data-tables.json) unless they exist, and insert
	 * seed rows into freshly created ones. Returns { name: id }.
	 */
	async ensureDataTables(tables) {
		const projectId = await this.personalProjectId();
		const base = `/rest/projects/${projectId}/data-tables`;
		const { json: existing } = await this.rest('GET', `${base}?take=500&skip=0`);
		const byName = new Map((existing.data ?? existing).map((table) => [table.name, table.id]));
		for (const table of tables) {
			if (byName.has(table.name)) continue;
			const { json: created } = await this.rest('POST', base, { name: table.name, columns: table.columns });
			byName.set(table.name, created.id);
			if (table.seed?.length) await this.rest('POST', `${base}/${created.id}/insert`, { data: table.seed, returnType: 'count' });
			this.log(`Data table ${table.name} created`);
		}
		return Object.fromEntries(byName);
	}

	async dataTableRows(tableId) {
		const projectId = await this.personalProjectId();
		const { json } = await this.rest('GET', `/rest/projects/${projectId}/data-tables/${tableId}/rows?take=1000&skip=0`);
		return json.data ?? json;
	}

	async executions(workflowId) {
		const query = workflowId ? `?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}&limit=250` : '?limit=250';
		const { json } = await this.rest('GET', `/rest/executions${query}`);
		return json.results ?? json;
	}
}

module.exports = { N8nInstance, PACKAGE_NAME };
