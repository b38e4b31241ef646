import { createHash } from 'crypto';

import type { DmConversation, DmEvent, DmEventType, DmLead, DmMessage, MessageKind, WindowKind } from '../../shared/dmEvent';
import { normalizeMainlandMobile } from '../../shared/contact';
import { initialMessagesLeft, windowExpiresAt } from '../../shared/window';

/**
 * Douyin webhook wire format (douyin.md §2) → platform-neutral DmEvent.
 * Pure: no I/O, the clock is passed in, so every sample payload of the spec can be replayed in tests.
 */

export type ParsedWebhook =
	| { kind: 'challenge'; body: string }
	| { kind: 'event'; event: DmEvent }
	| { kind: 'invalid'; reason: string };

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** §2.4: `content` (and `ad_info` inside it) may be an object or a JSON string. */
function decodeStringified(value: unknown): Json {
	if (isRecord(value)) return value;
	if (typeof value === 'string' && value.trim() !== '') {
		try {
			const parsed: unknown = JSON.parse(value);
			return isRecord(parsed) ? parsed : {};
		} catch {
			return {};
		}
	}
	return {};
}

const str = (value: unknown): string | undefined =>
	value === undefined || value === null || value === '' ? undefined : String(value);

/** §2.1: echo the challenge exactly as received — a number stays a number, big integers keep every digit. */
function challengeResponse(rawBody: string, payload: Json): string {
	const literal = /"challenge"\s*:\s*(-?\d+(?:\.\d+)?|"(?:[^"\\]|\\.)*")/.exec(rawBody);
	if (literal) return `{"challenge":${literal[1]}}`;
	return JSON.stringify({ challenge: decodeStringified(payload.content).challenge ?? null });
}

/** §2.5 message_type → neutral kind. */
const MESSAGE_KINDS: Record<string, MessageKind> = {
	text: 'text',
	image: 'image',
	video: 'video',
	emoji: 'emoji',
	user_local_image: 'local_image',
	user_local_video: 'local_video',
	retain_consult_card: 'lead_card',
	other: 'other',
};

/** §2.5 / §6: `card_status` 1 = blank, 2 = filled (3P enum copying the doc text). */
const CARD_STATUS: Record<string, 'blank' | 'filled'> = { '1': 'blank', '2': 'filled' };

/** Label words that identify a phone or WeChat field in `card_data` (Douyin shows Chinese labels). */
const PHONE_LABEL = /电话|手机|联系方式|号码|phone|mobile|tel/i;
const WECHAT_LABEL = /微信|wechat|weixin|vx|wx/i;

function cardData(content: Json): Array<{ label: string; value: string }> {
	const list = Array.isArray(content.card_data) ? content.card_data : [];
	return list
		.filter(isRecord)
		.map((entry) => ({ label: String(entry.label ?? ''), value: String(entry.value ?? '') }));
}

export function leadFromCardData(data: Array<{ label: string; value: string }>): DmLead {
	const lead: DmLead = { phones: [], wechat: [], fields: {} };
	for (const { label, value } of data) {
		if (!value) continue;
		lead.fields[label || `field${Object.keys(lead.fields).length + 1}`] = value;
		if (WECHAT_LABEL.test(label)) {
			lead.wechat.push(value.trim());
		} else if (PHONE_LABEL.test(label)) {
			const phone = normalizeMainlandMobile(value);
			if (phone && !lead.phones.includes(phone)) lead.phones.push(phone);
		}
	}
	return lead;
}

function userInfo(content: Json, openId: string): { nickname?: string; avatar?: string } {
	const infos = Array.isArray(content.user_infos) ? content.user_infos.filter(isRecord) : [];
	const info = infos.find((candidate) => candidate.open_id === openId);
	if (!info) return {};
	return { nickname: str(info.nick_name), avatar: str(info.avatar) };
}

function eventTime(content: Json, nowMs: number): number {
	const created = Number(content.create_time);
	if (!Number.isFinite(created) || created <= 0) return nowMs;
	// IM events use 13-digit milliseconds; im_authorize uses seconds (§2.5).
	return created < 1e12 ? created * 1000 : created;
}

function fallbackEventId(platformEvent: string, content: Json, rawBody: string): string {
	const messageId = str(content.server_message_id);
	if (messageId) return `douyin:${platformEvent}:${messageId}`;
	return `douyin:${platformEvent}:sha1:${createHash('sha1').update(rawBody).digest('hex')}`;
}

function conversationFor(
	kind: WindowKind,
	accountId: string,
	customerId: string,
	content: Json,
	receivedAtMs: number,
	scene: string | null,
): DmConversation {
	const hasReplyToken = kind === 'entered_dm' || kind === 'message';
	return {
		platform: 'douyin',
		accountId,
		customerId,
		id: str(content.conversation_short_id) ?? null,
		// §16: never reply with an im_send_msg id (error 28003082): only inbound / enter ids are reply tokens.
		replyToken: hasReplyToken ? (str(content.server_message_id) ?? null) : null,
		scene,
		windowKind: kind,
		receivedAt: new Date(receivedAtMs).toISOString(),
		windowExpiresAt: windowExpiresAt('douyin', kind, receivedAtMs),
		messagesLeft: initialMessagesLeft('douyin', kind),
	};
}

function messageFrom(content: Json): DmMessage {
	const platformType = str(content.message_type) ?? 'other';
	const message: DmMessage = {
		id: str(content.server_message_id) ?? null,
		kind: MESSAGE_KINDS[platformType] ?? 'other',
		platformType,
	};
	const text = str(content.text);
	if (text !== undefined) message.text = text;
	const mediaUrl = str(content.resource_url);
	if (mediaUrl !== undefined) message.mediaUrl = mediaUrl;
	if (platformType === 'retain_consult_card') {
		message.card = {
			id: str(content.card_id),
			status: CARD_STATUS[String(content.card_status)] ?? 'unknown',
			data: cardData(content),
		};
	}
	return message;
}

export interface ParseOptions {
	/** `Msg-Id` request header (§2.2), the platform's dedupe key. */
	msgId?: string;
	nowMs: number;
	includeRaw?: boolean;
}

/** Parse one webhook body. `rawBody` must be the exact bytes received, decoded as UTF-8. */
export function parseDouyinWebhook(rawBody: string, options: ParseOptions): ParsedWebhook {
	let payload: unknown;
	try {
		payload = JSON.parse(rawBody);
	} catch {
		return { kind: 'invalid', reason: 'The request body is not valid JSON' };
	}
	if (!isRecord(payload) || typeof payload.event !== 'string') {
		return { kind: 'invalid', reason: 'The request body has no "event" field' };
	}
	const platformEvent = payload.event;
	if (platformEvent === 'verify_webhook') return { kind: 'challenge', body: challengeResponse(rawBody, payload) };

	const content = decodeStringified(payload.content);
	const from = String(payload.from_user_id ?? '');
	const to = String(payload.to_user_id ?? '');
	const receivedAtMs = eventTime(content, options.nowMs);

	const base = {
		eventId: options.msgId || fallbackEventId(platformEvent, content, rawBody),
		platform: 'douyin' as const,
		platformEvent,
	};
	const finish = (event: Omit<DmEvent, 'eventId' | 'platform' | 'platformEvent'>): ParsedWebhook => ({
		kind: 'event',
		event: { ...base, ...event, ...(options.includeRaw ? { raw: payload } : {}) },
	});
	const person = (id: string) => ({ id, ...userInfo(content, id) });
	const account = (id: string) => {
		const { nickname } = userInfo(content, id);
		return nickname ? { id, name: nickname } : { id };
	};

	switch (platformEvent) {
		// §2.5 im_enter_direct_msg: from = customer, to = business account; content is a JSON string.
		case 'im_enter_direct_msg': {
			const source: DmEvent['source'] = {};
			if (str(content.objectId)) source.videoId = str(content.objectId);
			if (content.scene_type !== undefined) source.scene = Number(content.scene_type);
			const ad = decodeStringified(content.ad_info);
			if (Object.keys(ad).length) source.ad = ad;
			return finish({
				type: 'entered_dm',
				account: account(to),
				customer: person(from),
				conversation: conversationFor('entered_dm', to, from, content, receivedAtMs, 'im_enter_direct_msg'),
				source,
			});
		}
		// §2.5 im_receive_msg: the business account received a DM; a filled lead card (§6) becomes a `lead`.
		case 'im_receive_msg': {
			const message = messageFrom(content);
			const isFilledCard = message.kind === 'lead_card' && message.card?.status === 'filled';
			const event: Omit<DmEvent, 'eventId' | 'platform' | 'platformEvent'> = {
				type: isFilledCard ? 'lead' : 'message',
				account: account(to),
				customer: person(from),
				conversation: conversationFor('message', to, from, content, receivedAtMs, 'im_replay_msg'),
				message,
			};
			if (isFilledCard) event.lead = leadFromCardData(message.card?.data ?? []);
			if (content.scene_type !== undefined) event.source = { scene: Number(content.scene_type) };
			return finish(event);
		}
		// §2.5 im_send_msg: the business account sent a DM. Empty `source` = typed by a person in the app.
		case 'im_send_msg': {
			return finish({
				type: 'message_sent',
				account: account(from),
				customer: person(to),
				conversation: conversationFor('none', from, to, content, receivedAtMs, null),
				message: messageFrom(content),
				sentByHuman: !str(content.source),
			});
		}
		// §2.6 im_recall_msg: payload UNCONFIRMED. We read the same keys as the other IM events and assume the
		// receive-event direction (from = customer, to = account); change it here once the official body is known.
		case 'im_recall_msg': {
			return finish({
				type: 'recalled',
				account: account(to),
				customer: person(from),
				conversation: conversationFor('none', to, from, content, receivedAtMs, null),
				message: { id: str(content.server_message_id) ?? null, kind: 'other', platformType: 'recalled' },
			});
		}
		// §2.5 authorize / unauthorize: content {scopes: []}; from_user_id is the account that (de)authorised.
		case 'authorize':
		case 'unauthorize': {
			return finish({
				type: 'account',
				account: { id: from },
				customer: { id: '' },
				conversation: null,
				accountStatus: platformEvent === 'authorize' ? 'authorized' : 'unauthorized',
				scopes: Array.isArray(content.scopes) ? content.scopes.map(String) : [],
			});
		}
		// §2.5 im_authorize: a customer's proactive-DM (主动私信) grant; `source` is the scene to send with.
		case 'im_authorize': {
			const expire = Number(content.expire_time);
			const expiresAt = Number.isFinite(expire) && expire > 0 ? new Date(expire * 1000).toISOString() : undefined;
			const conversation = conversationFor('proactive', to, from, content, receivedAtMs, str(content.source) ?? null);
			conversation.windowExpiresAt = expiresAt ?? null;
			return finish({
				type: 'dm_authorized',
				account: { id: to },
				customer: { id: from },
				conversation,
				grant: {
					status: Number(content.auth_status) === 1 ? 'granted' : 'not_granted',
					operation: ({ 1: 'created', 2: 'updated' } as Record<number, 'created' | 'updated'>)[Number(content.operation_type)] ?? 'unknown',
					...(expiresAt ? { expiresAt } : {}),
				},
			});
		}
		default: {
			const type: DmEventType = 'other';
			return finish({ type, account: { id: to }, customer: { id: from }, conversation: null });
		}
	}
}
