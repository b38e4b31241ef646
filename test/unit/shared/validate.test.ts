import { validateConversation, validateDmEvent } from '../../../nodes/shared/validate';

const good = {
	platform: 'douyin',
	accountId: 'B',
	customerId: 'C',
	id: 'conv',
	replyToken: 'msg',
	scene: 'im_replay_msg',
	windowKind: 'message',
	receivedAt: '2026-11-21T08:00:00.000Z',
	windowExpiresAt: '2026-11-22T08:00:00.000Z',
	messagesLeft: null,
};

describe('validateConversation', () => {
	it('accepts a trigger conversation', () => {
		expect(validateConversation(good)).toEqual({ ok: true, value: good });
	});
	it('names every problem', () => {
		const result = validateConversation({ ...good, platform: 'tiktok', receivedAt: 'yesterday', messagesLeft: -1 });
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.problems).toHaveLength(3);
			expect(result.problems.join('\n')).toMatch(/conversation\.platform must be one of douyin, xiaohongshu \(got "tiktok"\)/);
			expect(result.problems.join('\n')).toMatch(/conversation\.receivedAt must be an ISO date-time/);
			expect(result.problems.join('\n')).toMatch(/conversation\.messagesLeft must be a whole number/);
		}
	});
	it('rejects a missing conversation', () => {
		expect(validateConversation(undefined)).toEqual({ ok: false, problems: ['conversation must be an object'] });
	});
});

describe('validateDmEvent', () => {
	it('checks the envelope and the nested conversation', () => {
		const event = {
			eventId: 'e1',
			type: 'message',
			platform: 'douyin',
			platformEvent: 'im_receive_msg',
			account: { id: 'B' },
			customer: { id: 'C' },
			conversation: { ...good, customerId: '' },
		};
		const result = validateDmEvent(event);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems).toEqual([expect.stringMatching(/^event\.conversation\.customerId must be a non-empty string/)]);
		expect(validateDmEvent({ ...event, conversation: good }).ok).toBe(true);
	});
});
