import { validateDmEvent } from '../../../nodes/shared/validate';
import { parseDouyinWebhook } from '../../../nodes/Douyin/transport/webhook';
import * as fx from '../../fixtures/douyin';

const NOW = 1681303300000;

function parse(payload: unknown, options: { msgId?: string; includeRaw?: boolean } = {}) {
	const result = parseDouyinWebhook(typeof payload === 'string' ? payload : JSON.stringify(payload), { nowMs: NOW, ...options });
	if (result.kind !== 'event') throw new Error(`expected an event, got ${JSON.stringify(result)}`);
	const valid = validateDmEvent(result.event);
	if (!valid.ok) throw new Error(valid.problems.join('; '));
	return result.event;
}

type Encode = <T extends { content: unknown }>(payload: T) => T;

/** The same payload with `content` switched to the other encoding (§2.4: object OR JSON string). */
const otherEncoding: Encode = (payload) => {
	const content = typeof payload.content === 'string' ? JSON.parse(payload.content) : JSON.stringify(payload.content);
	return { ...payload, content };
};
const asIs: Encode = (payload) => payload;

describe('verify_webhook (douyin.md §2.1)', () => {
	it('echoes a numeric challenge as a number', () => {
		expect(parseDouyinWebhook(JSON.stringify(fx.verifyWebhook), { nowMs: NOW })).toEqual({
			kind: 'challenge',
			body: '{"challenge":12345}',
		});
	});
	it('keeps every digit of a challenge beyond double precision', () => {
		const raw = '{"event":"verify_webhook","client_key":"","content":{"challenge":12345678901234567890}}';
		expect(parseDouyinWebhook(raw, { nowMs: NOW })).toEqual({ kind: 'challenge', body: '{"challenge":12345678901234567890}' });
	});
});

describe('malformed bodies', () => {
	it.each([
		['not JSON', '{"event":'],
		['no event', '{"content":{}}'],
		['array', '[1,2]'],
	])('%s is invalid', (_, raw) => {
		expect(parseDouyinWebhook(raw, { nowMs: NOW }).kind).toBe('invalid');
	});
});

describe.each([
	['object content', asIs],
	['JSON-string content', otherEncoding],
])('im_receive_msg with %s', (_, encode) => {
	it('becomes a message with the customer, account and a 24 h conversation', () => {
		const event = parse(encode(fx.receiveText), { msgId: 'msg-id-header-1' });
		expect(event).toMatchObject({
			eventId: 'msg-id-header-1',
			type: 'message',
			platform: 'douyin',
			platformEvent: 'im_receive_msg',
			account: { id: fx.ACCOUNT_OPEN_ID, name: '捷途汽车官方' },
			customer: { id: fx.CUSTOMER_OPEN_ID, nickname: '刘东', avatar: 'https://p3.douyinpic.com/aweme/100x100/customer.jpeg' },
			message: { id: '@9Vxc1/yDU8msg01+Kk2A==', kind: 'text', platformType: 'text', text: '捷途70' },
			source: { scene: 100 },
			conversation: {
				platform: 'douyin',
				accountId: fx.ACCOUNT_OPEN_ID,
				customerId: fx.CUSTOMER_OPEN_ID,
				id: '@9Vxc1/yDU8conv+Qx7E==',
				replyToken: '@9Vxc1/yDU8msg01+Kk2A==',
				scene: 'im_replay_msg',
				windowKind: 'message',
				receivedAt: '2023-04-12T12:41:25.997Z',
				windowExpiresAt: '2023-04-13T12:41:25.997Z',
				messagesLeft: null,
			},
		});
		expect(event.raw).toBeUndefined();
	});
});

describe('message kinds (douyin.md §2.5)', () => {
	it.each([
		['image', 'image'],
		['video', 'video'],
		['emoji', 'emoji'],
		['user_local_image', 'local_image'],
		['user_local_video', 'local_video'],
		['other', 'other'],
		['something_new', 'other'],
	])('%s → %s', (messageType, kind) => {
		const event = parse(fx.receiveOf({ message_type: messageType, resource_url: 'https://p3.douyinpic.com/img.jpeg' }));
		expect(event.type).toBe('message');
		expect(event.message).toMatchObject({ kind, platformType: messageType, mediaUrl: 'https://p3.douyinpic.com/img.jpeg' });
	});
});

describe.each([
	['object content', asIs],
	['JSON-string content', otherEncoding],
])('lead card with %s (douyin.md §6)', (_, encode) => {
	it('a filled card becomes a lead with phones, WeChat and every field', () => {
		const event = parse(encode(fx.leadCardSubmitted));
		expect(event.type).toBe('lead');
		expect(event.lead).toEqual({
			phones: ['+8613800138000'],
			wechat: ['liudong_88'],
			fields: { 姓名: '刘先生', 手机号: '138 0013 8000', 微信号: 'liudong_88', 意向车型: '捷途70' },
		});
		expect(event.message?.card).toMatchObject({ id: '7300000000000000001', status: 'filled' });
		expect(event.conversation?.replyToken).toBe('@9Vxc1/yDU8card01+Lc1A==');
	});
});

describe('lead card edge cases', () => {
	it('a blank card (card_status 1) stays a message', () => {
		const event = parse(fx.receiveOf({ message_type: 'retain_consult_card', card_id: 'c1', card_status: 1, card_data: [] }));
		expect(event.type).toBe('message');
		expect(event.message?.card?.status).toBe('blank');
		expect(event.lead).toBeUndefined();
	});
	it('a masked phone is kept as a field but not as a phone', () => {
		const event = parse(
			fx.receiveOf({ message_type: 'retain_consult_card', card_status: 2, card_data: [{ label: '电话', value: '138****8000' }] }),
		);
		expect(event.lead).toEqual({ phones: [], wechat: [], fields: { 电话: '138****8000' } });
	});
});

describe.each([
	['JSON-string content', asIs],
	['object content', otherEncoding],
])('im_enter_direct_msg with %s', (_, encode) => {
	it('becomes entered_dm with a 30 s, 3-message window and scene im_enter_direct_msg', () => {
		const event = parse(encode(fx.enterDirectMessage));
		expect(event).toMatchObject({
			type: 'entered_dm',
			customer: { id: fx.CUSTOMER_OPEN_ID, nickname: 'Hs姝羽' },
			account: { id: fx.ACCOUNT_OPEN_ID },
			source: { scene: 4 },
			conversation: {
				replyToken: '@9Vxc1/yDU8enter1+Ab3C==',
				id: '@9Vxc1/yDU8conv+Qx7E==',
				scene: 'im_enter_direct_msg',
				windowKind: 'entered_dm',
				receivedAt: '2023-04-12T12:41:26.088Z',
				windowExpiresAt: '2023-04-12T12:41:56.088Z',
				messagesLeft: 3,
			},
		});
	});
});

it('im_enter_direct_msg from an ad parses the video id and the nested ad_info JSON string', () => {
	const event = parse(fx.enterFromAd);
	expect(event.source).toEqual({
		videoId: '7212345678901234567',
		scene: 1,
		ad: { adv_id: '1760000000000001', ad_id: '1760000000000002', ad_name: '春季试驾', creative_id: '1760000000000003' },
	});
});

describe('im_send_msg (douyin.md §2.5, §16)', () => {
	it('empty source → sentByHuman, and no reply token (28003082)', () => {
		const event = parse(fx.sentFromApp);
		expect(event).toMatchObject({
			type: 'message_sent',
			sentByHuman: true,
			account: { id: fx.ACCOUNT_OPEN_ID },
			customer: { id: fx.CUSTOMER_OPEN_ID, nickname: '刘东' },
			conversation: { replyToken: null, windowKind: 'none', windowExpiresAt: null, id: '@9Vxc1/yDU8conv+Qx7E==' },
		});
	});
	it('source = client_key → sent through the API', () => {
		expect(parse(fx.sentByApi).sentByHuman).toBe(false);
	});
});

it('im_recall_msg → recalled (payload unconfirmed: best-effort ids)', () => {
	const event = parse({ ...fx.receiveText, event: 'im_recall_msg' });
	expect(event).toMatchObject({ type: 'recalled', message: { id: '@9Vxc1/yDU8msg01+Kk2A==' }, conversation: { replyToken: null } });
});

describe.each([
	['authorize', fx.authorize, 'authorized'],
	['unauthorize', fx.unauthorize, 'unauthorized'],
])('%s', (_, payload, status) => {
	it.each([
		['object', asIs],
		['string', otherEncoding],
	])('with %s content → account event', (__, encode) => {
		const event = parse(encode({ ...payload, from_user_id: fx.ACCOUNT_OPEN_ID, content: { scopes: ['im.direct_message'] } }));
		expect(event).toMatchObject({
			type: 'account',
			accountStatus: status,
			account: { id: fx.ACCOUNT_OPEN_ID },
			scopes: ['im.direct_message'],
			conversation: null,
		});
	});
});

describe.each([
	['JSON-string content', asIs],
	['object content', otherEncoding],
])('im_authorize with %s', (_, encode) => {
	it('becomes dm_authorized with the grant and the proactive scene', () => {
		const event = parse(encode({ ...fx.imAuthorize, from_user_id: fx.CUSTOMER_OPEN_ID, to_user_id: fx.ACCOUNT_OPEN_ID }));
		expect(event).toMatchObject({
			type: 'dm_authorized',
			grant: { status: 'granted', operation: 'created', expiresAt: '2023-01-04T08:37:33.000Z' },
			conversation: {
				windowKind: 'proactive',
				scene: 'im.direct_message.bind',
				replyToken: null,
				messagesLeft: 3,
				receivedAt: '2022-12-05T08:37:33.000Z',
				windowExpiresAt: '2023-01-04T08:37:33.000Z',
			},
		});
	});
});

describe('event ids and raw payload', () => {
	it('falls back to event + server_message_id without a Msg-Id header', () => {
		expect(parse(fx.receiveText).eventId).toBe('douyin:im_receive_msg:@9Vxc1/yDU8msg01+Kk2A==');
	});
	it('falls back to a body hash when there is no message id', () => {
		expect(parse(fx.authorize).eventId).toMatch(/^douyin:authorize:sha1:[0-9a-f]{40}$/);
	});
	it('includes the raw payload on request', () => {
		expect(parse(fx.receiveText, { includeRaw: true }).raw).toEqual(fx.receiveText);
	});
	it('an unknown event becomes `other`', () => {
		expect(parse({ event: 'dial_phone', from_user_id: 'C', to_user_id: 'B', content: {} })).toMatchObject({
			type: 'other',
			platformEvent: 'dial_phone',
		});
	});
});
