import nock from 'nock';

import type { DmConversation } from '../../nodes/shared/dmEvent';
import { CredentialStore, douyinActionWorkflow, runWorkflow } from '../helpers/engine';

const API = 'http://douyin.test';
const ACCOUNT = 'B-open-id';
const CUSTOMER = 'C-open-id';
const OK = { msg_id: 'server-msg-1', data: { error_code: 0, description: '' }, extra: { error_code: 0, logid: 'L1', description: '' } };

function store(patch: Record<string, unknown> = {}) {
	const credentials = new CredentialStore();
	credentials.set('cred-account', {
		environment: 'custom',
		baseUrl: API,
		clientKey: 'client-key',
		openId: ACCOUNT,
		refreshToken: 'rft.current',
		refreshExpiresAt: '',
		refreshRenewals: 0,
		accessToken: 'act.valid',
		...patch,
	});
	return credentials;
}

function conversation(kind: 'message' | 'entered_dm', ageMs: number, patch: Partial<DmConversation> = {}): DmConversation {
	const receivedAt = Date.now() - ageMs;
	return {
		platform: 'douyin',
		accountId: ACCOUNT,
		customerId: CUSTOMER,
		id: '@conv==',
		replyToken: kind === 'message' ? '@msg==' : '@enter==',
		scene: kind === 'message' ? 'im_replay_msg' : 'im_enter_direct_msg',
		windowKind: kind,
		receivedAt: new Date(receivedAt).toISOString(),
		windowExpiresAt: new Date(receivedAt + (kind === 'message' ? 86_400_000 : 30_000)).toISOString(),
		messagesLeft: kind === 'message' ? null : 3,
		...patch,
	};
}

const send = (parameters: Record<string, unknown>) =>
	douyinActionWorkflow({ resource: 'message', operation: 'send', ...parameters });

/** Captures the one send request so each test can assert path, query, headers and body exactly. */
function expectSend(reply: object = OK, status = 200) {
	const seen: { headers?: Record<string, string | string[]>; body?: unknown; query?: unknown } = {};
	const scope = nock(API)
		.post('/im/send/msg/')
		.query((query) => {
			seen.query = query;
			return true;
		})
		.reply(function (_uri, body) {
			seen.headers = this.req.headers;
			seen.body = body;
			return [status, reply];
		});
	return { scope, seen };
}

afterEach(() => nock.cleanAll());
beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

describe('Message → Send: every content type sends the exact request (douyin.md §3)', () => {
	it.each([
		['text', { messageType: 'text', text: '您好，欢迎咨询！' }, { msg_type: 1, text: { text: '您好，欢迎咨询！' } }],
		['image by id', { messageType: 'image', imageSource: 'id', imageId: 'img-123' }, { msg_type: 2, image: { media_id: 'img-123' } }],
		['video', { messageType: 'video', itemId: '7212345678901234567' }, { msg_type: 3, video: { item_id: '7212345678901234567' } }],
		[
			'lead card',
			{ messageType: 'leadCard', cardId: { __rl: true, mode: 'id', value: 'card-9' } },
			{ msg_type: 8, retain_consult_card: { card_id: 'card-9' } },
		],
		[
			'applet card',
			{ messageType: 'appletCard', appletAppId: 'tt123', cardTemplateId: 'tpl-1', appletPath: 'pages/index', appletQuery: 'a=1' },
			{ msg_type: 10, applet_card: { card_template_id: 'tpl-1', app_id: 'tt123', path: 'pages/index', query: 'a=1' } },
		],
		[
			'raw content JSON',
			{ messageType: 'raw', rawContent: '{"msg_type":204,"question_guide_msg_card":{"title":"常见问题"}}' },
			{ msg_type: 204, question_guide_msg_card: { title: '常见问题' } },
		],
	])('%s', async (_, parameters, content) => {
		const { scope, seen } = expectSend();
		const result = await runWorkflow(send(parameters), 'Input', [{ json: { conversation: conversation('message', 60_000) } }], store());
		expect(result.error('Douyin')).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(seen.query).toEqual({ open_id: ACCOUNT });
		expect(seen.headers?.['access-token']).toBe('act.valid');
		expect(seen.headers?.['content-type']).toBe('application/json');
		expect(seen.body).toEqual({
			to_user_id: CUSTOMER,
			scene: 'im_replay_msg',
			msg_id: '@msg==',
			conversation_id: '@conv==',
			content,
		});
		const [out] = result.output('Douyin');
		expect(out.sent).toMatchObject({ messageId: 'server-msg-1', scene: 'im_replay_msg' });
	});

	it('replies to an entered-DM event with scene im_enter_direct_msg and counts down the budget', async () => {
		const { scope, seen } = expectSend();
		const result = await runWorkflow(
			send({ messageType: 'text', text: '欢迎！' }),
			'Input',
			[{ json: { conversation: conversation('entered_dm', 2_000) } }],
			store(),
		);
		expect(scope.isDone()).toBe(true);
		expect(seen.body).toMatchObject({ scene: 'im_enter_direct_msg', msg_id: '@enter==' });
		expect(result.output('Douyin')[0].conversation).toMatchObject({ messagesLeft: 2 });
	});

	it('explicit ids (Define Below) send the same request without an input conversation', async () => {
		const { scope, seen } = expectSend();
		await runWorkflow(
			send({
				replyTo: 'define',
				customerId: CUSTOMER,
				replyMessageId: '@msg==',
				conversationId: '@conv==',
				scene: 'im_replay_msg',
				eventTime: new Date(Date.now() - 3_600_000).toISOString(),
				messageType: 'text',
				text: 'hi',
			}),
			'Input',
			[{ json: {} }],
			store(),
		);
		expect(scope.isDone()).toBe(true);
		expect(seen.body).toEqual({
			to_user_id: CUSTOMER,
			scene: 'im_replay_msg',
			msg_id: '@msg==',
			conversation_id: '@conv==',
			content: { msg_type: 1, text: { text: 'hi' } },
		});
	});

	it('uploads an input binary first, then sends its image_id (§7)', async () => {
		const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
		let uploadBody = '';
		let uploadType = '';
		const upload = nock(API)
			.post('/tool/imagex/client_upload/')
			.reply(function (_uri, body) {
				uploadBody = Buffer.from(body as string, 'hex').toString('latin1') || String(body);
				uploadType = String(this.req.headers['content-type']);
				return [200, { data: { image_id: 'uploaded-img', width: 1, height: 1, md5: 'x', error_code: 0 }, extra: { error_code: 0 } }];
			});
		const { scope, seen } = expectSend();
		const result = await runWorkflow(
			send({ messageType: 'image', imageSource: 'binary', binaryPropertyName: 'data' }),
			'Input',
			[
				{
					json: { conversation: conversation('message', 1000) },
					binary: { data: { data: png.toString('base64'), mimeType: 'image/png', fileName: 'menu.png' } },
				},
			],
			store(),
		);
		expect(result.error('Douyin')).toBeUndefined();
		expect(upload.isDone() && scope.isDone()).toBe(true);
		expect(uploadType).toMatch(/^multipart\/form-data; boundary=/);
		expect(uploadBody).toContain('name="image"; filename="menu.png"');
		expect(uploadBody).toContain('Content-Type: image/png');
		expect(seen.body).toMatchObject({ content: { msg_type: 2, image: { media_id: 'uploaded-img' } } });
	});

	it.each([
		['a GIF', Buffer.from('GIF89a-not-allowed'), /not a JPEG, PNG, BMP or WebP/],
		['an 11 MB JPEG', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(11 * 1024 * 1024)]), /at most 10 MB/],
	])('refuses %s before any upload', async (_, file, message) => {
		const result = await runWorkflow(
			send({ messageType: 'image', imageSource: 'binary', binaryPropertyName: 'data' }),
			'Input',
			[{ json: { conversation: conversation('message', 1000) }, binary: { data: { data: file.toString('base64'), mimeType: 'image/jpeg' } } }],
			store(),
		);
		expect(result.error('Douyin')?.message).toMatch(message);
		expect(nock.pendingMocks()).toEqual([]);
	});
});

describe('Message → Send: window rules before the API (douyin.md §4)', () => {
	it.each([
		// Ages are measured from when the run starts; the engine run itself takes a few milliseconds.
		['entered 29.9 s ago', 'entered_dm', 29_900, true, undefined],
		['entered 30.1 s ago', 'entered_dm', 30_100, false, 'entered_window_expired'],
		['message 23 h 59 m old', 'message', (23 * 60 + 59) * 60_000, true, undefined],
		['message 24 h 01 m old', 'message', (24 * 60 + 1) * 60_000, false, 'reply_window_expired'],
	] as const)('%s → sent %s', async (_, kind, age, sent, reason) => {
		const { scope } = expectSend();
		const conv = conversation(kind, age);
		const result = await runWorkflow(send({ messageType: 'text', text: 'hi' }), 'Input', [{ json: { conversation: conv } }], store());
		expect(scope.isDone()).toBe(sent);
		expect(result.output('Douyin', 0)).toHaveLength(sent ? 1 : 0);
		expect(result.output('Douyin', 1)).toHaveLength(sent ? 0 : 1);
		if (reason) expect(result.output('Douyin', 1)[0].notSent).toMatchObject({ reason });
	});

	it('the third message of one entered-DM event is sent, the fourth is not', async () => {
		const scope = nock(API).post('/im/send/msg/').query(true).times(3).reply(200, OK);
		const conv = conversation('entered_dm', 1_000);
		const items = [1, 2, 3, 4].map((n) => ({ json: { conversation: conv, n } }));
		const result = await runWorkflow(send({ messageType: 'text', text: '={{ "msg " + $json.n }}' }), 'Input', items, store());
		expect(scope.isDone()).toBe(true);
		expect(result.output('Douyin', 0).map((i) => i.n)).toEqual([1, 2, 3]);
		expect(result.output('Douyin', 0).map((i) => (i.conversation as DmConversation).messagesLeft)).toEqual([2, 1, 0]);
		expect(result.output('Douyin', 1)).toEqual([expect.objectContaining({ n: 4, notSent: expect.objectContaining({ reason: 'entered_message_limit' }) })]);
	});

	it('a conversation from a message the account sent (no reply token) is not sent', async () => {
		const result = await runWorkflow(
			send({ messageType: 'text', text: 'hi' }),
			'Input',
			[{ json: { conversation: conversation('message', 1000, { replyToken: null, windowKind: 'none' }) } }],
			store(),
		);
		expect(result.output('Douyin', 1)[0].notSent).toMatchObject({ reason: 'no_reply_token' });
	});

	it('"Stop With an Error" fails instead of routing', async () => {
		const result = await runWorkflow(
			send({ messageType: 'text', text: 'hi', onNotSent: 'fail' }),
			'Input',
			[{ json: { conversation: conversation('entered_dm', 45_000) } }],
			store(),
		);
		expect(result.error('Douyin')?.message).toMatch(/^Not sent: The customer entered the DM page 45\.\d s ago/);
	});
});

describe('Message → Send: platform answers', () => {
	it('a rate-limit refusal (28003070) goes to Not Sent with the platform code', async () => {
		const { scope } = expectSend({ data: { error_code: 0 }, extra: { error_code: 28003070, description: '超出频控限制次数', logid: 'L9' } });
		const result = await runWorkflow(send({ messageType: 'text', text: 'hi' }), 'Input', [{ json: { conversation: conversation('message', 1000) } }], store());
		expect(scope.isDone()).toBe(true);
		expect(result.output('Douyin', 1)[0].notSent).toMatchObject({ reason: 'rate_limited', platformCode: 28003070 });
	});

	it('other platform errors become a NodeApiError with the code and its meaning', async () => {
		expectSend({ data: { error_code: 28003082, description: '消息对象不匹配' }, extra: { error_code: 0, logid: 'L10' } });
		const result = await runWorkflow(send({ messageType: 'text', text: 'hi' }), 'Input', [{ json: { conversation: conversation('message', 1000) } }], store());
		const error = result.error('Douyin') as Error & { description?: string; httpCode?: string };
		expect(error.message).toMatch(/Douyin error 28003082: Message object mismatch/);
		expect(error.description).toMatch(/L10/);
	});

	it('an item for another account is refused with advice to route by account', async () => {
		const result = await runWorkflow(
			send({ messageType: 'text', text: 'hi' }),
			'Input',
			[{ json: { conversation: conversation('message', 1000, { accountId: 'another-account' }) } }],
			store(),
		);
		const error = result.error('Douyin') as Error & { description?: string };
		expect(error.message).toMatch(/belongs to Douyin account another-account, but the credential is for account B-open-id/);
		expect(error.description).toMatch(/Route items by account/);
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('an input without a conversation says what is wrong', async () => {
		const result = await runWorkflow(send({ messageType: 'text', text: 'hi' }), 'Input', [{ json: { hello: 1 } }], store());
		const error = result.error('Douyin') as Error & { description?: string };
		expect(error.message).toBe('The input has no usable conversation to reply to');
		expect(error.description).toMatch(/conversation must be an object/);
	});
});

describe('token refresh (douyin.md §10.3, §12)', () => {
	it.each([
		['2190008 in envelope 2', { data: { error_code: 2190008, description: 'access_token过期' }, extra: { error_code: 2190008 } }, 200],
		['28001008 in envelope 2', { data: { error_code: 0 }, extra: { error_code: 28001008 } }, 200],
		['10008 in envelope 1', { data: { error_code: 10008, description: 'expired' }, message: 'error' }, 200],
		['HTTP 401', { message: 'unauthorized' }, 401],
	])('%s → refresh once (persisted), retry with the new token', async (_, expiredReply, status) => {
		const credentials = store();
		const tokens: string[] = [];
		nock(API)
			.post('/im/send/msg/')
			.query(true)
			.times(2)
			.reply(function () {
				tokens.push(String(this.req.headers['access-token']));
				return tokens.length === 1 ? [status, expiredReply] : [200, OK];
			});
		let refreshForm: unknown;
		const refresh = nock(API)
			.post('/oauth/refresh_token/', (body) => {
				refreshForm = body;
				return true;
			})
			.matchHeader('content-type', /application\/x-www-form-urlencoded/)
			.reply(200, { data: { access_token: 'act.fresh', expires_in: 1296000, error_code: 0, description: '' }, message: 'success' });

		const result = await runWorkflow(send({ messageType: 'text', text: 'hi' }), 'Input', [{ json: { conversation: conversation('message', 1000) } }], credentials);
		expect(result.error('Douyin')).toBeUndefined();
		expect(refresh.isDone()).toBe(true);
		expect(refreshForm).toEqual({ client_key: 'client-key', grant_type: 'refresh_token', refresh_token: 'rft.current' });
		expect(tokens).toEqual(['act.valid', 'act.fresh']);
		expect(credentials.get('cred-account').accessToken).toBe('act.fresh');
		expect(result.output('Douyin')[0].sent).toMatchObject({ messageId: 'server-msg-1' });
	});

	it('an empty access token is fetched before the first call', async () => {
		const credentials = store({ accessToken: '' });
		nock(API).post('/oauth/refresh_token/').reply(200, { data: { access_token: 'act.first', expires_in: 1296000, error_code: 0 }, message: 'success' });
		const { seen } = expectSend();
		await runWorkflow(send({ messageType: 'text', text: 'hi' }), 'Input', [{ json: { conversation: conversation('message', 1000) } }], credentials);
		expect(seen.headers?.['access-token']).toBe('act.first');
		expect(credentials.preAuthentications).toEqual(['douyinAccountApi']);
	});

	it('renews the refresh token when it expires within 16 days, and persists the rotated value', async () => {
		const soon = new Date(Date.now() + 10 * 86_400_000).toISOString();
		const credentials = store({ accessToken: '', refreshExpiresAt: soon, refreshRenewals: 2 });
		nock(API).post('/oauth/refresh_token/').reply(200, { data: { access_token: 'act.new', expires_in: 1296000, error_code: 0 }, message: 'success' });
		let renewForm: unknown;
		const renew = nock(API)
			.post('/oauth/renew_refresh_token/', (body) => {
				renewForm = body;
				return true;
			})
			.reply(200, { data: { refresh_token: 'rft.renewed', expires_in: 2592000, error_code: 0, description: '' }, message: 'success' });
		expectSend();
		await runWorkflow(send({ messageType: 'text', text: 'hi' }), 'Input', [{ json: { conversation: conversation('message', 1000) } }], credentials);
		expect(renew.isDone()).toBe(true);
		expect(renewForm).toEqual({ client_key: 'client-key', refresh_token: 'rft.current' });
		const saved = credentials.get('cred-account');
		expect(saved).toMatchObject({ accessToken: 'act.new', refreshToken: 'rft.renewed', refreshRenewals: 3 });
		expect(Date.parse(saved.refreshExpiresAt as string) - Date.now()).toBeGreaterThan(29 * 86_400_000);
	});

	it.each([
		['far from expiry', { refreshExpiresAt: new Date(Date.now() + 25 * 86_400_000).toISOString(), refreshRenewals: 0 }],
		['after 5 renewals', { refreshExpiresAt: new Date(Date.now() + 86_400_000).toISOString(), refreshRenewals: 5 }],
		['with an unknown expiry', { refreshExpiresAt: '', refreshRenewals: 0 }],
	])('does not renew %s', async (_, patch) => {
		const credentials = store({ accessToken: '', ...patch });
		nock(API).post('/oauth/refresh_token/').reply(200, { data: { access_token: 'act.new', expires_in: 1296000, error_code: 0 }, message: 'success' });
		expectSend();
		await runWorkflow(send({ messageType: 'text', text: 'hi' }), 'Input', [{ json: { conversation: conversation('message', 1000) } }], credentials);
		expect(credentials.get('cred-account').refreshToken).toBe('rft.current');
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('an expired refresh token (10010) tells the user to authorise again', async () => {
		const credentials = store({ accessToken: '' });
		nock(API).post('/oauth/refresh_token/').reply(200, { data: { error_code: 10010, description: 'refresh_token过期' }, message: 'error' });
		const result = await runWorkflow(send({ messageType: 'text', text: 'hi' }), 'Input', [{ json: { conversation: conversation('message', 1000) } }], credentials);
		expect(result.error('Douyin')?.message).toMatch(/authorise the account again/);
	});
});
