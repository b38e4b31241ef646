'use strict';
// The Douyin module of the sandbox: Open Platform stand-in (api.js) + the customer side (webhooks signed and delivered
// like the platform does, §2) + the conversation store the chat page shows.
const { randomBytes } = require('node:crypto');
const { deliver } = require('../../core/delivery');
const { createDouyinApi } = require('./api');
const { DouyinState } = require('./state');
const { DOUYIN, challengeEvent, enterEvent, messageEvent, newImId, signWebhook } = require('./wire');

/** The platform's `Msg-Id` header: unique per event, the same on every retry (§2.2). */
const newMsgId = () => randomBytes(16).toString('hex');

function createDouyinPlatform({ recorder, app, accounts, webhookUrl = '', retryDelayMs = 1000, timeoutMs = DOUYIN.deliveryTimeoutMs }) {
	const state = new DouyinState({ app, accounts });
	const settings = { webhookUrl, retryDelayMs, timeoutMs };

	const chat = (conversation, message) => {
		conversation.messages.push(message);
		recorder.record('chat', { platform: 'douyin', accountId: conversation.accountId, customerId: conversation.customerId, message });
	};

	/**
	 * Sign and POST one webhook body to n8n, retrying like Douyin. `signature`: 'valid' (default), 'invalid' or
	 * 'missing' — the last two exist so tests can prove a forged request starts nothing.
	 */
	async function sendWebhook(payload, { msgId = newMsgId(), signature = 'valid', wait = true } = {}) {
		if (!settings.webhookUrl) throw Object.assign(new Error('No webhook URL configured: set it with POST /__sandbox/douyin/config'), { status: 409 });
		const body = Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload), 'utf8');
		const headers = { 'Content-Type': 'application/json', 'Msg-Id': msgId };
		if (signature === 'valid') headers['X-Douyin-Signature'] = signWebhook(state.app.clientSecret, body);
		if (signature === 'invalid') headers['X-Douyin-Signature'] = signWebhook('not-the-client-secret', body);
		const event = typeof payload === 'string' ? 'raw' : payload.event;
		const delivery = deliver({
			url: settings.webhookUrl,
			body,
			headers,
			timeoutMs: settings.timeoutMs,
			retries: DOUYIN.deliveryRetries,
			retryDelayMs: settings.retryDelayMs,
			onAttempt: (attempt) => recorder.record('webhook', { platform: 'douyin', event, msgId, signature, ...attempt }),
		});
		if (!wait) return { msgId, pending: true };
		return { msgId, ...(await delivery) };
	}

	/** Called by the API when a node sends: store, show, and echo `im_send_msg` with `source` = client_key (§2.5). */
	function onBusinessMessage({ accountId, customerId, messageId, via, scene, ...shown }) {
		const conversation = state.conversation(accountId, customerId);
		const createTime = Date.now();
		chat(conversation, { id: messageId, direction: 'out', via, scene, at: new Date(createTime).toISOString(), ...shown });
		const account = state.accounts.get(accountId);
		const customer = customerOf(customerId);
		const fields = shown.kind === 'text' ? { text: shown.text } : shown.kind === 'lead_card' ? { card_id: shown.cardId, card_status: 1 } : {};
		const payload = messageEvent({
			event: 'im_send_msg',
			clientKey: state.app.clientKey,
			from: account,
			to: customer,
			conversationId: conversation.id,
			messageId,
			createTime,
			message: { type: shown.kind === 'lead_card' ? 'retain_consult_card' : shown.kind, fields },
			source: via === 'api' ? state.app.clientKey : '',
		});
		if (settings.webhookUrl) sendWebhook(payload, { wait: false }).catch(() => {});
	}

	const api = createDouyinApi({ state, onBusinessMessage });

	function customerOf(customerId, nickname) {
		if (!customerId || typeof customerId !== 'string') throw Object.assign(new Error('customerId (the customer open_id) is required'), { status: 400 });
		return state.customer(customerId, nickname);
	}

	function accountOf(accountId) {
		const account = state.accounts.get(accountId ?? [...state.accounts.keys()][0]);
		if (!account) throw Object.assign(new Error(`Unknown account ${accountId}`), { status: 404 });
		return account;
	}

	/** An inbound event opens a reply window: remember its server_message_id as a reply token (§3). */
	function inbound(kind, account, customer, conversation, createTime) {
		const messageId = newImId();
		const window = { kind, accountId: account.openId, customerId: customer.openId, conversationId: conversation.id, atMs: createTime, replies: 0, messageId };
		state.inbound.set(messageId, window);
		if (kind === 'entered_dm') conversation.enteredWindows.push(window);
		return messageId;
	}

	// The customer's actions, as the chat page and the tests trigger them.
	const customerActions = {
		async enter({ accountId, customerId, nickname, videoId, signature }) {
			const account = accountOf(accountId);
			const customer = customerOf(customerId, nickname);
			const conversation = state.conversation(account.openId, customer.openId);
			const createTime = Date.now();
			const messageId = inbound('entered_dm', account, customer, conversation, createTime);
			chat(conversation, { id: messageId, direction: 'event', kind: 'entered_dm', text: `${customer.nickname} 进入了私信页`, at: new Date(createTime).toISOString() });
			const payload = enterEvent({ clientKey: state.app.clientKey, customer, account, conversationId: conversation.id, messageId, createTime, videoId });
			return { messageId, conversationId: conversation.id, ...(await sendWebhook(payload, { signature })) };
		},

		/** `times` > 1 delivers the same event again with the same Msg-Id (the platform does not promise uniqueness, §2.2). */
		async message({ accountId, customerId, nickname, text, signature, times }) {
			if (!String(text ?? '').trim()) throw Object.assign(new Error('text is required'), { status: 400 });
			return receive({ accountId, customerId, nickname, signature, times, message: { type: 'text', fields: { text: String(text) } }, shown: { kind: 'text', text: String(text) } });
		},

		/** §6: a filled lead card arrives as im_receive_msg, message_type retain_consult_card, card_status 2, card_data. */
		async leadCard({ accountId, customerId, nickname, cardId, fields, signature }) {
			const account = accountOf(accountId);
			const card = (state.cards.get(account.openId) ?? []).find((c) => c.card_id === cardId) ?? state.cards.get(account.openId)[0];
			const cardData = Object.entries(fields ?? {}).map(([label, value]) => ({ label, value: String(value) }));
			if (cardData.length === 0) throw Object.assign(new Error('fields are required, e.g. {"姓名": "张三", "电话": "13800138000"}'), { status: 400 });
			return receive({
				accountId: account.openId,
				customerId,
				nickname,
				signature,
				message: { type: 'retain_consult_card', fields: { card_id: card?.card_id ?? cardId, card_status: 2, card_data: cardData } },
				shown: { kind: 'lead_card_filled', text: cardData.map((f) => `${f.label}：${f.value}`).join('\n'), cardId: card?.card_id ?? cardId },
			});
		},

		/** A person at the business typed in the Douyin app: im_send_msg with an empty `source` (§16). */
		async appReply({ accountId, customerId, text }) {
			if (!String(text ?? '').trim()) throw Object.assign(new Error('text is required'), { status: 400 });
			const account = accountOf(accountId);
			customerOf(customerId);
			const messageId = newImId();
			state.outbound.add(messageId);
			onBusinessMessage({ accountId: account.openId, customerId, messageId, via: 'app', kind: 'text', text: String(text) });
			return { messageId };
		},

		async verify({ challenge = Math.floor(Math.random() * 1e9) } = {}) {
			return { challenge, ...(await sendWebhook(challengeEvent(challenge))) };
		},

		/** Deliver any payload (or raw text) as is, `times` times with one Msg-Id: the platform's duplicate deliveries. */
		async deliverRaw({ payload, msgId = newMsgId(), signature, times = 1 }) {
			const results = [];
			for (let i = 0; i < Math.min(Number(times) || 1, 10); i++) results.push(await sendWebhook(payload, { msgId, signature }));
			return { msgId, results };
		},
	};

	async function receive({ accountId, customerId, nickname, signature, times = 1, message, shown }) {
		const account = accountOf(accountId);
		const customer = customerOf(customerId, nickname);
		const conversation = state.conversation(account.openId, customer.openId);
		const createTime = Date.now();
		const messageId = inbound('message', account, customer, conversation, createTime);
		chat(conversation, { id: messageId, direction: 'in', at: new Date(createTime).toISOString(), ...shown });
		const payload = messageEvent({
			event: 'im_receive_msg',
			clientKey: state.app.clientKey,
			from: customer,
			to: account,
			conversationId: conversation.id,
			messageId,
			createTime,
			message,
		});
		const msgId = newMsgId();
		const deliveries = [];
		for (let i = 0; i < Math.min(Number(times) || 1, 10); i++) {
			if (i > 0) await new Promise((resolve) => setTimeout(resolve, settings.retryDelayMs));
			deliveries.push(await sendWebhook(payload, { msgId, signature }));
		}
		return { messageId, conversationId: conversation.id, ...deliveries[0], deliveries };
	}

	return {
		name: 'douyin',
		title: '抖音 Douyin',
		api,
		customerActions,
		settings,
		state,
		snapshot: () => ({ ...state.snapshot(), webhookUrl: settings.webhookUrl }),
	};
}

module.exports = { createDouyinPlatform };
