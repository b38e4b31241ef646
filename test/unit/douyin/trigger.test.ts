import { DouyinTrigger } from '../../../nodes/Douyin/DouyinTrigger.node';
import { checkState, createState } from '../../../nodes/Douyin/trigger/authorization';
import { douyinSignature } from '../../../nodes/Douyin/transport/signature';
import * as fx from '../../fixtures/douyin';
import { webhookContext, type WebhookCall } from '../../helpers/webhookContext';

const trigger = new DouyinTrigger();
const credentials = { environment: 'production', clientKey: fx.CLIENT_KEY, clientSecret: fx.CLIENT_SECRET };

function signedCall(payload: unknown, extra: Partial<WebhookCall> = {}): WebhookCall {
	const rawBody = typeof payload === 'string' ? payload : JSON.stringify(payload);
	return {
		rawBody,
		credentials,
		...extra,
		headers: {
			'X-Douyin-Signature': douyinSignature(fx.CLIENT_SECRET, Buffer.from(rawBody, 'utf8')),
			'Msg-Id': 'platform-msg-id-1',
			'Content-Type': 'application/json',
			...extra.headers,
		},
	};
}

async function deliver(call: WebhookCall) {
	const { ctx, response, requests } = webhookContext(call);
	const result = await trigger.webhook.call(ctx);
	return { result, response, requests };
}

describe('Douyin Trigger — event webhook', () => {
	it('a correctly signed message starts the workflow with a DmEvent carrying Msg-Id as eventId', async () => {
		const { result, response } = await deliver(signedCall(fx.receiveText));
		expect(response.ended).toBe(false); // n8n answers 200 with no body (responseData: 'noData')
		expect(result.workflowData?.[0]).toHaveLength(1);
		expect(result.workflowData?.[0][0].json).toMatchObject({
			eventId: 'platform-msg-id-1',
			type: 'message',
			conversation: { replyToken: '@9Vxc1/yDU8msg01+Kk2A==' },
		});
	});

	it('hashes the exact raw bytes: a body with unusual spacing still verifies', async () => {
		const raw = JSON.stringify(fx.receiveText, null, 3);
		const { result } = await deliver(signedCall(raw));
		expect(result.workflowData?.[0][0].json.type).toBe('message');
	});

	it.each([
		['missing', {}],
		['wrong', { 'X-Douyin-Signature': '0'.repeat(40) }],
	])('a %s signature is a 401 and starts nothing', async (_, headers) => {
		const call = signedCall(fx.receiveText);
		call.headers = { ...headers };
		const { result, response } = await deliver(call);
		expect(response.statusCode).toBe(401);
		expect(response.ended).toBe(true);
		expect(result.workflowData).toBeUndefined();
		expect(result.noWebhookResponse).toBe(true);
	});

	it('a signature over a re-serialised body does not verify the raw one', async () => {
		const raw = JSON.stringify(fx.receiveText, null, 2);
		const call = signedCall(raw, {
			headers: { 'X-Douyin-Signature': douyinSignature(fx.CLIENT_SECRET, Buffer.from(JSON.stringify(fx.receiveText))) },
		});
		const { result, response } = await deliver(call);
		expect(response.statusCode).toBe(401);
		expect(result.workflowData).toBeUndefined();
	});

	it('answers verify_webhook with the numeric challenge, exactly, and starts nothing', async () => {
		const { result, response } = await deliver(signedCall(fx.verifyWebhook));
		expect(response).toMatchObject({ statusCode: 200, body: '{"challenge":12345}', ended: true });
		expect(response.headers['content-type']).toBe('application/json');
		expect(JSON.parse(response.body as string)).toEqual({ challenge: 12345 });
		expect(result.workflowData).toBeUndefined();
	});

	it('malformed JSON (correctly signed) is a 400 and starts nothing', async () => {
		const { result, response } = await deliver(signedCall('{"event":"im_receive_msg",'));
		expect(response.statusCode).toBe(400);
		expect(result.workflowData).toBeUndefined();
	});

	it('an unknown event is acknowledged with an empty 200 and ignored unless "other" is selected', async () => {
		const unknown = { event: 'personal_tab_contact', from_user_id: 'C', to_user_id: 'B', content: {} };
		const ignored = await deliver(signedCall(unknown));
		expect(ignored.response).toMatchObject({ statusCode: 200, body: undefined, ended: true });
		expect(ignored.result.workflowData).toBeUndefined();

		const taken = await deliver(signedCall(unknown, { parameters: { events: ['other'] } }));
		expect(taken.result.workflowData?.[0][0].json).toMatchObject({ type: 'other', platformEvent: 'personal_tab_contact' });
	});

	it('events not selected are acknowledged and ignored', async () => {
		const { result, response } = await deliver(signedCall(fx.sentFromApp));
		expect(response).toMatchObject({ statusCode: 200, ended: true });
		expect(result.workflowData).toBeUndefined();
		const selected = await deliver(signedCall(fx.sentFromApp, { parameters: { events: ['message_sent'] } }));
		expect(selected.result.workflowData?.[0][0].json).toMatchObject({ type: 'message_sent', sentByHuman: true });
	});

	it('the account filter ignores other accounts', async () => {
		const other = await deliver(signedCall(fx.receiveText, { parameters: { accountIds: 'someone-else, another' } }));
		expect(other.result.workflowData).toBeUndefined();
		const mine = await deliver(signedCall(fx.receiveText, { parameters: { accountIds: `someone-else，${fx.ACCOUNT_OPEN_ID}` } }));
		expect(mine.result.workflowData?.[0]).toHaveLength(1);
	});

	it('includes the raw payload when asked', async () => {
		const { result } = await deliver(signedCall(fx.enterDirectMessage, { parameters: { options: { includeRaw: true } } }));
		expect(result.workflowData?.[0][0].json.raw).toEqual(fx.enterDirectMessage);
	});

	it('a lead card submission starts the workflow as a lead', async () => {
		const { result } = await deliver(signedCall(fx.leadCardSubmitted));
		expect(result.workflowData?.[0][0].json).toMatchObject({ type: 'lead', lead: { phones: ['+8613800138000'] } });
	});
});

describe('Douyin Trigger — account authorisation page (douyin.md §10.1–§10.2)', () => {
	it('the page links to the QR authorisation with IM scopes, our redirect URI and a state bound to a cookie', async () => {
		const { ctx, response } = webhookContext({ webhookName: 'setup', credentials });
		const result = await trigger.webhook.call(ctx);
		expect(result.noWebhookResponse).toBe(true);
		expect(response.statusCode).toBe(200);
		const href = /href="([^"]+)"/.exec(response.body as string)?.[1].replace(/&amp;/g, '&') as string;
		const url = new URL(href);
		expect(url.origin + url.pathname).toBe('https://open.douyin.com/platform/oauth/connect/');
		expect(url.searchParams.get('client_key')).toBe(fx.CLIENT_KEY);
		expect(url.searchParams.get('response_type')).toBe('code');
		expect(url.searchParams.get('scope')).toBe('im.direct_message,im.recall_message,im.message_card,tool.image.upload');
		expect(url.searchParams.get('redirect_uri')).toBe('http://127.0.0.1:5678/webhook/douyin-hook-id/authorize');
		const state = url.searchParams.get('state') as string;
		expect(response.headers['set-cookie']).toContain(`dm_leads_douyin_state=${state.split('.')[0]};`);
		expect(response.headers['set-cookie']).toContain('HttpOnly');
		expect(response.body).not.toContain(fx.CLIENT_SECRET);
	});

	it('the callback checks state, exchanges the code as a form and shows open_id and refresh token once', async () => {
		const state = createState(fx.CLIENT_SECRET, Date.now(), 'nonce123');
		const { ctx, response, requests } = webhookContext({
			webhookName: 'setup',
			credentials,
			query: { code: 'code-abc', state },
			headers: { cookie: 'other=1; dm_leads_douyin_state=nonce123' },
			httpRequestWithAuthentication: async () => ({
				data: {
					access_token: 'act.secret-access',
					expires_in: 1296000,
					refresh_token: 'rft.the-refresh-token',
					refresh_expires_in: 2592000,
					open_id: 'B-open-id',
					scope: 'im.direct_message',
					error_code: 0,
					description: '',
				},
				message: 'success',
			}),
		});
		await trigger.webhook.call(ctx);
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({
			credentialType: 'douyinAppApi',
			options: {
				method: 'POST',
				url: 'https://open.douyin.com/oauth/access_token/',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: { code: 'code-abc', grant_type: 'authorization_code' },
			},
		});
		expect(response.statusCode).toBe(200);
		expect(response.headers['cache-control']).toBe('no-store');
		expect(response.body).toContain('B-open-id');
		expect(response.body).toContain('rft.the-refresh-token');
		expect(response.body).not.toContain('act.secret-access');
		expect(response.headers['set-cookie']).toContain('Max-Age=0');
	});

	it.each([
		['a forged state', () => 'nonce123.' + Date.now() + '.' + 'f'.repeat(64), 'nonce123', /not issued by this n8n/],
		['an expired state', () => createState(fx.CLIENT_SECRET, Date.now() - 11 * 60 * 1000, 'nonce123'), 'nonce123', /10 minutes/],
		['another browser', () => createState(fx.CLIENT_SECRET, Date.now(), 'nonce123'), 'different', /did not start/],
	])('refuses %s without exchanging the code', async (_, makeState, cookieNonce, message) => {
		const { ctx, response, requests } = webhookContext({
			webhookName: 'setup',
			credentials,
			query: { code: 'code-abc', state: makeState() },
			headers: { cookie: `dm_leads_douyin_state=${cookieNonce}` },
		});
		await trigger.webhook.call(ctx);
		expect(response.statusCode).toBe(400);
		expect(response.body).toMatch(message);
		expect(requests).toHaveLength(0);
	});

	it('an expired or reused code (10007) explains what to do', async () => {
		const state = createState(fx.CLIENT_SECRET, Date.now(), 'n1');
		const { ctx, response } = webhookContext({
			webhookName: 'setup',
			credentials,
			query: { code: 'old', state },
			headers: { cookie: 'dm_leads_douyin_state=n1' },
			httpRequestWithAuthentication: async () => ({ data: { error_code: 10007, description: 'code过期' }, message: 'error' }),
		});
		await trigger.webhook.call(ctx);
		expect(response.statusCode).toBe(502);
		expect(response.body).toMatch(/valid for 10 minutes/);
	});

	it('checkState accepts its own fresh state', () => {
		const state = createState('s', 1000, 'n');
		expect(checkState('s', state, 'n', 2000)).toEqual({ ok: true });
	});
});
