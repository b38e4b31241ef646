'use strict';
// The whole demo in one call, shared by `npm start` and the end-to-end tests: sandbox + n8n with our package, the
// sandbox credentials, the templates (imported and published) and their Data tables.
const fs = require('node:fs');
const path = require('node:path');
const { startSandbox } = require('../../sandbox/server');
const { SANDBOX_DEFAULTS } = require('../../sandbox/defaults');
const { TEMPLATES, ROUTER_WEBHOOK_ID } = require('../templates/definitions');
const { CREDENTIALS } = require('../templates/builders');
const { N8nInstance } = require('./instance');
const { ROOT } = require('./runtime');

const DEMO_OWNER = { email: 'owner@example.com', password: 'DmLeads-Demo-2026' };
const DATA_TABLES = require(path.join(ROOT, 'workflows-templates', 'data-tables.json')).tables;

/** Sandbox values for the credentials the templates reference (builders.js CREDENTIALS ids). */
function sandboxCredentials(sandboxUrl) {
	const { app, accounts } = SANDBOX_DEFAULTS.douyin;
	return [
		{ ...CREDENTIALS.douyinAppApi, type: 'douyinAppApi', data: { environment: 'custom', baseUrl: sandboxUrl, clientKey: app.clientKey, clientSecret: app.clientSecret } },
		{
			...CREDENTIALS.douyinAccountApi,
			name: `Douyin Account ${accounts[0].nickname} (sandbox)`,
			type: 'douyinAccountApi',
			data: { environment: 'custom', baseUrl: sandboxUrl, clientKey: app.clientKey, openId: accounts[0].openId, refreshToken: accounts[0].refreshToken, refreshExpiresAt: '' },
		},
		{ ...CREDENTIALS.dmAiApi, type: 'dmAiApi', data: { baseUrl: `${sandboxUrl}/v1`, apiKey: SANDBOX_DEFAULTS.llm.apiKey, model: SANDBOX_DEFAULTS.llm.model, jsonMode: true } },
	];
}

/** The welcome configuration of the sandbox's account (one row per account in dm_welcome_config). */
function welcomeSeed() {
	const account = SANDBOX_DEFAULTS.douyin.accounts[0];
	return [
		{
			accountId: account.openId,
			enabled: true,
			message1: `您好，欢迎来到${account.nickname}！👋`,
			message2: '想了解哪款车型、价格或试驾，直接发消息问我就好～',
			message3: '方便的话留个称呼和电话，顾问一对一为您报价。',
		},
	];
}

/**
 * @param {object} options
 * @param {string} options.userFolder
 * @param {number} options.n8nPort
 * @param {number} options.sandboxPort (0 = any free port)
 * @param {(line: string) => void} [options.log]
 * @param {number} [options.retryDelayMs] pause between the sandbox's webhook retries
 */
async function startDemo({ userFolder, n8nPort, sandboxPort, log = () => {}, retryDelayMs }) {
	const webhookUrl = `http://127.0.0.1:${n8nPort}/webhook/${ROUTER_WEBHOOK_ID}/webhook`;
	const sandbox = await startSandbox({ port: sandboxPort, webhookUrls: { douyin: webhookUrl }, ...(retryDelayMs === undefined ? {} : { retryDelayMs }) });
	const n8n = new N8nInstance({ userFolder, port: n8nPort, owner: DEMO_OWNER, log });
	try {
		fs.mkdirSync(userFolder, { recursive: true });
		n8n.installPackage();
		await n8n.importCredentials(sandboxCredentials(sandbox.url));
		await n8n.importWorkflows(TEMPLATES.map((template) => template.workflow));
		log('Starting n8n…');
		await n8n.start();
		const tables = DATA_TABLES.map((table) => (table.name === 'dm_welcome_config' ? { ...table, seed: welcomeSeed() } : table));
		const tableIds = await n8n.ensureDataTables(tables);
		return { sandbox, n8n, tableIds, webhookUrl };
	} catch (error) {
		await n8n.stop();
		await sandbox.close();
		throw error;
	}
}

module.exports = { startDemo, DEMO_OWNER, sandboxCredentials };
