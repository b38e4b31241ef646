import { checkOutgoing, stripViolations, type GuardRule } from '../../../nodes/DmGuard/guard';
import replies from '../../fixtures/guard/replies.json';

const sensitiveWords = replies.sensitiveWords;

describe('DM Guard on ordinary sales replies', () => {
	it('has at least 100 of them', () => {
		expect(replies.ordinary.length).toBeGreaterThanOrEqual(100);
	});

	it.each(['douyin', 'xiaohongshu'] as const)('blocks none of them on %s', (platform) => {
		const blocked = replies.ordinary
			.map((text) => ({ text, result: checkOutgoing(text, platform, { sensitiveWords }) }))
			.filter(({ result }) => !result.allowed)
			.map(({ text, result }) => `${text} → ${result.violations.map((v) => `${v.rule}:${v.match}`).join(', ')}`);
		expect(blocked).toEqual([]);
	});
});

describe('DM Guard catches every violation class on its own fixtures', () => {
	const cases = Object.entries(replies.violations).flatMap(([rule, texts]) => texts.map((text) => [rule, text] as [GuardRule, string]));
	it.each(cases)('%s: %s', (rule, text) => {
		const result = checkOutgoing(text, 'douyin', { sensitiveWords });
		expect(result.allowed).toBe(false);
		expect(result.violations.map((v) => v.rule)).toContain(rule);
		expect(result.suggestion).toMatch(/lead card/);
		for (const violation of result.violations) expect(text.slice(violation.index, violation.end)).toBe(violation.match);
	});
});

describe('options and rewriting', () => {
	it('suggests each platform\'s compliant tool', () => {
		expect(checkOutgoing('加我微信', 'xiaohongshu').suggestion).toMatch(/business card \(名片\) or lead card \(留资卡\)/);
		expect(checkOutgoing('加我微信', 'douyin').suggestion).toMatch(/留资卡片/);
	});

	it('allows links to allowed domains only', () => {
		expect(checkOutgoing('官网 https://www.brand.cn/new', 'douyin', { allowedDomains: ['brand.cn'] }).allowed).toBe(true);
		expect(checkOutgoing('看 https://evil-brand.cn/new', 'douyin', { allowedDomains: ['brand.cn'] }).allowed).toBe(false);
	});

	it('can switch a rule off', () => {
		expect(checkOutgoing('扫码领取优惠券', 'douyin', { disabledRules: ['qr_code'] }).allowed).toBe(true);
	});

	it('sees through full-width letters', () => {
		expect(checkOutgoing('详情 ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ', 'douyin').violations.map((v) => v.rule)).toContain('link');
	});

	it('strips offending spans and tidies the text', () => {
		const text = '您好，加我微信 liudong_88 发您报价，或者扫码领取优惠';
		const result = checkOutgoing(text, 'douyin');
		expect(stripViolations(text, result.violations)).toBe('您好，发您报价，或者领取优惠');
	});
});
