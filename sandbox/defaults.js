'use strict';
// The demo world: one Douyin app with an authorised business account, and the LLM stand-in's key. These are sandbox
// values, valid only against this sandbox; `npm start` writes them into the n8n credentials it imports. More accounts
// can be listed here; each needs its own Douyin Account credential and Send node in n8n (one credential per account).

const SANDBOX_DEFAULTS = {
	host: '127.0.0.1',
	port: 4010,
	retryDelayMs: 1000,
	douyin: {
		app: { clientKey: 'awsandboxdmleads01', clientSecret: 'sandbox-client-secret-not-for-production' },
		accounts: [
			{ openId: 'sandbox-b-0001-7ae0', nickname: '星辰汽车4S店', refreshToken: 'rft.sandbox-refresh-token-account-1' },
		],
	},
	llm: { apiKey: 'sk-sandbox-stand-in', model: 'sandbox-stand-in' },
};

module.exports = { SANDBOX_DEFAULTS };
