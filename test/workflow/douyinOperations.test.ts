import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { CredentialStore, douyinActionWorkflow, runWorkflow } from '../helpers/engine';

const API = 'http://douyin.test';
const ACCOUNT = 'B-open-id';

function store() {
	const credentials = new CredentialStore();
	credentials.set('cred-account', {
		environment: 'custom',
		baseUrl: API,
		clientKey: 'client-key',
		openId: ACCOUNT,
		refreshToken: 'rft',
		accessToken: 'act.valid',
	});
	return credentials;
}

const run = (parameters: IDataObject, items = [{ json: {} }]) =>
	runWorkflow(douyinActionWorkflow(parameters), 'Input', items, store());

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

describe('Douyin node operations (douyin.md §5–§9)', () => {
	it('Message → Recall posts conversation_id, conversation_type 1 and msg_id (envelope 3)', async () => {
		const scope = nock(API)
			.post('/im/recall/msg/', { conversation_id: '@conv==', conversation_type: 1, msg_id: 'server-msg-1' })
			.query({ open_id: ACCOUNT })
			.matchHeader('access-token', 'act.valid')
			.reply(200, { err_no: 0, err_msg: '', log_id: 'L1' });
		const result = await run(
			{ resource: 'message', operation: 'recall', conversationId: '={{ $json.conversation.id }}', messageId: '={{ $json.sent.messageId }}' },
			[{ json: { conversation: { id: '@conv==' }, sent: { messageId: 'server-msg-1' } } } as never],
		);
		expect(scope.isDone()).toBe(true);
		expect(result.output('Douyin')).toEqual([{ recalled: true, logId: 'L1' }]);
	});

	it('Message → Recall surfaces err_no failures as NodeApiError', async () => {
		nock(API).post('/im/recall/msg/').query(true).reply(200, { err_no: 11009, err_msg: '参数不合法', log_id: 'L2' });
		const result = await run({ resource: 'message', operation: 'recall', conversationId: 'c', messageId: 'm' });
		expect(result.error('Douyin')?.message).toMatch(/^Douyin error 11009: A parameter is not valid/);
	});

	it('Lead Card → Create posts title and components; Update adds card_id', async () => {
		const create = nock(API)
			.post('/im/save/retain_consult_card/', { title: '预约试驾', components: [1, 2, 3] })
			.query({ open_id: ACCOUNT })
			.reply(200, { data: { card_id: 'card-new', error_code: 0 }, extra: { error_code: 0 } });
		const created = await run({ resource: 'leadCard', operation: 'save', title: '预约试驾', components: '1,2,3' });
		expect(create.isDone()).toBe(true);
		expect(created.output('Douyin')[0]).toMatchObject({ card_id: 'card-new', title: '预约试驾' });

		const update = nock(API)
			.post('/im/save/retain_consult_card/', { card_id: 'card-new', media_id: 'img-1', title: '预约', components: [1, 3] })
			.query({ open_id: ACCOUNT })
			.reply(200, { data: { error_code: 0 }, extra: { error_code: 0 } });
		await run({ resource: 'leadCard', operation: 'save', cardId: 'card-new', title: '预约', components: '1，3', mediaId: 'img-1' });
		expect(update.isDone()).toBe(true);
	});

	it('Lead Card → Create refuses components that are not numbers', async () => {
		const result = await run({ resource: 'leadCard', operation: 'save', title: 't', components: '1,phone' });
		expect(result.error('Douyin')?.message).toMatch(/Components must be whole numbers/);
	});

	it('Lead Card → Get Many returns one item per card', async () => {
		nock(API)
			.get('/im/get/retain_consult_card/')
			.query({ open_id: ACCOUNT })
			.reply(200, {
				data: { cards: [{ card_id: 'a', title: 'A', components: [1], status: 1 }, { card_id: 'b', title: 'B', components: [2], status: 1 }], error_code: 0 },
				extra: { error_code: 0 },
			});
		const result = await run({ resource: 'leadCard', operation: 'getAll' });
		expect(result.output('Douyin').map((card) => card.card_id)).toEqual(['a', 'b']);
	});

	it('Lead Card → Delete sends card_id in the query', async () => {
		const scope = nock(API)
			.post('/im/del/retain_consult_card/')
			.query({ open_id: ACCOUNT, card_id: 'card-9' })
			.reply(200, { data: { error_code: 0 }, extra: { error_code: 0 } });
		const result = await run({ resource: 'leadCard', operation: 'delete', cardId: { __rl: true, mode: 'id', value: 'card-9' } });
		expect(scope.isDone()).toBe(true);
		expect(result.output('Douyin')).toEqual([{ card_id: 'card-9', deleted: true }]);
	});

	it('Image → Upload returns image_id, width, height and md5', async () => {
		const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64)]);
		nock(API)
			.post('/tool/imagex/client_upload/')
			.matchHeader('content-type', /^multipart\/form-data; boundary=----dmleads[0-9a-f]{24}$/)
			.reply(200, { data: { image_id: 'img-77', width: 640, height: 480, md5: 'abc', error_code: 0 }, extra: { error_code: 0 } });
		const result = await run({ resource: 'image', operation: 'upload', binaryPropertyName: 'data' }, [
			{ json: {}, binary: { data: { data: jpeg.toString('base64'), mimeType: 'application/octet-stream' } } } as never,
		]);
		expect(result.output('Douyin')).toEqual([{ image_id: 'img-77', width: 640, height: 480, md5: 'abc' }]);
	});

	it('Authorized User → Get Many pages through has_more', async () => {
		const page = (n: number, hasMore: boolean) => ({
			err_no: 0,
			err_msg: '',
			log_id: `L${n}`,
			data: { auth_user_list: Array.from({ length: 50 }, (_, i) => ({ target_open_id: `C${n}-${i}` })).slice(0, hasMore ? 50 : 3), has_more: hasMore },
		});
		nock(API).post('/im/authorize/user_list/', { page_num: 1, page_size: 50 }).query({ open_id: ACCOUNT }).reply(200, page(1, true));
		nock(API).post('/im/authorize/user_list/', { page_num: 2, page_size: 50 }).query({ open_id: ACCOUNT }).reply(200, page(2, false));
		const all = await run({ resource: 'authorizedUser', operation: 'getAll', returnAll: true });
		expect(all.output('Douyin')).toHaveLength(53);

		nock(API).post('/im/authorize/user_list/').query(true).reply(200, page(1, true));
		const limited = await run({ resource: 'authorizedUser', operation: 'getAll', returnAll: false, limit: 7 });
		expect(limited.output('Douyin')).toHaveLength(7);
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('Authorized User → Get Status posts c_open_id (and app_id when given)', async () => {
		const scope = nock(API)
			.post('/im/authorize/status/', { c_open_id: 'C1', app_id: 'tt1' })
			.query({ open_id: ACCOUNT })
			.reply(200, { err_no: 0, err_msg: '', log_id: 'L', data: { status: 1, enter_from: 'button' } });
		const result = await run({ resource: 'authorizedUser', operation: 'getStatus', customerId: 'C1', appId: 'tt1' });
		expect(scope.isDone()).toBe(true);
		expect(result.output('Douyin')).toEqual([{ c_open_id: 'C1', status: 1, enter_from: 'button' }]);
	});

	it('Message Resource → Get URLs returns one item per media', async () => {
		nock(API)
			.get('/api/im/message/resources/')
			.query({ open_id: ACCOUNT, conversation_id: '@conv==', message_id: '@img==' })
			.reply(200, { err_no: 0, err_msg: '', log_id: 'L', data: [{ media_type: 'image', url: 'https://example.test/a.jpg' }] });
		const result = await run({ resource: 'messageResource', operation: 'getUrls', conversationId: '@conv==', messageId: '@img==' });
		expect(result.output('Douyin')).toEqual([{ media_type: 'image', url: 'https://example.test/a.jpg' }]);
	});

	it('a non-2xx answer that carries a Douyin envelope reports the Douyin code', async () => {
		nock(API).get('/im/get/retain_consult_card/').query(true).reply(403, { data: { error_code: 10004, description: '权限不足' }, extra: { error_code: 10004 } });
		const result = await run({ resource: 'leadCard', operation: 'getAll' });
		expect(result.error('Douyin')?.message).toMatch(/^Douyin error 10004: The app lacks the permission/);
	});

	it('a non-2xx answer without an envelope is an HTTP NodeApiError', async () => {
		nock(API).get('/im/get/retain_consult_card/').query(true).reply(503, 'Service Unavailable');
		const result = await run({ resource: 'leadCard', operation: 'getAll' });
		const error = result.error('Douyin') as Error & { httpCode?: string };
		expect(error.name).toBe('NodeApiError');
		expect(error.httpCode).toBe('503');
	});

	it('Continue On Fail keeps going and reports the error on the item', async () => {
		nock(API).post('/im/recall/msg/').query(true).reply(200, { err_no: 11009, err_msg: 'bad', log_id: 'L' });
		nock(API).post('/im/recall/msg/').query(true).reply(200, { err_no: 0, err_msg: '', log_id: 'L2' });
		const workflow = douyinActionWorkflow({ resource: 'message', operation: 'recall', conversationId: 'c', messageId: 'm' });
		(workflow.nodes[1] as { onError?: string }).onError = 'continueRegularOutput';
		const result = await runWorkflow(workflow, 'Input', [{ json: {} }, { json: {} }], store());
		expect(result.output('Douyin')).toEqual([{ error: expect.stringMatching(/Douyin error 11009/) }, { recalled: true, logId: 'L2' }]);
	});
});
