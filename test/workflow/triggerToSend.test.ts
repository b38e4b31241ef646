import nock from 'nock';
import type { IWorkflowBase } from 'n8n-workflow';

import { DouyinTrigger } from '../../nodes/Douyin/DouyinTrigger.node';
import { douyinSignature } from '../../nodes/Douyin/transport/signature';
import * as fx from '../fixtures/douyin';
import { CredentialStore, runWorkflow } from '../helpers/engine';
import { webhookContext } from '../helpers/webhookContext';

const API = 'http://douyin.test';

/** Douyin Trigger → Douyin (Message → Send): the auto-reply a template builds. */
const workflow = {
	id: 'wf-trigger-send',
	name: 'Douyin auto-reply',
	active: false,
	nodes: [
		{
			id: 't',
			name: 'Douyin Trigger',
			type: 'n8n-nodes-dm-leads.douyinTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId: 'douyin-hook-id',
			parameters: { events: ['entered_dm', 'message', 'lead'] },
			credentials: { douyinAppApi: { id: 'cred-app', name: 'Douyin app' } },
		},
		{
			id: 's',
			name: 'Reply',
			type: 'n8n-nodes-dm-leads.douyin',
			typeVersion: 1,
			position: [220, 0],
			parameters: {
				resource: 'message',
				operation: 'send',
				messageType: 'text',
				text: '={{ "收到：" + $json.message.text + "，顾问马上联系您" }}',
			},
			credentials: { douyinAccountApi: { id: 'cred-account', name: 'Douyin account' } },
		},
	],
	connections: { 'Douyin Trigger': { main: [[{ node: 'Reply', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
} as unknown as IWorkflowBase;

it('a signed im_receive_msg flows through the Douyin Trigger output into Send, and Douyin receives the reply', async () => {
	// The customer writes now (the sample's create_time is from 2023, outside the 24 h window).
	const payload = { ...fx.receiveText, content: { ...fx.receiveText.content, create_time: Date.now() - 5_000 } };
	const rawBody = JSON.stringify(payload);
	const { ctx, response } = webhookContext({
		rawBody,
		headers: { 'X-Douyin-Signature': douyinSignature(fx.CLIENT_SECRET, Buffer.from(rawBody)), 'Msg-Id': 'msg-header-1' },
		credentials: { clientKey: fx.CLIENT_KEY, clientSecret: fx.CLIENT_SECRET },
	});
	const webhookResult = await new DouyinTrigger().webhook.call(ctx);
	expect(response.ended).toBe(false);
	const triggerItems = webhookResult.workflowData?.[0] ?? [];
	expect(triggerItems).toHaveLength(1);

	const credentials = new CredentialStore();
	credentials.set('cred-account', {
		environment: 'custom',
		baseUrl: API,
		clientKey: fx.CLIENT_KEY,
		openId: fx.ACCOUNT_OPEN_ID,
		refreshToken: 'rft',
		accessToken: 'act.valid',
	});
	let received: unknown;
	const douyin = nock(API)
		.post('/im/send/msg/', (body) => {
			received = body;
			return true;
		})
		.query({ open_id: fx.ACCOUNT_OPEN_ID })
		.matchHeader('access-token', 'act.valid')
		.reply(200, { msg_id: 'reply-1', data: { error_code: 0 }, extra: { error_code: 0 } });

	const result = await runWorkflow(workflow, 'Douyin Trigger', triggerItems, credentials);

	expect(result.error('Reply')).toBeUndefined();
	expect(douyin.isDone()).toBe(true);
	expect(received).toEqual({
		to_user_id: fx.CUSTOMER_OPEN_ID,
		scene: 'im_replay_msg',
		msg_id: '@9Vxc1/yDU8msg01+Kk2A==',
		conversation_id: '@9Vxc1/yDU8conv+Qx7E==',
		content: { msg_type: 1, text: { text: '收到：捷途70，顾问马上联系您' } },
	});
	expect(result.output('Douyin Trigger')[0]).toMatchObject({ eventId: 'msg-header-1', type: 'message' });
	expect(result.output('Reply')[0]).toMatchObject({ eventId: 'msg-header-1', sent: { messageId: 'reply-1' } });
});
