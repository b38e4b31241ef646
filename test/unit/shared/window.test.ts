import type { DmConversation } from '../../../nodes/shared/dmEvent';
import { checkSendWindow, initialMessagesLeft, windowExpiresAt } from '../../../nodes/shared/window';

const T0 = Date.parse('2026-11-21T08:00:00.000Z');
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

function conversation(windowKind: DmConversation['windowKind'], patch: Partial<DmConversation> = {}): DmConversation {
	return {
		platform: 'douyin',
		accountId: 'B',
		customerId: 'C',
		id: 'conv',
		replyToken: 'msg',
		scene: windowKind === 'entered_dm' ? 'im_enter_direct_msg' : 'im_replay_msg',
		windowKind,
		receivedAt: new Date(T0).toISOString(),
		windowExpiresAt: windowExpiresAt('douyin', windowKind, T0),
		messagesLeft: initialMessagesLeft('douyin', windowKind),
		...patch,
	};
}

describe('Douyin entered-DM window: 3 messages within 30 s (product rule, douyin.md §4)', () => {
	it.each([
		[29.9 * SECOND, true],
		[30 * SECOND, true],
		[30.1 * SECOND, false],
	])('at %d ms after entering → allowed %s', (age, allowed) => {
		const decision = checkSendWindow(conversation('entered_dm'), T0 + age);
		expect(decision.allowed).toBe(allowed);
		if (!decision.allowed) expect(decision.reason).toBe('entered_window_expired');
	});

	it.each([
		[0, true, 2],
		[1, true, 1],
		[2, true, 0],
		[3, false, undefined],
	])('with %d sent earlier in the run → allowed %s', (sentEarlier, allowed, left) => {
		const decision = checkSendWindow(conversation('entered_dm'), T0 + SECOND, sentEarlier);
		expect(decision.allowed).toBe(allowed);
		if (decision.allowed) expect(decision.messagesLeftAfter).toBe(left);
		else expect(decision.reason).toBe('entered_message_limit');
	});

	it('honours a stored messagesLeft from an earlier run', () => {
		const stored = conversation('entered_dm', { messagesLeft: 1 });
		expect(checkSendWindow(stored, T0 + SECOND, 0)).toEqual({ allowed: true, messagesLeftAfter: 0 });
		expect(checkSendWindow(stored, T0 + SECOND, 1)).toMatchObject({ allowed: false, reason: 'entered_message_limit' });
	});

	it('sets the window end 30 s after the event', () => {
		expect(conversation('entered_dm').windowExpiresAt).toBe('2026-11-21T08:00:30.000Z');
	});
});

describe('Douyin message window: msg_id valid 24 h (douyin.md §4 CONFIRMED)', () => {
	it.each([
		[23 * HOUR + 59 * MINUTE, true],
		[24 * HOUR, true],
		[24 * HOUR + 1 * MINUTE, false],
	])('at %d ms after the message → allowed %s', (age, allowed) => {
		const decision = checkSendWindow(conversation('message'), T0 + age);
		expect(decision.allowed).toBe(allowed);
		if (!decision.allowed) expect(decision.reason).toBe('reply_window_expired');
	});

	it('has no count limit', () => {
		expect(checkSendWindow(conversation('message'), T0 + MINUTE, 50)).toEqual({ allowed: true, messagesLeftAfter: null });
	});

	it('refuses a conversation without a reply token (e.g. from im_send_msg)', () => {
		expect(checkSendWindow(conversation('none', { replyToken: null }), T0)).toMatchObject({
			allowed: false,
			reason: 'no_reply_token',
		});
		expect(checkSendWindow(conversation('message', { replyToken: null }), T0)).toMatchObject({
			allowed: false,
			reason: 'no_reply_token',
		});
	});
});

describe('proactive DM grant (主动私信: ≤3 messages, douyin.md §4)', () => {
	const grant = conversation('proactive', {
		replyToken: null,
		scene: 'im.direct_message.bind',
		windowExpiresAt: new Date(T0 + 24 * HOUR).toISOString(),
	});
	it('allows three messages then stops', () => {
		expect(checkSendWindow(grant, T0 + HOUR, 2)).toEqual({ allowed: true, messagesLeftAfter: 0 });
		expect(checkSendWindow(grant, T0 + HOUR, 3)).toMatchObject({ allowed: false, reason: 'proactive_message_limit' });
	});
	it('refuses after the grant expires', () => {
		expect(checkSendWindow(grant, T0 + 25 * HOUR)).toMatchObject({ allowed: false, reason: 'reply_window_expired' });
	});
});
