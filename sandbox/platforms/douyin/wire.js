'use strict';
// Douyin wire formats as the platform produces them (../shared/specs/douyin.md). The sandbox builds every response
// and webhook here, so a change in the spec is a change in this one file.
const { createHash, randomBytes } = require('node:crypto');

const DOUYIN = {
	/** §2.2 the platform drops a delivery after 5 s and retries 3 times. */
	deliveryTimeoutMs: 5000,
	deliveryRetries: 3,
	/** §10.2 / §10.4 lifetimes (seconds). */
	accessTokenTtlS: 1_296_000,
	refreshTokenTtlS: 2_592_000,
	clientTokenTtlS: 7200,
	codeTtlMs: 10 * 60_000,
	maxRenewals: 5,
	/** §3: msg_id of a received / entered-DM event is valid 24 h (CONFIRMED, 3P copy of the official field text). */
	replyTokenTtlMs: 24 * 3_600_000,
	/**
	 * §4 UNCONFIRMED — PRODUCT REQUIREMENT: after the customer enters the DM page, ≤3 messages within 30 s; such
	 * windows ≤3 a day per customer, ≥1 h apart. The sandbox enforces them so templates are held to the same rules.
	 */
	enteredWindowMs: 30_000,
	enteredMaxMessages: 3,
	enteredWindowsPerDay: 3,
	enteredWindowGapMs: 3_600_000,
	/** §3 content_list holds at most 3 messages (scenes 3–4). */
	maxContentList: 3,
	/** §7 image upload limits. */
	maxImageBytes: 10 * 1024 * 1024,
};

/** §12 codes the sandbox answers with. 28003080 is a 3P label ("window expired"), the others official. */
const CODES = {
	ok: 0,
	tokenInvalid: 28001003,
	tokenExpired: 28001008,
	missingField: 28001007,
	invalidParameter: 11009,
	rateLimited: 28003070,
	windowExpired: 28003080,
	messageMismatch: 28003082,
	noPermission: 10004,
	missingParameter: 10005,
	codeExpired: 10007,
	refreshExpired: 10010,
	tooManyRenewals: 10020,
	badClient: 10003,
};

const newLogId = () => `2026${randomBytes(10).toString('hex').toUpperCase()}`;
/** Ids shaped like the samples in §2.7 (`@9Vxc1/yDU8…==`). */
const newImId = () => `@9Vxc1/yDU8${randomBytes(18).toString('base64')}`;
const newToken = (prefix) => `${prefix}.${randomBytes(20).toString('hex')}`;

/** §11 envelope 1 (OAuth). */
function oauthEnvelope(code, data = {}, description = '') {
	return { data: { ...data, error_code: code, description, log_id: newLogId() }, message: code === 0 ? 'success' : 'error' };
}

/** §11 envelope 2 (most OpenAPIs: send, lead cards, image upload). */
function openApiEnvelope(code, data = {}, description = '', root = {}) {
	const logid = newLogId();
	return {
		...root,
		data: { ...data, error_code: code, description },
		extra: { logid, now: Date.now(), error_code: code, description, sub_error_code: 0, sub_description: '' },
	};
}

/** §11 envelope 3 (recall, authorised users, resources). */
function newApiEnvelope(code, data = {}, message = '') {
	return { err_no: code, err_msg: code === 0 ? '' : message, log_id: newLogId(), data };
}

/** §2.3 X-Douyin-Signature = lowercase hex SHA-1 of client_secret bytes followed by the raw body bytes. */
function signWebhook(clientSecret, rawBody) {
	return createHash('sha1').update(Buffer.from(clientSecret, 'utf8')).update(rawBody).digest('hex');
}

const userInfo = (person) => ({ open_id: person.openId, nick_name: person.nickname, avatar: person.avatar });

/** §2.5 im_enter_direct_msg: `content` is an escaped JSON string (sample in §2.7). */
function enterEvent({ clientKey, customer, account, conversationId, messageId, createTime, videoId }) {
	const content = {
		conversation_short_id: conversationId,
		server_message_id: messageId,
		conversation_type: 1,
		create_time: createTime,
		scene_type: 4,
		user_infos: [userInfo(customer)],
		...(videoId ? { objectId: videoId } : {}),
	};
	return {
		event: 'im_enter_direct_msg',
		client_key: clientKey,
		from_user_id: customer.openId,
		to_user_id: account.openId,
		content: JSON.stringify(content),
	};
}

/** §2.5 im_receive_msg (customer → account) and im_send_msg (account → customer): `content` is an object. */
function messageEvent({ event, clientKey, from, to, conversationId, messageId, createTime, message, source = '' }) {
	return {
		event,
		client_key: clientKey,
		from_user_id: from.openId,
		to_user_id: to.openId,
		content: {
			conversation_short_id: conversationId,
			server_message_id: messageId,
			conversation_type: 1,
			create_time: createTime,
			message_type: message.type,
			source,
			scene_type: 100,
			...message.fields,
			user_infos: [userInfo(from), userInfo(to)],
		},
	};
}

/** §2.7 verify_webhook. */
const challengeEvent = (challenge) => ({ event: 'verify_webhook', client_key: '', content: { challenge } });

module.exports = { DOUYIN, CODES, newLogId, newImId, newToken, oauthEnvelope, openApiEnvelope, newApiEnvelope, signWebhook, enterEvent, messageEvent, challengeEvent };
