import type { DmConversation, Platform, WindowKind } from './dmEvent';

/**
 * Send-window rules: pure functions of a conversation and the clock, used by every Send before it calls a platform.
 *
 * Douyin (douyin.md §4):
 * - CONFIRMED: a `msg_id` (server_message_id) of an inbound or entered-DM event is valid for 24 h.
 * - UNCONFIRMED — PRODUCT REQUIREMENT (vendor document, not platform docs): after the customer enters the DM page,
 *   at most 3 messages within 30 s. The numbers live in WINDOW_RULES so they change in one place.
 * - After an inbound message: no count limit is enforced ("unlimited for 24 h" is the product rule; a third-party
 *   note says "24h/6 条" — unconfirmed, so we only back off when the platform refuses, see transport/errors.ts).
 */
export interface WindowRules {
	/** How long a replyToken stays usable after the event (ms). */
	replyTokenTtlMs: number;
	/** Entered-DM window length (ms) and message budget. */
	enteredWindowMs: number;
	enteredMaxMessages: number;
	/** Proactive-DM grant: messages per send (Douyin 主动私信: once a day, ≤3 messages — douyin.md §4 CONFIRMED). */
	proactiveMaxMessages: number;
}

const HOUR = 3_600_000;

export const WINDOW_RULES: Record<Platform, WindowRules> = {
	douyin: {
		replyTokenTtlMs: 24 * HOUR,
		enteredWindowMs: 30_000,
		enteredMaxMessages: 3,
		proactiveMaxMessages: 3,
	},
	// Placeholder until the Xiaohongshu issue: xiaohongshu.md §3.3 / §8 give no confirmed numbers yet.
	xiaohongshu: {
		replyTokenTtlMs: 24 * HOUR,
		enteredWindowMs: 0,
		enteredMaxMessages: 0,
		proactiveMaxMessages: 0,
	},
};

export type NotSentReason =
	| 'no_reply_token'
	| 'reply_window_expired'
	| 'entered_window_expired'
	| 'entered_message_limit'
	| 'proactive_message_limit'
	| 'reply_message_limit'
	| 'rate_limited'
	| 'platform_refused'
	| 'guard_blocked';

export type WindowDecision =
	| { allowed: true; messagesLeftAfter: number | null }
	| { allowed: false; reason: NotSentReason; detail: string };

/** Window end for a freshly received event of the given kind (null when no window applies). */
export function windowExpiresAt(platform: Platform, kind: WindowKind, receivedAtMs: number): string | null {
	const rules = WINDOW_RULES[platform];
	if (kind === 'entered_dm') return new Date(receivedAtMs + rules.enteredWindowMs).toISOString();
	if (kind === 'message') return new Date(receivedAtMs + rules.replyTokenTtlMs).toISOString();
	return null;
}

/** Message budget for a freshly received event of the given kind (null = no count limit). */
export function initialMessagesLeft(platform: Platform, kind: WindowKind): number | null {
	const rules = WINDOW_RULES[platform];
	if (kind === 'entered_dm') return rules.enteredMaxMessages;
	if (kind === 'proactive') return rules.proactiveMaxMessages;
	return null;
}

function formatAge(ms: number): string {
	if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
	if (ms < 2 * HOUR) return `${Math.round(ms / 60_000)} min`;
	return `${(ms / HOUR).toFixed(1)} h`;
}

/**
 * May one more message go out on this conversation now?
 * @param sentEarlier messages already sent on this window by earlier items of the same run (the node is stateless;
 *   across runs the caller passes the stored `messagesLeft`).
 */
export function checkSendWindow(conversation: DmConversation, nowMs: number, sentEarlier = 0): WindowDecision {
	const rules = WINDOW_RULES[conversation.platform];
	const needsReplyToken = conversation.windowKind !== 'proactive';
	if (conversation.windowKind === 'none' || (needsReplyToken && !conversation.replyToken)) {
		return {
			allowed: false,
			reason: 'no_reply_token',
			detail:
				'This conversation has no customer message to reply to (for example it came from a message the business sent). Reply to an event where the customer entered the DM page or sent a message.',
		};
	}

	const receivedAtMs = Date.parse(conversation.receivedAt);
	const age = nowMs - receivedAtMs;
	const left = conversation.messagesLeft === null ? null : conversation.messagesLeft - sentEarlier;

	if (conversation.windowKind === 'entered_dm') {
		if (age > rules.enteredWindowMs) {
			return {
				allowed: false,
				reason: 'entered_window_expired',
				detail: `The customer entered the DM page ${formatAge(age)} ago; replies to an entered-DM event must go out within ${rules.enteredWindowMs / 1000} s.`,
			};
		}
		const budget = left ?? rules.enteredMaxMessages - sentEarlier;
		if (budget <= 0) {
			return {
				allowed: false,
				reason: 'entered_message_limit',
				detail: `At most ${rules.enteredMaxMessages} messages may answer one entered-DM event; this one is used up.`,
			};
		}
		return { allowed: true, messagesLeftAfter: budget - 1 };
	}

	if (conversation.windowKind === 'proactive') {
		if (conversation.windowExpiresAt && nowMs > Date.parse(conversation.windowExpiresAt)) {
			return {
				allowed: false,
				reason: 'reply_window_expired',
				detail: `The customer's proactive-DM grant expired at ${conversation.windowExpiresAt}.`,
			};
		}
		const budget = left ?? rules.proactiveMaxMessages - sentEarlier;
		if (budget <= 0) {
			return {
				allowed: false,
				reason: 'proactive_message_limit',
				detail: `A proactive DM may carry at most ${rules.proactiveMaxMessages} messages.`,
			};
		}
		return { allowed: true, messagesLeftAfter: budget - 1 };
	}

	if (age > rules.replyTokenTtlMs) {
		return {
			allowed: false,
			reason: 'reply_window_expired',
			detail: `The customer's last message is ${formatAge(age)} old; the platform accepts replies for ${rules.replyTokenTtlMs / HOUR} h. Wait for the customer to write again.`,
		};
	}
	if (left !== null && left <= 0) {
		return { allowed: false, reason: 'reply_message_limit', detail: 'No messages are left in this reply window.' };
	}
	return { allowed: true, messagesLeftAfter: left === null ? null : left - 1 };
}
