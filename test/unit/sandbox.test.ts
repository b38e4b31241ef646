/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any -- runs the JS sandbox and a local receiver; reads its untyped JSON answers */
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';

import { isValidDouyinSignature } from '../../nodes/Douyin/transport/signature';

/**
 * The sandbox must hold our nodes to Douyin's contract (douyin.md), or the end-to-end tests prove nothing: signed
 * deliveries with retries on one Msg-Id (§2.2–§2.3), reply tokens and windows (§3–§4), the envelopes (§11).
 */

interface SandboxHandle {
	url: string;
	close(): Promise<void>;
}
const { startSandbox } = require('../../sandbox/server') as {
	startSandbox(options: Record<string, unknown>): Promise<SandboxHandle>;
};
const { SANDBOX_DEFAULTS } = require('../../sandbox/defaults') as { SANDBOX_DEFAULTS: { douyin: { app: { clientKey: string; clientSecret: string }; accounts: Array<{ openId: string; refreshToken: string }> } } };

const { app, accounts } = SANDBOX_DEFAULTS.douyin;
const ACCOUNT = accounts[0];

interface Received {
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

let receiver: Server;
let received: Received[];
let failFirst = 0;
let sandbox: SandboxHandle;

const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
	const response = await fetch(`${sandbox.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
	return (await response.json()) as Record<string, any>;
};

async function accessToken(): Promise<string> {
	const response = await fetch(`${sandbox.url}/oauth/refresh_token/`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ client_key: app.clientKey, grant_type: 'refresh_token', refresh_token: ACCOUNT.refreshToken }).toString(),
	});
	const json = (await response.json()) as { data: { access_token: string; expires_in: number; error_code: number } };
	expect(json.data).toMatchObject({ error_code: 0, expires_in: 1_296_000 });
	return json.data.access_token;
}

beforeAll(async () => {
	receiver = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			received.push({ headers: req.headers, body: Buffer.concat(chunks) });
			res.statusCode = failFirst-- > 0 ? 500 : 200;
			res.end();
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	const webhook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
	sandbox = await startSandbox({ port: 0, webhookUrls: { douyin: webhook }, retryDelayMs: 10 });
});

beforeEach(() => {
	received = [];
	failFirst = 0;
});

afterAll(async () => {
	await sandbox.close();
	await new Promise((resolve) => receiver.close(resolve));
});

describe('webhook delivery', () => {
	it('signs the exact bytes with the client secret and retries a failing receiver with the same Msg-Id', async () => {
		failFirst = 2;
		const result = await post('/__sandbox/douyin/customer/message', { customerId: 'c-retry', text: '你好' });
		expect(result.delivered).toBe(true);
		expect(result.attempts.map((a: { status: number }) => a.status)).toEqual([500, 500, 200]);
		const deliveries = received.filter((r) => JSON.parse(r.body.toString()).event === 'im_receive_msg');
		expect(deliveries).toHaveLength(3);
		expect(new Set(deliveries.map((d) => d.headers['msg-id'])).size).toBe(1);
		for (const delivery of deliveries) {
			expect(isValidDouyinSignature(app.clientSecret, delivery.body, String(delivery.headers['x-douyin-signature']))).toBe(true);
		}
		const payload = JSON.parse(deliveries[0].body.toString());
		expect(payload).toMatchObject({ event: 'im_receive_msg', client_key: app.clientKey, from_user_id: 'c-retry', to_user_id: ACCOUNT.openId });
		expect(payload.content).toMatchObject({ message_type: 'text', text: '你好', conversation_type: 1 });
	});

	it('gives up after the first try and 3 retries (douyin.md §2.2)', async () => {
		failFirst = 10;
		const result = await post('/__sandbox/douyin/customer/enter', { customerId: 'c-down' });
		expect(result.delivered).toBe(false);
		expect(result.attempts).toHaveLength(4);
		// §2.5: the enter event's content is an escaped JSON string.
		expect(typeof JSON.parse(received[0].body.toString()).content).toBe('string');
	});

	it('forges signatures only when asked', async () => {
		await post('/__sandbox/douyin/customer/message', { customerId: 'c-forged', text: 'x', signature: 'invalid' });
		expect(isValidDouyinSignature(app.clientSecret, received[0].body, String(received[0].headers['x-douyin-signature']))).toBe(false);
	});
});

describe('Douyin send rules', () => {
	const send = (token: string, body: Record<string, unknown>) => post(`/im/send/msg/?open_id=${ACCOUNT.openId}`, body, { 'access-token': token });
	const text = (value: string) => ({ msg_type: 1, text: { text: value } });

	it('accepts 3 messages within 30 s of entering the DM page, refuses the 4th, and refuses the wrong scene or a sent id', async () => {
		const token = await accessToken();
		const entered = await post('/__sandbox/douyin/customer/enter', { customerId: 'c-window' });
		const reply = { to_user_id: 'c-window', msg_id: entered.messageId, conversation_id: entered.conversationId, scene: 'im_enter_direct_msg' };

		const wrongScene = await send(token, { ...reply, scene: 'im_replay_msg', content: text('hi') });
		expect(wrongScene.data.error_code).toBe(28003082);

		const sent = [];
		for (let i = 1; i <= 3; i++) sent.push(await send(token, { ...reply, content: text(`欢迎 ${i}`) }));
		for (const answer of sent) expect(answer).toMatchObject({ data: { error_code: 0 }, extra: { error_code: 0 }, msg_id: expect.any(String) });
		expect((await send(token, { ...reply, content: text('4') })).data.error_code).toBe(28003070);

		const withSentId = await send(token, { ...reply, msg_id: sent[0].msg_id, content: text('x') });
		expect(withSentId.data.error_code).toBe(28003082);
		// The accepted sends are echoed to the webhook as im_send_msg with source = client_key.
		expect(received.filter((r) => JSON.parse(r.body.toString()).content?.source === app.clientKey).length).toBeGreaterThanOrEqual(1);
	});

	it('refuses a bad access token with envelope 2 code 28001003', async () => {
		const answer = await send('act.not-a-token', { to_user_id: 'c', content: text('x') });
		expect(answer).toMatchObject({ data: { error_code: 28001003 }, extra: { error_code: 28001003 } });
	});
});

describe('LLM stand-in', () => {
	it('answers the OpenAI contract only with the sandbox key', async () => {
		const body = { model: 'x', messages: [{ role: 'user', content: 'hi' }] };
		const refused = await fetch(`${sandbox.url}/v1/chat/completions`, { method: 'POST', headers: { Authorization: 'Bearer wrong' }, body: JSON.stringify(body) });
		expect(refused.status).toBe(401);
		const answer = await post('/v1/chat/completions', body, { Authorization: 'Bearer sk-sandbox-stand-in' });
		expect(answer).toMatchObject({ object: 'chat.completion', model: 'sandbox-stand-in', choices: [{ message: { role: 'assistant' } }] });
	});
});
