import nock from 'nock';

import { CredentialStore, douyinActionWorkflow, runWorkflow } from '../helpers/engine';

describe('engine harness smoke', () => {
	afterEach(() => nock.cleanAll());
	it('sends a text through the real engine', async () => {
		const store = new CredentialStore();
		store.set('cred-account', {
			environment: 'custom',
			baseUrl: 'http://douyin.test',
			clientKey: 'ck',
			openId: 'B1',
			refreshToken: 'rft.1',
			accessToken: 'act.valid',
		});
		const scope = nock('http://douyin.test')
			.post('/im/send/msg/', (body) => body.content.text.text === 'hi')
			.query({ open_id: 'B1' })
			.reply(200, { msg_id: 'm1', data: { error_code: 0 }, extra: { error_code: 0 } });
		const conversation = {
			platform: 'douyin', accountId: 'B1', customerId: 'C1', id: 'conv', replyToken: 'tok', scene: 'im_replay_msg',
			windowKind: 'message', receivedAt: new Date(Date.now() - 60000).toISOString(), windowExpiresAt: null, messagesLeft: null,
		};
		const result = await runWorkflow(
			douyinActionWorkflow({ resource: 'message', operation: 'send', messageType: 'text', text: 'hi' }),
			'Input',
			[{ json: { conversation } }],
			store,
		);
		expect(result.error('Douyin')).toBeUndefined();
		expect(result.output('Douyin')[0].sent).toMatchObject({ messageId: 'm1' });
		expect(scope.isDone()).toBe(true);
	});
});
