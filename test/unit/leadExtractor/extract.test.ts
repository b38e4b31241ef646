import { extractLead } from '../../../nodes/LeadExtractor/extract';
import { mergedKeywords } from '../../../nodes/LeadExtractor/keywords';
import { findContacts, maskContacts } from '../../../nodes/shared/contactScan';

const phones = (text: string) => extractLead(text).phones;

describe('reads contacts the way customers write them', () => {
	it.each([
		['full-width digits', '１３８００１３８０００'],
		['Chinese numerals', '一三八零零一三八零零零'],
		['financial numerals', '壹叁捌零零壹叁捌零零零'],
		['spoken variants 幺 两 拐 洞 勾', '幺三八洞洞幺三八洞洞洞'],
		['digits mixed with numerals', '1三8零0一3八0零0'],
		['spaces', '138 0013 8000'],
		['dashes', '138-0013-8000'],
		['dots', '138.0013.8000'],
		['slashes', '138/0013/8000'],
		['emoji', '138🌟0013🌟8000'],
		['line breaks', '138\n0013\n8000'],
		['zero-width spaces', '1\u200b3\u200b8\u200b0\u200b0\u200b1\u200b3\u200b8\u200b0\u200b0\u200b0'],
		['circled digits', '①③⑧⓪⓪①③⑧⓪⓪⓪'],
		['keycaps', '1️⃣3️⃣8️⃣0️⃣0️⃣1️⃣3️⃣8️⃣0️⃣0️⃣0️⃣'],
		['country code', '+86 138 0013 8000'],
		['0086 prefix', '008613800138000'],
	])('%s', (_, number) => {
		expect(phones(`我的电话${number}，打我`)).toEqual(['+8613800138000']);
	});

	it.each([
		['微信', '微信：liudong_88'],
		['V', 'V:liudong_88'],
		['v信', 'v信 liudong_88'],
		['vx', 'vx liudong_88'],
		['wx', 'wx号 liudong_88'],
		['薇', '薇：liudong_88'],
		['威信', '威信 liudong_88'],
		['加V', '加V liudong_88'],
		['绿色软件', '绿色软件 liudong_88'],
		['spaced cue', '微 信 liudong_88'],
		['full-width cue', 'ＶＸ：ｌｉｕｄｏｎｇ＿８８'],
	])('WeChat cue %s', (_, text) => {
		expect(extractLead(text).wechat).toEqual(['liudong_88']);
	});

	it('"微信同号" makes the phone the WeChat account too', () => {
		expect(extractLead('13800138000 微信同号')).toMatchObject({ phones: ['+8613800138000'], wechat: ['13800138000'] });
	});

	it.each([
		['QQ', 'QQ 12345678'],
		['扣扣', '扣扣：12345678'],
		['企鹅', '企鹅号12345678'],
	])('QQ cue %s', (_, text) => {
		expect(extractLead(text).qq).toEqual(['12345678']);
	});

	it.each([
		['010-88886666', '+861088886666'],
		['(021)64381234', '+862164381234'],
		['0755 26781234', '+8675526781234'],
		['0571-8765432', '+865718765432'],
	])('landline %s', (number, e164) => {
		expect(phones(`座机 ${number}`)).toEqual([e164]);
	});

	it('keeps the corrected number', () => {
		expect(phones('13800138000 发错了，是13900139000')).toEqual(['+8613900139000']);
		expect(phones('13800138000 不对，应该是 一三九零零一三九零零零')).toEqual(['+8613900139000']);
	});

	it('finds e-mail addresses', () => {
		expect(extractLead('发到 Lily.Chen@163.com 吧').email).toEqual(['lily.chen@163.com']);
	});
});

describe('is not fooled', () => {
	it.each([
		['a price', '这个1380元吗，13800是全包吗'],
		['an order number', '订单号13912345678还没发货'],
		['a long order number', '订单 13800138000123'],
		['a tracking number', '快递单号 SF1380013800031'],
		['an ID card number', '身份证110101199003071234'],
		['a bank card', '卡号6222021234567890123'],
		['a date and time', '2024-05-06 13:30 到店'],
		['a masked number', '138****5678'],
		['a partial number', '尾号1234'],
		['a number of the wrong length', '1380013800'],
		['a number with the wrong prefix', '12800138000'],
		['the shop\'s number', '你们店电话是13800138000吗'],
		['a URL', 'https://v.douyin.com/13800138000/'],
		['a coupon code', '优惠码ABC13800138000'],
		['a foreign number', '+1 415 555 0123'],
		['a 400 hotline', '打了400-820-8820'],
		['ordinary English after a cue', 'wechat please'],
		['a cue without an ID', '有没有微信？加微信聊吧'],
		['numerals in words', '三个人两千八，一二三四五六七'],
	])('%s', (_, text) => {
		const result = extractLead(text);
		expect([...result.phones, ...result.wechat, ...result.qq, ...result.email]).toEqual([]);
	});
});

describe('intent', () => {
	it.each([
		['我想预约这周六', 'high'],
		['电话13800138000', 'high'],
		['多少钱一次？', 'medium'],
		['营业时间是几点', 'medium'],
		['地址发一下', 'medium'],
		['有团购吗', 'medium'],
		['了解一下', 'low'],
		['哈哈哈哈', 'none'],
		['【自动回复】您好，我现在有事不在', 'none'],
		['兼职刷单日结，加V：job_8899', 'none'],
	])('%s → %s', (text, intent) => {
		expect(extractLead(text).intent).toBe(intent);
	});

	it('explains itself with signals and a score', () => {
		const result = extractLead('想预约，电话一三八零零一三八零零零');
		expect(result.signals).toEqual(
			expect.arrayContaining(['contact:phone', 'evidence:Chinese numerals', 'high:预约']),
		);
		expect(result.intentScore).toBeGreaterThanOrEqual(0.9);
		expect(result.intentScore).toBeLessThan(1);
	});

	it('uses the keyword lists it is given', () => {
		const keywords = { ...mergedKeywords(), high: ['来一份'] };
		expect(extractLead('来一份', { keywords }).intent).toBe('high');
		expect(extractLead('我想预约', { keywords }).intent).not.toBe('high');
	});
});

describe('masking', () => {
	it('masks every contact in place and keeps the rest', () => {
		expect(extractLead('电话13800138000，微信 liudong_88，QQ 12345678').masked).toBe('电话138****8000，微信 li***，QQ 12***');
		expect(extractLead('一三八零零一三八零零零').masked).toBe('138****8000');
		expect(maskContacts('座机010-88886666')).toBe('座机010****66');
	});

	it('reports where each contact is in the original text', () => {
		const [match] = findContacts('打我 138 0013 8000 谢谢');
		expect(match).toMatchObject({ kind: 'phone', index: 3, end: 16, raw: '138 0013 8000' });
	});

	it('never crashes on empty or odd input', () => {
		expect(extractLead('').intent).toBe('none');
		expect(extractLead(undefined as unknown as string).phones).toEqual([]);
		expect(extractLead('🌟'.repeat(1000)).phones).toEqual([]);
	});
});
