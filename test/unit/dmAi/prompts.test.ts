import { normalizeHistory } from '../../../nodes/DmAi/history';
import { buildReplyPrompt, buildSummaryPrompt, buildTagPrompt, DEFAULT_SUMMARY_FIELDS, REPLY_SCHEMA } from '../../../nodes/DmAi/prompts';
import { splitMessages } from '../../../nodes/DmAi/split';
import { parseStructured } from '../../../nodes/DmAi/structured';

const history = normalizeHistory([
	{ role: 'customer', text: '你好，双人套餐多少钱' },
	{ role: 'assistant', text: '双人套餐199元哦' },
]);

describe('prompt construction (snapshots: a wording change is a reviewed change)', () => {
	it('reply', () => {
		expect(
			buildReplyPrompt({
				platform: 'douyin',
				persona: '门店顾问小美',
				knowledge: '营业时间 10:00-22:00；双人套餐 199 元',
				goal: 'Collect a phone number; offer the lead card when intent is high.',
				maxMessages: 3,
				maxChars: 300,
				history,
				message: '周六能预约吗，电话138****8000',
				knownContacts: ['phone'],
			}),
		).toMatchSnapshot();
	});
	it('summary', () => {
		expect(buildSummaryPrompt(DEFAULT_SUMMARY_FIELDS, history)).toMatchSnapshot();
	});
	it('tag', () => {
		expect(buildTagPrompt([{ tag: '高意向', description: 'Wants to buy soon' }], history)).toMatchSnapshot();
	});
});

describe('history normalisation', () => {
	it('masks contacts and maps roles', () => {
		expect(normalizeHistory([{ role: 'user', content: '电话13800138000' }, { type: 'message_sent', message: { text: '收到' } }])).toEqual([
			{ role: 'customer', text: '电话138****8000' },
			{ role: 'business', text: '收到' },
		]);
	});
	it('reads "Customer:" lines', () => {
		expect(normalizeHistory('Customer: 在吗\n商家：在的')).toEqual([
			{ role: 'customer', text: '在吗' },
			{ role: 'business', text: '在的' },
		]);
	});
});

describe('structured output parsing', () => {
	it.each([
		['fenced JSON', '```json\n{"messages":["a"],"intent":"low","handoff":false}\n```', true],
		['prose around JSON', '好的：{"messages":["a"],"intent":"none","handoff":true} 以上', true],
		['wrong enum', '{"messages":["a"],"intent":"maybe","handoff":false}', false],
		['wrong type', '{"messages":"a","intent":"low","handoff":false}', false],
		['truncated', '{"messages":["a"', false],
		['an array', '[1,2]', false],
	])('%s', (_, content, ok) => {
		expect(parseStructured(content, REPLY_SCHEMA).ok).toBe(ok);
	});
});

describe('message splitting', () => {
	it('cuts at sentence ends and never exceeds the limits', () => {
		const { parts, dropped } = splitMessages(['一二三四五。六七八九十。十一', 'x'.repeat(25)], 10, 4);
		expect(parts).toEqual(['一二三四五。', '六七八九十。十一', 'xxxxxxxxxx', 'xxxxxxxxxx']);
		expect(dropped).toEqual(['xxxxx']);
		for (const part of parts) expect(part.length).toBeLessThanOrEqual(10);
	});
});
