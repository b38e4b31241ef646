import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { CredentialStore, runWorkflow, singleNodeWorkflow } from '../helpers/engine';

const LLM = 'http://llm.test/v1';

function store(patch: IDataObject = {}) {
	const credentials = new CredentialStore();
	credentials.set('cred-ai', { baseUrl: LLM, apiKey: 'sk-test', model: 'deepseek-chat', jsonMode: true, ...patch });
	return credentials;
}

const completion = (content: string, usage = { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 }) => ({
	id: 'chatcmpl-1',
	model: 'deepseek-chat',
	choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
	usage,
});

const run = (parameters: IDataObject, json: IDataObject, credentials = store()) =>
	runWorkflow(singleNodeWorkflow('dmAi', 'DM AI', parameters, { dmAiApi: { id: 'cred-ai', name: 'LLM' } }), 'Input', [{ json }], credentials);

/** Record every chat request; answer them in order. */
function llm(...answers: Array<[number, unknown]>) {
	const requests: Array<{ body: IDataObject; headers: Record<string, unknown> }> = [];
	let scope = nock(LLM);
	for (const [status, body] of answers) {
		scope = scope.post('/chat/completions').reply(function (_uri, requestBody) {
			requests.push({ body: requestBody as IDataObject, headers: this.req.headers });
			return [status, body];
		});
	}
	return requests;
}

const REPLY = { operation: 'reply', platform: 'douyin', knowledge: '营业时间 10:00-22:00；双人套餐 199 元' };
const event = (text: string) => ({ type: 'message', message: { text } });

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

describe('DM AI → Reply', () => {
	it('asks in JSON mode with masked customer text and returns split, guarded messages with the local lead', async () => {
		const requests = llm([
			200,
			completion(JSON.stringify({ messages: ['您好！双人套餐199元，10:00-22:00都可以来。', '稍后顾问会联系您确认时间～'], intent: 'high', lead: { need: '双人套餐' }, handoff: false })),
		]);
		const result = await run(REPLY, event('双人套餐多少钱？我电话13800138000'));
		expect(result.error('DM AI')).toBeUndefined();
		const [request] = requests;
		expect(request.headers.authorization).toBe('Bearer sk-test');
		expect(request.body).toMatchObject({ model: 'deepseek-chat', temperature: 0.3, response_format: { type: 'json_object' } });
		const sent = JSON.stringify(request.body);
		expect(sent).not.toContain('13800138000');
		expect(sent).toContain('138****8000');
		expect(sent).toContain('The customer has already left: phone');

		const [out] = result.output('DM AI', 0);
		expect(out.ai).toMatchObject({
			messages: ['您好！双人套餐199元，10:00-22:00都可以来。', '稍后顾问会联系您确认时间～'],
			intent: 'high',
			lead: { need: '双人套餐', phones: ['+8613800138000'] },
			handoff: false,
			guard: { allowed: true, violations: [] },
			usage: { promptTokens: 100, completionTokens: 20, totalTokens: 120 },
			repaired: false,
		});
		expect(result.output('DM AI', 1)).toEqual([]);
	});

	it('splits long messages to the limit and reports what exceeds the message count', async () => {
		llm([200, completion(JSON.stringify({ messages: ['第一句话比较长。第二句话也比较长。第三句话。', '四', '五'], intent: 'medium', handoff: false }))]);
		const result = await run({ ...REPLY, options: { maxChars: 10, maxMessages: 3 } }, event('介绍一下'));
		expect(result.output('DM AI')[0].ai).toMatchObject({ messages: ['第一句话比较长。', '第二句话也比较长。', '第三句话。'], droppedMessages: ['四', '五'] });
	});

	it('repairs one malformed answer (prose around broken JSON) with a second request', async () => {
		const requests = llm(
			[200, completion('好的，这是回复：{"messages": "您好"')],
			[200, completion('```json\n{"messages":["您好，请问几位？"],"intent":"medium","handoff":false}\n```')],
		);
		const result = await run(REPLY, event('周末还有位置吗'));
		expect(requests).toHaveLength(2);
		const repair = requests[1].body.messages as IDataObject[];
		expect(repair.at(-2)).toEqual({ role: 'assistant', content: '好的，这是回复：{"messages": "您好"' });
		expect(String(repair.at(-1)?.content)).toMatch(/^That answer cannot be used: not valid JSON/);
		expect(result.output('DM AI')[0].ai).toMatchObject({ messages: ['您好，请问几位？'], repaired: true, usage: { totalTokens: 240 } });
	});

	it('fails clearly after a second invalid answer', async () => {
		llm([200, completion('{"messages": "not a list", "intent": "maybe"}')], [200, completion('{"messages": []}')]);
		const result = await run(REPLY, event('你好'));
		const error = result.error('DM AI') as Error & { description?: string };
		expect(error.message).toBe('The model did not return valid JSON, even after one repair request');
		expect(error.description).toMatch(/"intent" is missing; "handoff" is missing/);
	});

	it('falls back to prompt-only JSON when the endpoint rejects response_format', async () => {
		const requests = llm(
			[400, { error: { message: "Unsupported parameter: 'response_format'", type: 'invalid_request_error' } }],
			[200, completion('{"messages":["好的"],"intent":"low","handoff":false}')],
		);
		const result = await run(REPLY, event('了解一下'));
		expect(requests[0].body.response_format).toEqual({ type: 'json_object' });
		expect(requests[1].body.response_format).toBeUndefined();
		expect(result.output('DM AI')[0].ai).toMatchObject({ messages: ['好的'] });
	});

	it.each([
		[429, /rate-limiting \(429\).*Retry On Fail/],
		[503, /failed \(503\).*Retry On Fail/],
		[401, /API key was refused/],
	])('HTTP %s becomes a clear NodeApiError', async (status, description) => {
		// n8n retries a 401 once after its (here empty) credential refresh, so the endpoint answers twice.
		llm([status, { error: { message: 'nope' } }], [status, { error: { message: 'nope' } }]);
		const result = await run(REPLY, event('你好'));
		const error = result.error('DM AI') as Error & { description?: string };
		expect(error.message).toBe(`The model request failed (HTTP ${status})`);
		expect(error.description).toMatch(description);
	});

	it('a reply that breaks the platform rules goes to Needs Review, never to Reply', async () => {
		llm([200, completion(JSON.stringify({ messages: ['加我微信 shop_8888 详聊哦'], intent: 'high', handoff: false }))]);
		const result = await run(REPLY, event('怎么联系你们'));
		expect(result.output('DM AI', 0)).toEqual([]);
		const [review] = result.output('DM AI', 1);
		expect(review.ai).toMatchObject({
			guard: { allowed: false, violations: [{ rule: 'off_platform', match: '加我微信' }, { rule: 'wechat', match: 'shop_8888' }] },
		});
	});

	it.each([
		['the model is unsure', '这个能治好吗', { handoff: true, handoff_reason: '医疗效果无法承诺' }, '医疗效果无法承诺'],
		['the customer asks for a person', '我要转人工', { handoff: false }, 'The customer asked for a person'],
	])('hands off when %s', async (_, text, modelSays, reason) => {
		llm([200, completion(JSON.stringify({ messages: ['稍等，马上为您安排顾问'], intent: 'medium', ...modelSays }))]);
		const result = await run(REPLY, event(text));
		expect(result.output('DM AI', 1)[0].ai).toMatchObject({ handoff: true, handoffReason: reason });
	});

	it('refuses an item without a customer message', async () => {
		const result = await run(REPLY, { type: 'entered_dm' });
		expect(result.error('DM AI')?.message).toBe('There is no customer message to reply to');
	});
});

describe('DM AI → Summarize and Tag', () => {
	const history = [
		{ role: 'customer', text: '三室两厅110平，全包大概多少？' },
		{ role: 'business', text: '全包每平1200元起，可以免费量房' },
		{ role: 'customer', text: '预算15万左右，怕增项。电话13800138000' },
	];

	it('summarizes into the configured fields', async () => {
		const requests = llm([
			200,
			completion(JSON.stringify({ need: '110平三室两厅全包装修', budget: '15万左右', objections: '担心增项', nextStep: '预约免费量房', contact: '留了电话' })),
		]);
		const result = await run({ operation: 'summarize', conversation: '={{ $json.history }}' }, { history });
		expect(JSON.stringify(requests[0].body)).not.toContain('13800138000');
		expect(result.output('DM AI')[0].ai).toMatchObject({
			summary: { need: '110平三室两厅全包装修', budget: '15万左右', objections: '担心增项', nextStep: '预约免费量房', contact: '留了电话' },
		});
	});

	it('tags against the taxonomy, applying the threshold and dropping unknown tags', async () => {
		llm([
			200,
			completion(
				JSON.stringify({
					tags: [
						{ tag: '高意向', reason: '留了电话，预算明确', confidence: 0.92 },
						{ tag: '价格敏感', reason: '问了全包价格', confidence: 0.4 },
						{ tag: 'VIP', reason: 'invented', confidence: 0.99 },
					],
				}),
			),
		]);
		const result = await run({ operation: 'tag', conversation: '={{ $json.history }}', threshold: 0.6 }, { history });
		expect(result.output('DM AI')[0].ai).toMatchObject({
			tags: [{ tag: '高意向', reason: '留了电话，预算明确', confidence: 0.92 }],
			rejected: [{ tag: '价格敏感', confidence: 0.4 }],
		});
	});

	it('an empty conversation is a clear error', async () => {
		const result = await run({ operation: 'summarize', conversation: '={{ [] }}' }, {});
		expect(result.error('DM AI')?.message).toBe('The conversation is empty');
	});
});
