import { maskPhone } from './contact';

/**
 * Finds contact details the way customers write them to slip past platform filters (wecom-call-import.md §5.3):
 * full-width and circled digits, Chinese numerals and their spoken variants, separators and emoji inside numbers,
 * WeChat / QQ cue words, "微信同号", landlines, corrections — while ignoring prices, order and ID numbers, dates,
 * masked and partial numbers, URLs, coupon codes and a shop's own number.
 *
 * One module for the Lead Extractor and the DM Guard, so they can never disagree about what a contact is.
 * Pure and allocation-light: it runs on every message (see bench/).
 */

export type ContactKind = 'phone' | 'wechat' | 'qq' | 'email';

export interface ContactMatch {
	kind: ContactKind;
	/** Normalised value: E.164 for phones (`+8613800138000`, `+861088886666`), lower-case for e-mail. */
	value: string;
	/** Start / end (exclusive) in the original text. */
	index: number;
	end: number;
	/** The original snippet, as written. */
	raw: string;
	/** Why it was read as a contact (cue words, obfuscation seen). */
	evidence: string[];
}

/* ------------------------------------------------------------------------------------------------ normalisation */

/** Chinese numerals, financial forms and spoken variants (幺 1, 两 2, 拐 7, 勾 9, 洞 0) → digits. */
const NUMERALS: Record<string, string> = {
	零: '0', 〇: '0', 洞: '0', 一: '1', 幺: '1', 壹: '1', 二: '2', 两: '2', 贰: '2', 三: '3', 叁: '3', 四: '4', 肆: '4',
	五: '5', 伍: '5', 六: '6', 陆: '6', 七: '7', 拐: '7', 柒: '7', 八: '8', 捌: '8', 九: '9', 勾: '9', 玖: '9',
};

interface Scan {
	/** Width-normalised text (full-width → ASCII, circled digits → digits), lower-case ASCII; same length as `digits`. */
	text: string;
	/** `text` with Chinese numerals replaced by digits (for number runs only). */
	digits: string;
	/** scan index → original index. */
	map: number[];
}

/** Invisible characters inside numbers: zero-width spaces and joiners, BOM, variation selector-16, keycap combiner. */
const INVISIBLE = new Set([0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2060, 0xfeff, 0xfe0f, 0x20e3]);
const isInvisible = (ch: string) => INVISIBLE.has(ch.charCodeAt(0));

function normalizeChar(ch: string): string {
	const code = ch.charCodeAt(0);
	if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
	if (code >= 0xff01 && code <= 0xff5e) return normalizeChar(String.fromCharCode(code - 0xfee0));
	if (code === 0x3000) return ' ';
	if (code >= 0x2460 && code <= 0x2468) return String.fromCharCode(code - 0x2460 + 49); // ①–⑨
	if (code === 0x24ea || code === 0x24ff) return '0'; // ⓪ ⓿
	if (code >= 0x2776 && code <= 0x277e) return String.fromCharCode(code - 0x2776 + 49); // ❶–❾
	if (code >= 0x2780 && code <= 0x2788) return String.fromCharCode(code - 0x2780 + 49); // ➀–➈
	return ch;
}

function scan(original: string): Scan {
	let text = '';
	let digits = '';
	const map: number[] = [];
	for (let i = 0; i < original.length; i++) {
		const ch = original[i];
		if (isInvisible(ch)) continue;
		const normal = normalizeChar(ch);
		text += normal;
		digits += NUMERALS[normal] ?? normal;
		map.push(i);
	}
	map.push(original.length);
	return { text, digits, map };
}

/* ---------------------------------------------------------------------------------------------------- helpers */

const isDigit = (c: string) => c >= '0' && c <= '9';
const isAsciiLetter = (c: string) => c >= 'a' && c <= 'z';
/** CJK ideographs and kana end a number; so do letters. Everything else (spaces, punctuation, emoji) may separate digits. */
const isWordChar = (c: string) => isAsciiLetter(c) || /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/.test(c);
/** `*` and `×` mask digits (138****5678): they break a number instead of separating its parts. */
const isMask = (c: string) => c === '*' || c === '×' || c === 'x' || c === '＊';

const MAX_SEPARATORS = 3;

interface DigitRun {
	start: number;
	end: number;
	digits: string;
	separators: number;
	numerals: boolean;
	plus: boolean;
}

function digitRuns(s: Scan): DigitRun[] {
	const runs: DigitRun[] = [];
	const { digits: view, text } = s;
	let i = 0;
	while (i < view.length) {
		if (!isDigit(view[i])) {
			i++;
			continue;
		}
		const run: DigitRun = { start: i, end: i, digits: '', separators: 0, numerals: false, plus: i > 0 && text[i - 1] === '+' };
		let j = i;
		while (j < view.length) {
			if (isDigit(view[j])) {
				run.digits += view[j];
				if (!isDigit(text[j])) run.numerals = true;
				run.end = j + 1;
				j++;
				continue;
			}
			// Look ahead over separators for the next digit.
			let k = j;
			while (k < view.length && k - j < MAX_SEPARATORS && !isDigit(view[k]) && !isWordChar(view[k]) && !isMask(view[k])) k++;
			if (k > j && k < view.length && isDigit(view[k])) {
				run.separators += k - j;
				j = k;
				continue;
			}
			break;
		}
		runs.push(run);
		i = run.end;
	}
	return runs;
}

function before(s: Scan, index: number, length: number): string {
	return s.text.slice(Math.max(0, index - length), index);
}

/* ---------------------------------------------------------------------------------------------------- cues */

/** WeChat cue words, incl. spaced (微 信), full-width (folded before matching) and slang (绿色软件) variants (§5.3). */
const WECHAT_CUE_WORDS =
	'微[\\s\\-_.·*]?信|v[\\s\\-_.]?信|vx|wx|威信|薇信|徽信|微x|(?:加|➕|\\+)我?(?:v|微信?|薇信?|威信?)|weixin|wechat|绿色软件|绿泡泡|维信|(?<![a-z])v(?=\\s*[:：])|[薇威](?=\\s*[:：])';
const WECHAT_CUE = new RegExp(`(?:${WECHAT_CUE_WORDS})`);
/** A WeChat cue right before a number: that number is (also) the WeChat account ("V 138…", "vx13800138000"). */
const WECHAT_CUE_BEFORE_NUMBER = new RegExp(`(?:${WECHAT_CUE_WORDS}|(?<![a-z])v)[\\s:：号是]*$`);
const WECHAT_CUE_GLOBAL = new RegExp(`${WECHAT_CUE.source}[号]?(?:\\s*(?:号码|号|id))?\\s*(?:是|为|就是|:|：|=|-)?\\s*`, 'g');
const WECHAT_ID = /^[a-z][-_a-z0-9]{5,19}/;
const SAME_AS_PHONE = /(?:微信|vx|wx|v信|威信|薇信)(?:也是|就是|是)?(?:同号|手机号|这个号|电话号|同一个)|同微信|微信同|(?:手机|电话)(?:号)?(?:和|跟)?微信(?:一样|同号)/;

const QQ_CUE = /(?:q[\s]?q|扣扣|企鹅|球球)(?:号码|号)?\s*(?:是|:|：)?\s*$/;
const PHONE_CUE = /(?:电话|手机|号码|联系|打我|call|tel|phone|mobile|座机|固话|热线)/;
const LANDLINE_CUE = /(?:座机|固话|电话|tel|热线)/;
/** Numbers after these words are references, not contacts. */
const REFERENCE_CUE = /(?:订单|单号|快递|运单|物流|身份证|银行卡|卡号|账号|帐号|编号|工号|会员号|学号|发票|税号|流水|券码|优惠码|兑换码|验证码|密码|车牌|房号|型号|批次|序列号|条码|尾号)[^\d]{0,4}$/;
/** Someone else's number the customer asks about or mentions (a shop's hotline). */
const OTHERS_NUMBER_CUE = /(?:你们|贵店|店里|门店|商家|你家|店铺|客服|官方|公司)(?:店|家|那边|这边)?的?(?:电话|号码|座机|热线|手机|联系方式)/;
/** "I sent it wrong, it is …" — the later number replaces the earlier one. */
const CORRECTION_CUE = /(?:发错了|打错了|写错了|输错了|搞错了|错了|不对|更正|纠正|更改为|改成|应该是)/;

const ENGLISH_WORDS = new Set([
	'please', 'thanks', 'thank', 'wechat', 'weixin', 'number', 'account', 'contact', 'friend', 'message', 'hello', 'people',
	'address', 'mobile', 'search', 'scan', 'group', 'official',
]);

/** Web links, with or without a scheme (bare domains on common TLDs). */
export const URL_PATTERN = /(?:https?:\/\/|www\.)[^\s\u3000-\u303f\u4e00-\u9fff，。！？]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org|io|co|cc|me|top|vip|xyz|info)(?:\/[^\s\u4e00-\u9fff，。！？]*)?/g;
const EMAIL_PATTERN = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/g;

export function spans(pattern: RegExp, text: string): Array<[number, number]> {
	const found: Array<[number, number]> = [];
	pattern.lastIndex = 0;
	let m: RegExpExecArray | null;
	while ((m = pattern.exec(text))) found.push([m.index, m.index + m[0].length]);
	return found;
}

const inside = (ranges: Array<[number, number]>, start: number, end: number) => ranges.some(([a, b]) => start < b && end > a);

/* -------------------------------------------------------------------------------------------- classification */

function mobileFrom(digits: string): string | null {
	let national = digits;
	if (national.length === 15 && national.startsWith('0086')) national = national.slice(4);
	else if (national.length === 13 && national.startsWith('86')) national = national.slice(2);
	return /^1[3-9]\d{9}$/.test(national) ? national : null;
}

/** 0 + area code (010, 02x, or 0xxx) + 7–8 digit subscriber number → E.164 without the trunk 0. */
function landlineFrom(digits: string): string | null {
	if (!digits.startsWith('0') || digits.startsWith('00')) return null;
	const areaLength = digits[1] === '1' || digits[1] === '2' ? 3 : 4;
	const subscriber = digits.slice(areaLength);
	if (subscriber.length < 7 || subscriber.length > 8 || subscriber[0] === '0' || subscriber[0] === '1') return null;
	return `+86${digits.slice(1)}`;
}

export interface ScanOptions {
	/** Read landlines (with area code) as phones. Default true. */
	landlines?: boolean;
	/**
	 * Whose text this is. A customer's message mentioning "你们店电话…" or a 400 hotline is not the customer's own
	 * contact ('customer', the default); in a business's outgoing message every number is a contact ('business').
	 */
	perspective?: 'customer' | 'business';
}

export function findContacts(original: string, options: ScanOptions = {}): ContactMatch[] {
	if (!original) return [];
	const s = scan(original);
	const found: ContactMatch[] = [];
	const urls = spans(URL_PATTERN, s.text);
	const emails = spans(EMAIL_PATTERN, s.text);
	const toMatch = (kind: ContactKind, value: string, start: number, end: number, evidence: string[]): ContactMatch => {
		let originalEnd = s.map[end - 1] + 1;
		// Swallow the invisible tail of the last character (keycap 1️⃣ = "1" + U+FE0F + U+20E3).
		while (originalEnd < original.length && isInvisible(original[originalEnd])) originalEnd++;
		return { kind, value, index: s.map[start], end: originalEnd, raw: original.slice(s.map[start], originalEnd), evidence };
	};

	for (const [start, end] of emails) {
		if (!inside(urls, start, end) || /@/.test(s.text.slice(start, end))) {
			found.push(toMatch('email', s.text.slice(start, end), start, end, ['email']));
		}
	}

	// WeChat IDs written after a cue word.
	WECHAT_CUE_GLOBAL.lastIndex = 0;
	let cue: RegExpExecArray | null;
	while ((cue = WECHAT_CUE_GLOBAL.exec(s.text))) {
		const idStart = cue.index + cue[0].length;
		const id = WECHAT_ID.exec(s.text.slice(idStart));
		if (!id || ENGLISH_WORDS.has(id[0]) || inside(urls, idStart, idStart + id[0].length) || inside(emails, idStart, idStart + id[0].length)) continue;
		// An ID is ASCII: the character after it must not continue a word (e.g. "vxabc微信" is fine, "wechatting" is not a cue).
		if (cue[0].trim() === cue[0] && /^[a-z]/.test(cue[0]) && isAsciiLetter(s.text[cue.index - 1] ?? '')) continue;
		found.push(toMatch('wechat', id[0], idStart, idStart + id[0].length, [`wechat cue "${cue[0].trim()}"`]));
		WECHAT_CUE_GLOBAL.lastIndex = idStart + id[0].length;
	}

	const phones: ContactMatch[] = [];
	for (const run of digitRuns(s)) {
		if (inside(urls, run.start, run.end) || inside(emails, run.start, run.end)) continue;
		const left = before(s, run.start, 12);
		const prev = s.text[run.start - 1] ?? '';
		const next = s.text[run.end] ?? '';
		const evidence: string[] = [];
		if (run.numerals) evidence.push('Chinese numerals');
		if (run.separators) evidence.push('separators inside the number');

		// Letters glued to the number: a coupon or product code, unless the letters are a cue (v13800138000, tel…).
		if (isAsciiLetter(next)) continue;
		if (isAsciiLetter(prev)) {
			const word = /[a-z]+$/.exec(s.text.slice(0, run.start))?.[0] ?? '';
			if (!/^(?:v|vx|wx|tel|qq|q|wechat|weixin|phone|mobile|call)$/.test(word)) continue;
		}

		// An international number (+1 415…) is not a mainland contact.
		if (run.plus && !run.digits.startsWith('86')) continue;
		const qqCue = QQ_CUE.test(left);
		if (qqCue && run.digits.length >= 5 && run.digits.length <= 11 && run.digits[0] !== '0') {
			found.push(toMatch('qq', run.digits, run.start, run.end, ['qq cue', ...evidence]));
			continue;
		}
		if (REFERENCE_CUE.test(left) && !PHONE_CUE.test(before(s, run.start, 4))) continue;
		const business = options.perspective === 'business';
		if (!business && OTHERS_NUMBER_CUE.test(left)) continue;
		if (business && /^[48]00\d{7}$/.test(run.digits) && run.numerals === false) {
			phones.push(toMatch('phone', `+86${run.digits}`, run.start, run.end, ['service hotline', ...evidence]));
			continue;
		}

		const mobile = mobileFrom(run.digits);
		if (mobile) {
			const match = toMatch('phone', `+86${mobile}`, run.start, run.end, evidence);
			if (WECHAT_CUE_BEFORE_NUMBER.test(before(s, run.start, 8))) {
				match.evidence.push('wechat cue before the number');
				found.push({ ...match, kind: 'wechat', value: mobile });
			}
			phones.push(match);
			continue;
		}
		if (options.landlines !== false && run.numerals === false) {
			const landline = landlineFrom(run.digits);
			const formatted = run.separators > 0 || /[(（]$/.test(before(s, run.start, 1)) || LANDLINE_CUE.test(left);
			if (landline && formatted) phones.push(toMatch('phone', landline, run.start, run.end, ['landline', ...evidence]));
		}
	}

	// "发错了，是…": numbers written before a correction are replaced by the ones after it.
	let kept = phones;
	if (phones.length > 1) {
		const last = phones[phones.length - 1];
		const between = original.slice(phones[0].end, last.index);
		if (CORRECTION_CUE.test(between)) {
			const cueAt = phones[0].end + between.search(CORRECTION_CUE);
			kept = phones.filter((phone) => phone.index > cueAt);
		}
	}
	found.push(...kept);

	// "微信同号": the WeChat account is the phone number.
	if (kept.length && SAME_AS_PHONE.test(s.text)) {
		for (const phone of kept) {
			if (phone.value.length === 14 && !found.some((m) => m.kind === 'wechat' && m.value === phone.value.slice(3))) {
				found.push({ ...phone, kind: 'wechat', value: phone.value.slice(3), evidence: [...phone.evidence, 'wechat same as phone'] });
			}
		}
	}
	return found.sort((a, b) => a.index - b.index);
}

/** `+8613800138000` → `138****8000`; landline `+861088886666` → `010****66`. */
function maskNationalPhone(e164: string): string {
	const national = e164.replace(/^\+86/, '');
	if (/^1[3-9]\d{9}$/.test(national)) return maskPhone(national);
	if (/^[48]00/.test(national)) return `${national.slice(0, 3)}****${national.slice(-3)}`;
	return `0${national.slice(0, 2)}****${national.slice(-2)}`;
}

/** Replace every contact in the text by a masked form, for logs, summaries and LLM prompts. */
export function maskContacts(text: string, matches: ContactMatch[] = findContacts(text)): string {
	let result = '';
	let cursor = 0;
	// Where a phone doubles as a WeChat account, mask it as a phone.
	const ordered = [...matches].sort((a, b) => a.index - b.index || b.end - a.end || Number(b.kind === 'phone') - Number(a.kind === 'phone'));
	for (const match of ordered) {
		if (match.index < cursor) continue;
		result += text.slice(cursor, match.index);
		result +=
			match.kind === 'phone'
				? maskNationalPhone(match.value)
				: match.kind === 'email'
					? `${match.value[0]}***@${match.value.split('@')[1]}`
					: `${match.value.slice(0, 2)}***`;
		cursor = match.end;
	}
	return result + text.slice(cursor);
}
