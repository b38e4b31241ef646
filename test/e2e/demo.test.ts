/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- e2e: real processes, files and a browser */
import { mkdirSync } from 'fs';
import { join } from 'path';
import { chromium, type Browser } from 'playwright-core';

import { checkOutgoing } from '../../nodes/DmGuard/guard';
import type { Demo } from './harness';
import { CHROMIUM_ARGS, DEMO_OWNER, WORKFLOW_IDS, customer, ensureChromium, sendsTo, sentText, sleep, startE2eDemo, waitFor } from './harness';

/**
 * The product end to end: the pinned n8n with our built package (types n8n-nodes-dm-leads.*), the three templates
 * imported and published, the Douyin sandbox playing platform and customer, the LLM stand-in. Assertions are on what
 * the platform received (the sandbox's call log) and on the Data tables in n8n.
 */

jest.setTimeout(120_000);

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');
const ACCOUNT = 'sandbox-b-0001-7ae0';
let demo: Demo;

/** Wait until n8n has finished `count` executions of a workflow (success or error), and return them. */
async function finishedExecutions(workflowId: string, count: number) {
	return await waitFor(`${count} finished executions of ${workflowId}`, async () => {
		const executions = (await demo.n8n.executions(workflowId)).filter((e) => !['new', 'running', 'waiting'].includes(e.status));
		return executions.length >= count ? executions : undefined;
	});
}

const countExecutions = async (workflowId: string) => (await demo.n8n.executions(workflowId)).length;

async function leadRow(customerId: string) {
	return await waitFor(`a dm_leads row for ${customerId}`, async () => {
		const rows = await demo.n8n.dataTableRows(demo.tableIds.dm_leads);
		return rows.find((row) => row.customerId === customerId);
	});
}

beforeAll(async () => {
	mkdirSync(ARTIFACTS, { recursive: true });
	demo = await startE2eDemo();
}, 15 * 60_000);

afterAll(async () => {
	await demo?.n8n.stop();
	await demo?.sandbox.close();
});

describe('welcome message (私信欢迎语)', () => {
	it('sends the configured messages within the 30 s window, at most 3, and not again within 1 h', async () => {
		const customerId = 'e2e-c-welcome';
		const entered = Date.now();
		await customer(demo.sandbox, 'enter', { customerId, nickname: '欢迎测试' });
		const sends = await waitFor('3 welcome messages', () => (sendsTo(demo.sandbox, customerId).length >= 3 ? sendsTo(demo.sandbox, customerId) : undefined));
		await finishedExecutions(WORKFLOW_IDS.welcome, 1);

		expect(sends).toHaveLength(3);
		expect(sends.map(sentText)).toEqual(['您好，欢迎来到星辰汽车4S店！👋', '想了解哪款车型、价格或试驾，直接发消息问我就好～', '方便的话留个称呼和电话，顾问一对一为您报价。']);
		for (const send of sends) {
			expect(send.body?.scene).toBe('im_enter_direct_msg');
			expect(Date.parse(send.at) - entered).toBeLessThan(30_000);
		}

		// Entering again a moment later: the 1 h rule holds the welcome back.
		const before = await countExecutions(WORKFLOW_IDS.welcome);
		await customer(demo.sandbox, 'enter', { customerId });
		await finishedExecutions(WORKFLOW_IDS.welcome, before + 1);
		expect(sendsTo(demo.sandbox, customerId)).toHaveLength(3);

		const history = (await demo.n8n.dataTableRows(demo.tableIds.dm_welcomes)).find((row) => row.customerId === customerId);
		expect(history).toMatchObject({ accountId: ACCOUNT, welcomesToday: 1 });
	});
});

describe('AI auto-reply with lead capture', () => {
	it('answers a question through DM AI and Send, every reply passing the guard', async () => {
		const customerId = 'e2e-c-question';
		await customer(demo.sandbox, 'message', { customerId, text: '这款车多少钱？' });
		const sends = await waitFor('the AI reply', () => (sendsTo(demo.sandbox, customerId).length >= 2 ? sendsTo(demo.sandbox, customerId) : undefined));
		expect(sends.map(sentText)).toEqual(['您好！具体价格要看您的需求和车型配置哦。', '留下您的联系方式，顾问给您发一份详细报价～']);
		for (const send of sends) {
			expect(send.body?.scene).toBe('im_replay_msg');
			expect(checkOutgoing(sentText(send), 'douyin').allowed).toBe(true);
		}
	});

	it('holds back a reply that breaks the platform rules (the stand-in offers a WeChat ID)', async () => {
		const customerId = 'e2e-c-guard';
		const llmCalls = demo.sandbox.recorder.query({ kind: 'api', platform: 'llm' }).length;
		const before = await countExecutions(WORKFLOW_IDS.aiReply);
		await customer(demo.sandbox, 'message', { customerId, text: '可以加你微信吗？' });
		await finishedExecutions(WORKFLOW_IDS.aiReply, before + 2); // the message, then nothing else
		await sleep(1000);
		expect(demo.sandbox.recorder.query({ kind: 'api', platform: 'llm' }).length).toBe(llmCalls + 1);
		expect(sendsTo(demo.sandbox, customerId)).toHaveLength(0);
	});

	it('stores a phone number typed in a message as a lead, normalised to E.164', async () => {
		const customerId = 'e2e-c-phone';
		await customer(demo.sandbox, 'message', { customerId, nickname: '李先生', text: '我的电话 138 0013 8000，下午联系我' });
		const row = await leadRow(customerId);
		expect(row).toMatchObject({ accountId: ACCOUNT, phone: '+8613800138000', source: 'message', nickname: '李先生' });
		// The reply acknowledges the contact without repeating it.
		const sends = await waitFor('the reply', () => (sendsTo(demo.sandbox, customerId).length ? sendsTo(demo.sandbox, customerId) : undefined));
		expect(sends.map(sentText).join('')).not.toMatch(/138/);
	});

	it('stores a submitted lead card (留资卡) as a lead', async () => {
		const customerId = 'e2e-c-card';
		await customer(demo.sandbox, 'leadCard', { customerId, fields: { 姓名: '张三', 电话: '139-1234-5678' } });
		const row = await leadRow(customerId);
		expect(row).toMatchObject({ name: '张三', phone: '+8613912345678', source: 'lead_card' });
	});

	it('pauses the AI when a person at the business replies in the app (handoff)', async () => {
		const customerId = 'e2e-c-handoff';
		await customer(demo.sandbox, 'message', { customerId, text: '你好' });
		await waitFor('the first AI reply', () => sendsTo(demo.sandbox, customerId).length === 1);
		await customer(demo.sandbox, 'appReply', { customerId, text: '我是店长，我来为您服务' });
		await waitFor('the pause to be stored', async () => {
			const rows = await demo.n8n.dataTableRows(demo.tableIds.dm_conversations);
			return rows.find((row) => row.customerId === customerId && row.aiPausedUntil);
		});
		const before = await countExecutions(WORKFLOW_IDS.aiReply);
		await customer(demo.sandbox, 'message', { customerId, text: '多少钱？' });
		await finishedExecutions(WORKFLOW_IDS.aiReply, before + 1);
		await sleep(1000);
		expect(sendsTo(demo.sandbox, customerId)).toHaveLength(1);
	});
});

describe('webhook delivery', () => {
	it('answers one event delivered three times (same Msg-Id) exactly once', async () => {
		const customerId = 'e2e-c-duplicate';
		const result = await customer(demo.sandbox, 'message', { customerId, text: '你好', times: 3 });
		const deliveries = result.deliveries as Array<{ delivered: boolean; msgId: string }>;
		expect(deliveries).toHaveLength(3);
		expect(deliveries.every((d) => d.delivered && d.msgId === deliveries[0].msgId)).toBe(true);
		await waitFor('the reply', () => sendsTo(demo.sandbox, customerId).length >= 1);
		await sleep(3000);
		expect(sendsTo(demo.sandbox, customerId)).toHaveLength(1);
	});

	it('refuses a forged signature with 401 and starts nothing', async () => {
		const customerId = 'e2e-c-forged';
		const before = (await demo.n8n.executions()).length;
		const result = await customer(demo.sandbox, 'message', { customerId, text: '多少钱？', signature: 'invalid' });
		const attempts = result.attempts as Array<{ status: number }>;
		expect(result.delivered).toBe(false);
		expect(attempts.length).toBe(4); // the first try and Douyin's 3 retries (§2.2)
		expect(attempts.every((attempt) => attempt.status === 401)).toBe(true);
		await sleep(1500);
		expect((await demo.n8n.executions()).length).toBe(before);
		expect(sendsTo(demo.sandbox, customerId)).toHaveLength(0);
	});
});

describe('in a browser (headless Chromium)', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await chromium.launch({ executablePath: ensureChromium((line) => process.stderr.write(`${line}\n`)), args: CHROMIUM_ARGS });
	}, 10 * 60_000); // a fresh CI machine installs Chromium with apt-get first
	afterAll(async () => browser?.close());

	it('the chat page shows the welcome and the AI reply', async () => {
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
		await page.goto(`${demo.sandbox.url}/`);
		await page.getByRole('button', { name: '进入私信页' }).click();
		const business = page.locator('[data-testid="business-message"]');
		await business.nth(2).waitFor({ timeout: 30_000 });
		await page.getByPlaceholder(/发消息/).fill('请问多少钱？');
		await page.getByRole('button', { name: '发送', exact: true }).click();
		await business.nth(4).waitFor({ timeout: 30_000 });
		const texts = await business.allTextContents();
		expect(texts.slice(0, 3)).toEqual(['您好，欢迎来到星辰汽车4S店！👋', '想了解哪款车型、价格或试驾，直接发消息问我就好～', '方便的话留个称呼和电话，顾问一对一为您报价。']);
		expect(texts[3]).toBe('您好！具体价格要看您的需求和车型配置哦。');
		expect(await page.locator('#log li').count()).toBeGreaterThan(0);
		await page.screenshot({ path: join(ARTIFACTS, 'chat-page.png'), fullPage: true });
		await page.close();
	});

	it('the n8n editor lists our nodes in the node panel', async () => {
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		await page.goto(`${demo.n8n.baseUrl}/signin`);
		await page.locator('input[type="email"], input[name="emailOrLdapLoginId"]').first().fill(DEMO_OWNER.email);
		await page.locator('input[type="password"]').first().fill(DEMO_OWNER.password);
		await page.locator('button[type="submit"], [data-test-id="form-submit-button"]').first().click();
		await page.waitForURL((url) => !url.pathname.includes('signin'), { timeout: 60_000 });
		// The package is loaded the production way: n8n-nodes-dm-leads.* types, never CUSTOM.*.
		const types = await page.evaluate(async () => ((await (await fetch('/types/nodes.json')).json()) as Array<{ name: string }>).map((node) => node.name));
		for (const type of ['douyin', 'douyinTrigger', 'leadExtractor', 'dmGuard', 'dmAi']) expect(types).toContain(`n8n-nodes-dm-leads.${type}`);
		expect(types.filter((name) => name.startsWith('CUSTOM.'))).toEqual([]);

		// The AI auto-reply template, opened in the editor, then the node panel searched for our nodes.
		await page.goto(`${demo.n8n.baseUrl}/workflow/${WORKFLOW_IDS.aiReply}`);
		await page.locator('[data-test-id="node-creator-plus-button"]').first().click({ timeout: 60_000 });
		const search = page.locator('[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]').first();
		const itemNamed = (name: string) => page.locator('[data-test-id="node-creator-item-name"]', { hasText: new RegExp(`^${name}$`) }).first();
		await search.fill('DM');
		await itemNamed('DM AI').waitFor({ timeout: 30_000 });
		await itemNamed('DM Guard').waitFor({ timeout: 30_000 });
		await search.fill('Douyin');
		await itemNamed('Douyin').waitFor({ timeout: 30_000 });
		await search.fill('Lead Extractor');
		await itemNamed('Lead Extractor').waitFor({ timeout: 30_000 });
		await page.screenshot({ path: join(ARTIFACTS, 'n8n-node-panel.png') });
		await page.close();
	});
});
