'use strict';
// What the Douyin stand-in remembers: the app, authorised accounts and their tokens, customers, conversations (both
// directions), reply tokens with their windows, lead cards and uploaded images. In memory: a restart is a clean slate.
const { DOUYIN, newImId, newToken } = require('./wire');

class DouyinState {
	constructor({ app, accounts }) {
		this.app = { ...app };
		this.accounts = new Map();
		this.refreshTokens = new Map();
		this.accessTokens = new Map();
		this.clientTokens = new Map();
		this.codes = new Map();
		this.customers = new Map();
		this.conversations = new Map();
		/** Reply tokens: server_message_id of im_receive_msg / im_enter_direct_msg → its window (§3, §4). */
		this.inbound = new Map();
		/** Ids of messages the account sent: using one as msg_id is error 28003082 (§12). */
		this.outbound = new Set();
		this.cards = new Map();
		this.images = new Map();
		for (const account of accounts) this.addAccount(account);
	}

	addAccount({ openId, nickname, avatar = '', refreshToken }) {
		const account = { openId, nickname, avatar, renewals: 0, refreshExpiresAtMs: Date.now() + DOUYIN.refreshTokenTtlS * 1000 };
		this.accounts.set(openId, account);
		this.refreshTokens.set(refreshToken ?? newToken('rft'), openId);
		if (!this.cards.has(openId)) {
			this.cards.set(openId, [{ card_id: `${openId.slice(-4)}7001`, title: '免费获取报价', components: [1, 2, 3], media_id: '', status: 1 }]);
		}
		return account;
	}

	customer(openId, nickname) {
		let customer = this.customers.get(openId);
		if (!customer) {
			customer = { openId, nickname: nickname || `抖音用户${openId.slice(-4)}`, avatar: '' };
			this.customers.set(openId, customer);
		} else if (nickname) {
			customer.nickname = nickname;
		}
		return customer;
	}

	conversation(accountId, customerId) {
		const key = `${accountId}|${customerId}`;
		let conversation = this.conversations.get(key);
		if (!conversation) {
			// conversation_short_id is long-lived (§3): one per account–customer pair.
			conversation = { id: newImId(), accountId, customerId, messages: [], enteredWindows: [] };
			this.conversations.set(key, conversation);
		}
		return conversation;
	}

	/** Everything the chat page and tests may see; tokens and secrets stay out. */
	snapshot() {
		return {
			app: { clientKey: this.app.clientKey },
			accounts: [...this.accounts.values()].map(({ openId, nickname, avatar }) => ({ openId, nickname, avatar })),
			customers: [...this.customers.values()],
			conversations: [...this.conversations.values()].map((conversation) => ({
				...conversation,
				enteredWindows: conversation.enteredWindows.map(({ messageId, atMs, replies }) => ({ messageId, at: new Date(atMs).toISOString(), replies })),
			})),
			cards: Object.fromEntries(this.cards),
		};
	}
}

module.exports = { DouyinState };
