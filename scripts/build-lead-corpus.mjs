#!/usr/bin/env node
// Builds test/fixtures/leads/corpus.json: the labelled message corpus the Lead Extractor is measured on
// (test/unit/leadExtractor/corpus.test.ts) and benchmarked with (bench/extract.bench.mjs).
// Deterministic (seeded): run `node scripts/build-lead-corpus.mjs` after editing the templates and commit the JSON.
// Each entry: { text, phones (E.164), wechat, qq, email, intent, tags }.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let seed = 20261121;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(rand() * list.length)];
const PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158', '159', '166', '173', '175', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '195', '198', '199'];
const mobile = () => pick(PREFIXES) + Array.from({ length: 8 }, () => Math.floor(rand() * 10)).join('');
const e164 = (national) => `+86${national}`;

// Obfuscations customers use (wecom-call-import.md §5.3).
const CN = '零一二三四五六七八九';
const FIN = '零壹贰叁肆伍陆柒捌玖';
const SPOKEN = { 0: '洞', 1: '幺', 2: '两', 7: '拐', 9: '勾' };
const FULL = (d) => String.fromCharCode(0xff10 + Number(d));
const CIRCLED = (d) => (d === '0' ? '⓪' : String.fromCharCode(0x2460 + Number(d) - 1));
const groups = (n) => [n.slice(0, 3), n.slice(3, 7), n.slice(7)];
const OBFUSCATIONS = {
	chinese: (n) => [...n].map((d) => CN[d]).join(''),
	financial: (n) => [...n].map((d) => FIN[d]).join(''),
	spoken: (n) => [...n].map((d) => SPOKEN[d] ?? CN[d]).join(''),
	fullwidth: (n) => [...n].map(FULL).join(''),
	fullwidthDashes: (n) => groups(n).map((g) => [...g].map(FULL).join('')).join('－'),
	mixed: (n) => [...n].map((d, i) => (i % 2 ? CN[d] : d)).join(''),
	spaces: (n) => groups(n).join(' '),
	dashes: (n) => groups(n).join('-'),
	dots: (n) => groups(n).join('.'),
	slashes: (n) => groups(n).join('/'),
	emoji: (n) => groups(n).join('🌟'),
	hearts: (n) => [...n].join('❤'),
	spaced: (n) => [...n].join(' '),
	lineBreaks: (n) => groups(n).join('\n'),
	circled: (n) => [...n].map(CIRCLED).join(''),
	keycaps: (n) => [...n].map((d) => `${d}\ufe0f\u20e3`).join(''),
	plus86: (n) => `+86 ${groups(n).join(' ')}`,
	zeroWidth: (n) => [...n].join('\u200b'),
	mixedSeparators: (n) => `${n.slice(0, 3)}—${CN[n[3]]}${n.slice(4, 7)} ${[...n.slice(7)].map((d) => CN[d]).join('')}`,
};

const corpus = [];
const add = (text, labels = {}) =>
	corpus.push({ text, phones: labels.phones ?? [], wechat: labels.wechat ?? [], qq: labels.qq ?? [], email: labels.email ?? [], intent: labels.intent ?? 'none', tags: labels.tags ?? [] });

// ---- A. Plain contacts (high intent: the customer leaves a way to reach them) ----
const plainPhone = [
	'想了解一下价格，我电话{P}',
	'{P} 这是我电话，尽快联系我',
	'我的手机号是{P}，麻烦顾问回个电话',
	'方便的话打我电话{P}，下午都在',
	'预约周六试驾，联系方式{P}',
	'帮我登记一下，{P}，姓王',
	'孩子想报名暑假班，家长电话{P}',
	'装修报价发我一下吧，电话：{P}',
	'想做个皮肤检测，我手机{P}',
	'你好 我想订两个人的套餐 电话{P}',
	'电话{P}，回电前先发个短信',
	'手机号码 {P} 张女士',
	'我想预约面诊，{P}',
	'留个电话吧{P}，明天上午联系',
	'量房要预约吗？我电话是{P}',
];
for (const template of plainPhone) {
	const n = mobile();
	add(template.replace('{P}', n), { phones: [e164(n)], intent: 'high', tags: ['plain'] });
}
const plainWechat = [
	['加我微信 {W} 发资料', 'high'],
	['我微信号：{W}，把课程表发我', 'high'],
	['vx：{W} 加一下详细聊', 'high'],
	['wx {W}，方便发报价单', 'high'],
	['V信 {W}，想了解团购', 'high'],
];
const WECHAT_IDS = ['liudong_88', 'wxid_k2m9a', 'Zhang-Lei1990', 'amy_beauty520', 'jiaxin_home', 'chen88888888', 'lily_xiaomi', 'wangfang_hz', 'tom-car-2024', 'sunny_day_7', 'huahua1203', 'yoyo_mama6', 'kevin_jt70', 'meimei_szx', 'xiaobai_666'];
let wi = 0;
for (const [template, intent] of plainWechat) {
	const id = WECHAT_IDS[wi++];
	add(template.replace('{W}', id), { wechat: [id.toLowerCase()], intent, tags: ['plain'] });
}
add('我的邮箱是 lily.chen@163.com，资料发我邮箱吧', { email: ['lily.chen@163.com'], intent: 'high', tags: ['plain'] });
add('QQ 2837465910 加一下发方案', { qq: ['2837465910'], intent: 'high', tags: ['plain'] });
add('能发我邮箱吗 zhangwei88@qq.com 谢谢', { email: ['zhangwei88@qq.com'], intent: 'high', tags: ['plain'] });

// ---- B. Obfuscated contacts ----
const obfuscatedTemplates = [
	'我电话{P}',
	'联系我：{P}',
	'手机{P}，尽快回电',
	'{P} 打这个',
	'想预约，号码{P}',
	'报价发不了就打给我 {P}',
	'我姓李，{P}',
	'给我打电话吧 {P}',
];
const names = Object.keys(OBFUSCATIONS);
for (let round = 0; round < 4; round++) {
	for (const name of names) {
		const n = mobile();
		const template = obfuscatedTemplates[(round * names.length + names.indexOf(name)) % obfuscatedTemplates.length];
		add(template.replace('{P}', OBFUSCATIONS[name](n)), { phones: [e164(n)], intent: 'high', tags: ['obfuscated', name] });
	}
}
const wechatCues = ['微信', 'V', 'v信', 'vx', 'wx', '薇', '威信', '加V', '绿色软件', '微 信', '徽信', '➕v', 'ＶＸ', '加我v'];
for (const cue of wechatCues) {
	const id = WECHAT_IDS[wi++ % WECHAT_IDS.length];
	const separator = cue === '薇' ? '：' : pick([':', '：', ' ', '号 ', '是']);
	add(`${cue}${separator}${id} 加一下，想了解价格`, { wechat: [id.toLowerCase()], intent: 'high', tags: ['obfuscated', 'wechat-cue'] });
}
for (const phrase of ['微信同号', '微信就是手机号', '手机和微信同号', '同微信']) {
	const n = mobile();
	add(`${OBFUSCATIONS.spaces(n)} ${phrase}，加我`, { phones: [e164(n)], wechat: [n], intent: 'high', tags: ['obfuscated', 'wechat-same-as-phone'] });
}
for (const cue of ['vx', 'V', '微信']) {
	const n = mobile();
	add(`${cue} ${n}`, { phones: [e164(n)], wechat: [n], intent: 'high', tags: ['obfuscated', 'phone-as-wechat'] });
}
for (const [cue, qq] of [['QQ', '1029384756'], ['扣扣', '83746592'], ['企鹅', '564738291'], ['q q', '99887766'], ['ＱＱ号', '302948571']]) {
	add(`${cue}：${qq}，方便发文件`, { qq: [qq], intent: 'high', tags: ['obfuscated', 'qq-cue'] });
}
for (const [text, phone] of [
	['座机010-88886666，白天打', '+861088886666'],
	['我办公室电话0755 26781234找我就行', '+8675526781234'],
	['家里座机(021)64381234', '+862164381234'],
	['办公室电话 0571-8765432', '+865718765432'],
]) {
	add(text, { phones: [phone], intent: 'high', tags: ['obfuscated', 'landline'] });
}
for (let i = 0; i < 5; i++) {
	const wrong = mobile();
	const right = mobile();
	const cue = ['发错了，是', '打错了 应该是', '不对不对，', '写错了，更正：', '刚才那个错了 是'][i];
	add(`${OBFUSCATIONS.spaces(wrong)} ${cue}${OBFUSCATIONS[['dashes', 'chinese', 'spaces', 'fullwidth', 'mixed'][i]](right)}`, {
		phones: [e164(right)],
		intent: 'high',
		tags: ['obfuscated', 'correction'],
	});
}
add('13９ 零零幺三 8洞洞洞 我的号', { phones: ['+8613900138000'], intent: 'high', tags: ['obfuscated', 'mixed'] });
add('电话：一 三 八，零 零 一 三，八 零 零 零', { phones: ['+8613800138000'], intent: 'high', tags: ['obfuscated', 'spaced-numerals'] });

// ---- C. Intent without contact ----
const intents = {
	high: [
		'我想预约这周六下午',
		'怎么下单？直接拍吗',
		'能上门量房吗？想约个时间',
		'我要报名，怎么交费',
		'帮我订一个双人套餐',
		'想试驾一下捷途70，怎么预约',
		'请给我打个电话吧',
		'明天能到店吗？我想去看看实车',
		'我想买两盒，怎么付款',
		'可以预约明天的体验课吗',
		'想办张卡，怎么办理',
		'麻烦联系我一下',
		'想做这个项目，什么时候能约',
		'能预约吗',
		'我要订这个，有链接吗',
	],
	medium: [
		'多少钱一次？',
		'这个套餐价格是多少',
		'营业时间是几点到几点',
		'你们店在哪里？',
		'有团购吗',
		'地址发一下',
		'还有现货吗',
		'周末还有位置吗',
		'怎么收费的',
		'有没有优惠活动',
		'学费多少',
		'全包大概什么价位',
		'几点关门',
		'停车方便吗？在哪个商场',
		'首付要多少',
		'一个疗程几次，多少钱',
		'你们那边有分店吗',
		'团购券周末能用吗',
	],
	low: [
		'了解一下',
		'在吗',
		'你好，请问',
		'这个怎么样',
		'介绍一下呗',
		'有兴趣，先看看',
		'有什么推荐的吗',
		'效果好吗',
		'我朋友推荐来的，看看',
		'你们这个靠谱吗',
		'之前没听过，能说说吗',
		'嗯嗯 我再考虑考虑',
	],
	none: [
		'哈哈哈哈',
		'主播好漂亮',
		'好的谢谢',
		'👍👍👍',
		'【自动回复】您好，我现在有事不在，一会再和您联系',
		'您好，我现在不方便，稍后联系',
		'兼职刷单日结，有意私聊',
		'互粉互赞，回关',
		'招代理，零门槛加盟，月入过万',
		'不需要了，别再发了',
		'发错了',
		'今天天气真好',
		'关注你很久了',
		'加群领福利，进群免费送',
		'晚安',
	],
};
for (const [intent, texts] of Object.entries(intents)) for (const text of texts) add(text, { intent, tags: ['intent'] });

// ---- D. Hard negatives: numbers and words that are NOT contacts ----
const hardNegatives = [
	['这个是1380元吗', 'medium'],
	['价格13800是全包吗', 'medium'],
	['订单号 13800138000123 还没发货', 'low'],
	['订单号13912345678，什么时候发货', 'low'],
	['快递单号 SF1380013800031 查不到', 'low'],
	['身份证号110101199003071234要填吗', 'low'],
	['银行卡6222021234567890123能用吗', 'medium'],
	['2024-05-06 13:30 能到店吗', 'high'],
	['5月12号下午3点可以吗', 'high'],
	['2025.10.01 13:00 开门吗', 'medium'],
	['我的号码是138****5678', 'high'],
	['尾号1234的那个订单', 'low'],
	['电话1380013800打不通', 'low'],
	['12800138000这个号对吗', 'low'],
	['你们店电话是010-88886666吗', 'medium'],
	['你们客服电话13800138000打不通', 'medium'],
	['https://v.douyin.com/iR3k8sB/ 这个视频里的同款', 'low'],
	['看到这个链接 www.example.com/item/13800138000 了', 'low'],
	['优惠码ABC13800138000怎么用', 'medium'],
	['券码 8801 3800 1380 00 核销不了', 'low'],
	['有没有微信？', 'medium'],
	['加微信聊吧', 'high'],
	['可以加你微信吗', 'high'],
	['wechat please', 'high'],
	['微信支付可以吗', 'medium'],
	['支持vx付款吗', 'medium'],
	['我在13号楼3单元', 'none'],
	['买了3盒，第1380天了', 'none'],
	['身高170体重130', 'none'],
	['一二三四五六七', 'none'],
	['三个人两千八能搞定吗', 'medium'],
	['一共十三个人，八点到', 'high'],
	['这个月13号有空吗', 'medium'],
	['车型捷途X70，2023款', 'low'],
	['房子120平，预算20万', 'medium'],
	['验证码是835261', 'none'],
	['我QQ空间里有照片', 'none'],
	['型号 ABC-138-0013 有货吗', 'medium'],
	['iPhone 15 Pro 256G 多少钱', 'medium'],
	['第2期的课程还有吗', 'medium'],
	['会员号100023456789怎么查积分', 'low'],
	['打了400-820-8820没人接', 'low'],
	['发票税号91310000MA1FL1234X', 'none'],
	['10:00-22:00营业吗', 'medium'],
	['看了第1380集哈哈', 'none'],
	['两三个人吃够吗', 'medium'],
	['幺蛾子真多哈哈', 'none'],
	['洞洞鞋有吗', 'medium'],
	['13 个人团建可以吗', 'high'],
	['转账 1380.00 元已付', 'high'],
	['预算 1,380,000 左右', 'medium'],
	['手机壳多少钱', 'medium'],
	['手机号不方便给，先聊聊', 'low'],
	['我不想留电话', 'low'],
	['电话就不留了', 'low'],
	['Thank you very much', 'none'],
	['vx 有没有', 'medium'],
	['可以打电话给我吗？怕打字说不清', 'high'],
	['我发你个截图 IMG_20240506_133012.jpg', 'none'],
	['直播间第138号链接', 'low'],
	['0.1380', 'none'],
];
for (const [text, intent] of hardNegatives) add(text, { intent, tags: ['hard-negative'] });

// ---- E. Vertical messages (local life, education, decoration, auto, beauty, medical) ----
const verticalMessages = [
	['周五晚上6点订个包间，8个人', 'high'],
	['人均多少？有包厢吗', 'medium'],
	['外卖送到望京吗', 'medium'],
	['这家好吃吗，排队久不久', 'medium'],
	['口味偏辣吗', 'low'],
	['孩子5岁能上吗？上课时间是什么时候', 'medium'],
	['想给孩子约个试听课', 'high'],
	['零基础适合学吗', 'low'],
	['师资怎么样，老师是哪毕业的', 'medium'],
	['插班可以吗，想下周开始', 'high'],
	['一个学期多少课时', 'medium'],
	['110平三室两厅全包大概多少', 'medium'],
	['想约设计师出方案', 'high'],
	['工期一般多久', 'medium'],
	['有没有现代简约风格的案例', 'medium'],
	['老房翻新接吗', 'low'],
	['这周末能量房吗', 'high'],
	['捷途70落地价多少', 'medium'],
	['可以置换吗，我现在开的是朗逸', 'medium'],
	['贷款首付最低多少', 'medium'],
	['油耗高吗', 'low'],
	['周日想去店里看车', 'high'],
	['提车要等多久', 'high'],
	['热玛吉一个疗程几次', 'medium'],
	['恢复期多久，会不会肿', 'medium'],
	['想做个水光，周六有空位吗', 'high'],
	['我这种皮肤适合吗', 'low'],
	['面诊收费吗', 'medium'],
	['明天上午能挂号吗', 'high'],
	['牙齿矫正能用医保吗', 'medium'],
	['周末门诊时间是几点', 'medium'],
	['智齿拔了疼不疼', 'low'],
	['复诊需要预约吗', 'high'],
	['在吗在吗，急', 'low'],
	['你们家是连锁的吗', 'low'],
	['发个价目表看看', 'medium'],
	['有学生优惠吗', 'medium'],
	['能开发票吗', 'medium'],
	['线上能上课吗', 'medium'],
	['收到，谢谢老师', 'none'],
	['视频拍得不错', 'none'],
	['我就随便问问', 'low'],
];
for (const [text, intent] of verticalMessages) add(text, { intent, tags: ['intent', 'vertical'] });
const moreHardNegatives = [
	['桌号13，上菜慢了', 'low'],
	['第二杯半价是真的吗', 'medium'],
	['2025年12月31日前有效吗', 'medium'],
	['18:30-21:00 还能点单吗', 'medium'],
	['会员卡余额还剩1380.50', 'low'],
	['取餐码 4138 没叫号', 'low'],
	['车架号LGWEF4A52MF123456', 'none'],
	['快递到了，单号YT1380013800188', 'low'],
	['我朋友的电话138****1234给过你们', 'low'],
	['这个颜色号码是13号吗', 'medium'],
	['分期12期，每期1380', 'medium'],
	['hello, is this shop open?', 'low'],
	['微信群里看到的', 'low'],
	['qq音乐放的那首歌', 'none'],
	['官方热线400-1380-0013是你们吗', 'medium'],
];
for (const [text, intent] of moreHardNegatives) add(text, { intent, tags: ['hard-negative'] });
// Spam that carries a contact: a contact, but no buying intent.
add('兼职刷单日结，加V：job_8899', { wechat: ['job_8899'], intent: 'none', tags: ['spam-with-contact'] });
add('招代理，详情加微信 daili_2024', { wechat: ['daili_2024'], intent: 'none', tags: ['spam-with-contact'] });

const target = join(dirname(fileURLToPath(import.meta.url)), '../test/fixtures/leads/corpus.json');
writeFileSync(target, `${JSON.stringify(corpus, null, 1)}\n`);
const count = (tag) => corpus.filter((e) => e.tags.includes(tag)).length;
console.log(`${corpus.length} messages: ${count('obfuscated')} obfuscated, ${count('hard-negative')} hard negatives → ${target}`);
