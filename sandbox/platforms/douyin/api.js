'use strict';
// The Douyin Open Platform endpoints our nodes call, answered as douyin.md describes them: same paths, form or JSON
// bodies, the three envelopes (§11), the error codes (§12), token lifetimes (§10) and the send rules (§3–§4).
const { createHash } = require('node:crypto');
const { CODES, DOUYIN, newImId, newToken, oauthEnvelope, openApiEnvelope, newApiEnvelope } = require('./wire');

const PATHS = {
	connect: '/platform/oauth/connect/',
	accessToken: '/oauth/access_token/',
	refreshToken: '/oauth/refresh_token/',
	renewRefreshToken: '/oauth/renew_refresh_token/',
	clientToken: '/oauth/client_token/',
	stableClientToken: '/oauth/stable_client_token/',
	send: '/im/send/msg/',
	recall: '/im/recall/msg/',
	saveCard: '/im/save/retain_consult_card/',
	listCards: '/im/get/retain_consult_card/',
	deleteCard: '/im/del/retain_consult_card/',
	uploadImage: '/tool/imagex/client_upload/',
	resources: '/api/im/message/resources/',
	authorizedUsers: '/im/authorize/user_list/',
	authorizationStatus: '/im/authorize/status/',
};

const SEND_SCENES = new Set(['im_replay_msg', 'im_enter_direct_msg', 'im_b2b_direct_message', 'im_authorize_message']);
/** §3 msg_type → content key. */
const CONTENT_KEYS = { 1: 'text', 2: 'image', 3: 'video', 8: 'retain_consult_card', 9: 'group_invitation', 10: 'applet_card', 11: 'applet_coupon', 12: 'auth_private_message_card' };

/** §7 jpeg, png, bmp, webp by magic bytes. */
function imageFormat(data) {
	if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
	if (data.length > 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
	if (data.length > 2 && data[0] === 0x42 && data[1] === 0x4d) return 'bmp';
	if (data.length > 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') return 'webp';
	return null;
}

/** The file part named `field` of a multipart/form-data body. */
function multipartFile(contentType, raw, field) {
	const boundary = /boundary=("?)([^";]+)\1/i.exec(contentType ?? '')?.[2];
	if (!boundary) return null;
	const delimiter = Buffer.from(`--${boundary}`);
	let start = raw.indexOf(delimiter);
	while (start !== -1) {
		const next = raw.indexOf(delimiter, start + delimiter.length);
		if (next === -1) break;
		const part = raw.subarray(start + delimiter.length + 2, next - 2);
		const headerEnd = part.indexOf('\r\n\r\n');
		const headers = part.subarray(0, headerEnd).toString('utf8');
		if (new RegExp(`name="${field}"`).test(headers)) {
			return { headers, data: part.subarray(headerEnd + 4) };
		}
		start = next;
	}
	return null;
}

/** Human-readable text of an outgoing content object, for the chat page. */
function describeContent(state, accountId, content) {
	const key = CONTENT_KEYS[content.msg_type];
	const inner = content[key] ?? {};
	switch (content.msg_type) {
		case 1:
			return { kind: 'text', text: String(inner.text ?? '') };
		case 2:
			return { kind: 'image', text: '[图片]', imageId: inner.media_id };
		case 3:
			return { kind: 'video', text: `[视频 ${inner.item_id ?? ''}]` };
		case 8: {
			const card = (state.cards.get(accountId) ?? []).find((c) => c.card_id === inner.card_id);
			return { kind: 'lead_card', text: card?.title ?? '留资卡片', cardId: inner.card_id, components: card?.components ?? [] };
		}
		default:
			return { kind: 'other', text: `[消息类型 ${content.msg_type}]` };
	}
}

function createDouyinApi({ state, onBusinessMessage }) {
	const handlers = {};

	// ── §10 OAuth ────────────────────────────────────────────────────────────────────────────────────────────────
	const appMatches = (body) => body.client_key === state.app.clientKey;

	handlers[`GET ${PATHS.connect}`] = ({ query }) => {
		// Stands in for the QR page: the sandbox's first account "scans" when the button is pressed.
		const account = [...state.accounts.values()][0];
		if (query.client_key !== state.app.clientKey || query.response_type !== 'code' || !query.redirect_uri) {
			return { status: 400, html: '<p>client_key, response_type=code and redirect_uri are required (douyin.md §10.1)</p>' };
		}
		const code = newToken('code').slice(0, 40);
		state.codes.set(code, { openId: account.openId, expiresAtMs: Date.now() + DOUYIN.codeTtlMs, used: false });
		const target = new URL(query.redirect_uri);
		target.searchParams.set('code', code);
		if (query.state) target.searchParams.set('state', query.state);
		const scopes = String(query.scope ?? '').split(',').filter(Boolean).map((s) => `<li>${s.replace(/[<>&"]/g, '')}</li>`).join('');
		return {
			status: 200,
			html: `<!doctype html><meta charset="utf-8"><title>抖音授权（沙盒）</title><body style="font-family:sans-serif;max-width:28rem;margin:3rem auto">
<h2>抖音扫码授权 · 沙盒</h2><p>这是本地沙盒，代替抖音的二维码页面。账号 <b>${account.nickname}</b> 将授权以下权限：</p><ul>${scopes}</ul>
<a id="authorize" href="${target.toString().replace(/"/g, '&quot;')}" style="display:inline-block;padding:.6rem 1.2rem;background:#fe2c55;color:#fff;border-radius:6px;text-decoration:none">同意授权</a></body>`,
		};
	};

	const issueUserTokens = (openId) => {
		const accessToken = newToken('act');
		state.accessTokens.set(accessToken, { openId, expiresAtMs: Date.now() + DOUYIN.accessTokenTtlS * 1000 });
		return accessToken;
	};

	handlers[`POST ${PATHS.accessToken}`] = ({ body }) => {
		if (!appMatches(body) || body.client_secret !== state.app.clientSecret) return { json: oauthEnvelope(CODES.badClient, {}, 'client_key or client_secret is wrong') };
		if (body.grant_type !== 'authorization_code' || !body.code) return { json: oauthEnvelope(CODES.missingParameter, {}, '缺少参数') };
		const grant = state.codes.get(body.code);
		if (!grant || grant.used || grant.expiresAtMs < Date.now()) return { json: oauthEnvelope(CODES.codeExpired, {}, 'code 已过期或已使用') };
		grant.used = true;
		const account = state.accounts.get(grant.openId);
		const refreshToken = newToken('rft');
		state.refreshTokens.set(refreshToken, account.openId);
		account.refreshExpiresAtMs = Date.now() + DOUYIN.refreshTokenTtlS * 1000;
		return {
			json: oauthEnvelope(CODES.ok, {
				access_token: issueUserTokens(account.openId),
				expires_in: DOUYIN.accessTokenTtlS,
				refresh_token: refreshToken,
				refresh_expires_in: DOUYIN.refreshTokenTtlS,
				open_id: account.openId,
				scope: 'im.direct_message,im.recall_message,im.message_card,tool.image.upload',
			}),
		};
	};

	handlers[`POST ${PATHS.refreshToken}`] = ({ body }) => {
		if (!appMatches(body) || body.grant_type !== 'refresh_token' || !body.refresh_token) return { json: oauthEnvelope(CODES.missingParameter, {}, '缺少参数') };
		const openId = state.refreshTokens.get(body.refresh_token);
		const account = openId && state.accounts.get(openId);
		if (!account || account.refreshExpiresAtMs < Date.now()) return { json: oauthEnvelope(CODES.refreshExpired, {}, 'refresh_token 已过期') };
		return {
			json: oauthEnvelope(CODES.ok, {
				access_token: issueUserTokens(openId),
				expires_in: DOUYIN.accessTokenTtlS,
				refresh_token: body.refresh_token,
				refresh_expires_in: Math.round((account.refreshExpiresAtMs - Date.now()) / 1000),
				open_id: openId,
				scope: 'im.direct_message,im.recall_message,im.message_card,tool.image.upload',
			}),
		};
	};

	handlers[`POST ${PATHS.renewRefreshToken}`] = ({ body }) => {
		if (!appMatches(body) || !body.refresh_token) return { json: oauthEnvelope(CODES.missingParameter, {}, '缺少参数') };
		const openId = state.refreshTokens.get(body.refresh_token);
		const account = openId && state.accounts.get(openId);
		if (!account || account.refreshExpiresAtMs < Date.now()) return { json: oauthEnvelope(CODES.refreshExpired, {}, 'refresh_token 已过期') };
		if (account.renewals >= DOUYIN.maxRenewals) return { json: oauthEnvelope(CODES.tooManyRenewals, {}, '超过刷新次数') };
		state.refreshTokens.delete(body.refresh_token);
		const refreshToken = newToken('rft');
		state.refreshTokens.set(refreshToken, openId);
		account.renewals += 1;
		account.refreshExpiresAtMs = Date.now() + DOUYIN.refreshTokenTtlS * 1000;
		return { json: oauthEnvelope(CODES.ok, { refresh_token: refreshToken, expires_in: DOUYIN.refreshTokenTtlS }) };
	};

	const clientToken = ({ body }) => {
		if (!appMatches(body) || body.client_secret !== state.app.clientSecret) return { json: oauthEnvelope(CODES.badClient, {}, 'client_key or client_secret is wrong') };
		if (body.grant_type !== 'client_credential') return { json: oauthEnvelope(CODES.missingParameter, {}, '缺少参数') };
		const token = newToken('clt');
		state.clientTokens.set(token, Date.now() + DOUYIN.clientTokenTtlS * 1000);
		return { json: oauthEnvelope(CODES.ok, { access_token: token, expires_in: DOUYIN.clientTokenTtlS }) };
	};
	handlers[`POST ${PATHS.clientToken}`] = clientToken;
	handlers[`POST ${PATHS.stableClientToken}`] = clientToken;

	// ── user-token endpoints ─────────────────────────────────────────────────────────────────────────────────────
	/** Header `access-token` must be a live user token of the account named by `open_id` (§3). */
	function authorise(headers, query, envelope) {
		const token = headers['access-token'];
		const grant = token && state.accessTokens.get(token);
		if (!grant) return { json: envelope(CODES.tokenInvalid, 'access_token 无效') };
		if (grant.expiresAtMs < Date.now()) return { json: envelope(CODES.tokenExpired, 'access_token 已过期') };
		if (query.open_id !== undefined && query.open_id !== grant.openId) return { json: envelope(CODES.tokenInvalid, 'access_token 与 open_id 不匹配') };
		return { openId: grant.openId };
	}
	const env2 = (code, description, data = {}) => openApiEnvelope(code, data, description);
	const env3 = (code, message, data = {}) => newApiEnvelope(code, data, message);

	/**
	 * §3 send + §4 windows. Scenes 1–2 need the msg_id of an inbound event of this customer and conversation; an id
	 * of a sent message is 28003082; an expired window is 28003080; an entered-DM window over budget is 28003070.
	 */
	function checkReplyTarget(openId, body, scene) {
		for (const field of ['msg_id', 'conversation_id', 'to_user_id', 'content']) {
			if (body[field] === undefined || body[field] === '') return [CODES.missingField, `${field} 必填字段缺失`];
		}
		if (state.outbound.has(body.msg_id)) return [CODES.messageMismatch, '消息对象不匹配'];
		const target = state.inbound.get(body.msg_id);
		if (!target) return [CODES.invalidParameter, 'msg_id 参数不合法'];
		if (target.accountId !== openId || target.customerId !== body.to_user_id || target.conversationId !== body.conversation_id) {
			return [CODES.messageMismatch, '消息对象不匹配'];
		}
		const age = Date.now() - target.atMs;
		if (scene === 'im_enter_direct_msg') {
			if (target.kind !== 'entered_dm') return [CODES.messageMismatch, '消息对象不匹配：scene im_enter_direct_msg 需要进入私信事件的 msg_id'];
			if (age > DOUYIN.enteredWindowMs) return [CODES.windowExpired, '进入私信后 30 秒内可回复，已超时'];
			if (target.replies >= DOUYIN.enteredMaxMessages) return [CODES.rateLimited, '超出频控限制次数'];
			if (target.replies === 0) {
				// A new answered entered-DM window: ≤3 a day, ≥1 h after the previous one (§4 product rule).
				const conversation = state.conversation(openId, body.to_user_id);
				const answered = conversation.enteredWindows.filter((w) => w.replies > 0 && w.messageId !== body.msg_id);
				const today = answered.filter((w) => Date.now() - w.atMs < 24 * 3_600_000);
				if (today.length >= DOUYIN.enteredWindowsPerDay) return [CODES.rateLimited, '超出频控限制次数：每天最多 3 次欢迎'];
				if (answered.some((w) => target.atMs - w.atMs < DOUYIN.enteredWindowGapMs)) return [CODES.rateLimited, '超出频控限制次数：两次欢迎间隔需大于 1 小时'];
			}
		} else {
			if (target.kind === 'entered_dm') return [CODES.messageMismatch, '消息对象不匹配：回复进入私信事件需使用 scene im_enter_direct_msg'];
			if (age > DOUYIN.replyTokenTtlMs) return [CODES.windowExpired, 'msg_id 已超过 24 小时'];
		}
		return [CODES.ok, '', target];
	}

	handlers[`POST ${PATHS.send}`] = ({ headers, query, body }) => {
		const auth = authorise(headers, query, env2);
		if (auth.json) return auth;
		const scene = body.scene ?? 'im_replay_msg';
		if (!SEND_SCENES.has(scene)) return { json: env2(CODES.invalidParameter, 'scene 参数不合法') };
		let contents;
		let target;
		if (scene === 'im_replay_msg' || scene === 'im_enter_direct_msg') {
			const [code, description, found] = checkReplyTarget(auth.openId, body, scene);
			if (code !== CODES.ok) return { json: env2(code, description) };
			target = found;
			contents = [body.content];
		} else {
			if (!body.to_user_id) return { json: env2(CODES.missingField, 'to_user_id 必填字段缺失') };
			if (!Array.isArray(body.content_list) || body.content_list.length === 0) return { json: env2(CODES.missingField, 'content_list 必填字段缺失') };
			if (body.content_list.length > DOUYIN.maxContentList) return { json: env2(CODES.invalidParameter, 'content_list 最多 3 条消息') };
			contents = body.content_list;
		}
		for (const content of contents) {
			if (!content || typeof content !== 'object' || !CONTENT_KEYS[content.msg_type] || typeof content[CONTENT_KEYS[content.msg_type]] !== 'object') {
				return { json: env2(CODES.invalidParameter, 'content 参数不合法') };
			}
			if (content.msg_type === 1 && !String(content.text.text ?? '').trim()) return { json: env2(CODES.invalidParameter, 'text 不能为空') };
		}
		if (target) target.replies += 1;
		const messageId = newImId();
		state.outbound.add(messageId);
		for (const content of contents) {
			onBusinessMessage({ accountId: auth.openId, customerId: body.to_user_id, messageId, scene, via: 'api', ...describeContent(state, auth.openId, content) });
		}
		return { json: openApiEnvelope(CODES.ok, {}, '', { msg_id: messageId, message: 'success' }) };
	};

	handlers[`POST ${PATHS.recall}`] = ({ headers, query, body }) => {
		const auth = authorise(headers, query, env3);
		if (auth.json) return auth;
		if (!body.conversation_id || !body.msg_id || body.conversation_type === undefined) return { json: env3(CODES.missingField, '必填字段缺失') };
		if (!state.outbound.has(body.msg_id)) return { json: env3(CODES.invalidParameter, 'msg_id 参数不合法') };
		for (const conversation of state.conversations.values()) {
			for (const message of conversation.messages) if (message.id === body.msg_id) message.recalled = true;
		}
		return { json: env3(CODES.ok, '', {}) };
	};

	// ── §6 lead cards ─────────────────────────────────────────────────────────────────────────────────────────────
	handlers[`POST ${PATHS.saveCard}`] = ({ headers, query, body }) => {
		const auth = authorise(headers, query, env2);
		if (auth.json) return auth;
		if (!body.title || !Array.isArray(body.components)) return { json: env2(CODES.missingField, 'title / components 必填字段缺失') };
		const cards = state.cards.get(auth.openId);
		if (body.card_id) {
			const card = cards.find((c) => c.card_id === body.card_id);
			if (!card) return { json: env2(CODES.invalidParameter, 'card_id 参数不合法') };
			Object.assign(card, { title: body.title, components: body.components, media_id: body.media_id ?? card.media_id });
			return { json: env2(CODES.ok, '', { card_id: card.card_id }) };
		}
		const card = { card_id: String(7_000_000_000_000_000_000 + Math.floor(Math.random() * 1e15)), title: body.title, components: body.components, media_id: body.media_id ?? '', status: 1 };
		cards.push(card);
		return { json: env2(CODES.ok, '', { card_id: card.card_id }) };
	};

	handlers[`GET ${PATHS.listCards}`] = ({ headers, query }) => {
		const auth = authorise(headers, query, env2);
		if (auth.json) return auth;
		return { json: env2(CODES.ok, '', { cards: state.cards.get(auth.openId) }) };
	};

	handlers[`POST ${PATHS.deleteCard}`] = ({ headers, query }) => {
		const auth = authorise(headers, query, env2);
		if (auth.json) return auth;
		const cards = state.cards.get(auth.openId);
		const index = cards.findIndex((c) => c.card_id === query.card_id);
		if (index === -1) return { json: env2(CODES.invalidParameter, 'card_id 参数不合法') };
		cards.splice(index, 1);
		return { json: env2(CODES.ok, '') };
	};

	// ── §7 image upload, §9 resources ─────────────────────────────────────────────────────────────────────────────
	handlers[`POST ${PATHS.uploadImage}`] = ({ headers, query, raw }) => {
		const auth = authorise(headers, query, env2);
		if (auth.json) return auth;
		const file = multipartFile(headers['content-type'], raw, 'image');
		if (!file) return { json: env2(CODES.missingField, 'image 必填字段缺失') };
		if (file.data.length > DOUYIN.maxImageBytes) return { json: env2(CODES.invalidParameter, '图片不能超过 10 MB') };
		const format = imageFormat(file.data);
		if (!format) return { json: env2(CODES.invalidParameter, '仅支持 jpeg、png、bmp、webp') };
		const imageId = `tos-cn-i-sandbox/${createHash('md5').update(file.data).digest('hex')}`;
		state.images.set(imageId, { format, data: file.data });
		return { json: env2(CODES.ok, '', { image_id: imageId, width: 0, height: 0, md5: createHash('md5').update(file.data).digest('hex') }) };
	};

	handlers[`GET ${PATHS.resources}`] = ({ headers, query }) => {
		const auth = authorise(headers, query, env3);
		if (auth.json) return auth;
		if (!query.conversation_id || !query.message_id) return { json: env3(CODES.missingField, '必填字段缺失') };
		return { json: env3(CODES.ok, '', []) };
	};

	// ── §8 proactive-DM users: the sandbox has no grants (im_authorize) yet ────────────────────────────────────────
	handlers[`POST ${PATHS.authorizedUsers}`] = ({ headers, query }) => {
		const auth = authorise(headers, query, env3);
		if (auth.json) return auth;
		return { json: env3(CODES.ok, '', { auth_user_list: [], has_more: false }) };
	};
	handlers[`POST ${PATHS.authorizationStatus}`] = ({ headers, query, body }) => {
		const auth = authorise(headers, query, env3);
		if (auth.json) return auth;
		if (!body.c_open_id) return { json: env3(CODES.missingField, 'c_open_id 必填字段缺失') };
		return { json: env3(CODES.ok, '', { status: 0 }) };
	};

	return handlers;
}

module.exports = { createDouyinApi, PATHS, imageFormat, multipartFile };
