import nock from 'nock';

import { CredentialStore, douyinActionWorkflow, runWorkflow, singleNodeWorkflow } from '../helpers/engine';

const none = new CredentialStore();

describe('Lead Extractor node', () => {
	it('adds `lead` from a DmEvent message and merges with a lead card lead', async () => {
		const result = await runWorkflow(
			singleNodeWorkflow('leadExtractor', 'Lead Extractor', {}),
			'Input',
			[
				{ json: { type: 'message', message: { text: '想预约，电话一三八零零一三八零零零' } } },
				{ json: { type: 'lead', message: { text: '' }, lead: { phones: ['+8613900139000'], wechat: [], fields: { 姓名: '刘' } } } },
			],
			none,
		);
		expect(result.error('Lead Extractor')).toBeUndefined();
		const [first, second] = result.output('Lead Extractor');
		expect(first.lead).toMatchObject({ phones: ['+8613800138000'], intent: 'high', masked: '想预约，电话138****8000' });
		expect(first.lead).not.toHaveProperty('contacts');
		expect(second.lead).toMatchObject({ phones: ['+8613900139000'], fields: { 姓名: '刘' } });
	});

	it('routes items with a contact to the first output', async () => {
		const result = await runWorkflow(
			singleNodeWorkflow('leadExtractor', 'Lead Extractor', { routeByContact: true, text: '={{ $json.text }}' }),
			'Input',
			[{ json: { text: 'vx: amy_beauty520' } }, { json: { text: '多少钱' } }],
			none,
		);
		expect(result.output('Lead Extractor', 0).map((i) => i.text)).toEqual(['vx: amy_beauty520']);
		expect(result.output('Lead Extractor', 1).map((i) => i.text)).toEqual(['多少钱']);
	});

	it('adds user keywords to the defaults', async () => {
		const result = await runWorkflow(
			singleNodeWorkflow('leadExtractor', 'Lead Extractor', { text: '={{ $json.text }}', options: { high: '来一份, 走起' } }),
			'Input',
			[{ json: { text: '来一份' } }],
			none,
		);
		expect(result.output('Lead Extractor')[0].lead).toMatchObject({ intent: 'high', signals: ['high:来一份'] });
	});
});

describe('DM Guard node', () => {
	it('passes compliant text and blocks the rest with the violations', async () => {
		const result = await runWorkflow(
			singleNodeWorkflow('dmGuard', 'DM Guard', { platform: 'douyin' }),
			'Input',
			[{ json: { text: '周六10点可以到店，地址朝阳区建国路88号' } }, { json: { text: '加我微信 liudong_88' } }],
			none,
		);
		expect(result.output('DM Guard', 0)).toEqual([expect.objectContaining({ guard: expect.objectContaining({ allowed: true }) })]);
		const [blocked] = result.output('DM Guard', 1);
		expect(blocked.guard).toMatchObject({
			allowed: false,
			violations: [
				{ rule: 'off_platform', match: '加我微信' },
				{ rule: 'wechat', match: 'liudong_88' },
			],
		});
	});

	it('rewrite mode strips the offending spans', async () => {
		const result = await runWorkflow(
			singleNodeWorkflow('dmGuard', 'DM Guard', { platform: 'xiaohongshu', mode: 'rewrite', options: { sensitiveWords: '最便宜' } }),
			'Input',
			[{ json: { text: '全网最便宜，扫码领券' } }],
			none,
		);
		expect(result.output('DM Guard')[0].guard).toMatchObject({ allowed: false, text: '全网，领券' });
	});
});

describe('Douyin Send with the guard', () => {
	afterEach(() => nock.cleanAll());

	/** Send `text` on an open reply window; no Douyin call is mocked, so any request would fail the run. */
	async function sendText(text: string) {
		const store = new CredentialStore();
		store.set('cred-account', { environment: 'custom', baseUrl: 'http://douyin.test', clientKey: 'k', openId: 'B', refreshToken: 'r', accessToken: 'a' });
		const conversation = {
			platform: 'douyin', accountId: 'B', customerId: 'C', id: 'conv', replyToken: 'msg', scene: 'im_replay_msg',
			windowKind: 'message', receivedAt: new Date().toISOString(), windowExpiresAt: null, messagesLeft: null,
		};
		return await runWorkflow(douyinActionWorkflow({ resource: 'message', operation: 'send', messageType: 'text', text }), 'Input', [{ json: { conversation } }], store);
	}
	it('a text that breaks the rules goes to Not Sent and never reaches Douyin', async () => {
		const result = await sendText('加我微信 liudong_88 详聊');
		expect(nock.pendingMocks()).toEqual([]);
		expect(result.output('Douyin', 1)[0].notSent).toMatchObject({ reason: 'guard_blocked', detail: expect.stringMatching(/off_platform "加我微信".*lead card/) });
	});

	it('masks contact details in the Not Sent detail', async () => {
		const result = await sendText('有事打 13800138000');
		const detail = (result.output('Douyin', 1)[0].notSent as { detail: string }).detail;
		expect(detail).toContain('phone "138****8000"');
		expect(detail).not.toContain('13800138000');
	});
});
