import type { Platform } from '../shared/dmEvent';
import type { ContactKind } from '../shared/contactScan';
import { findContacts, spans, URL_PATTERN } from '../shared/contactScan';

/**
 * Pre-send compliance guard: what a business must not put in a DM, per platform. Pure, no I/O.
 *
 * Sources: Xiaohongshu 《交易导流违规管理细则》 (effective 2025-03-12) bans personal contacts, QR codes and other-platform
 * links outside the official lead components (xiaohongshu.md §3.3); for Douyin no official DM content rule was
 * found — a third-party CLI rejects http(s) links and its 企业号 lead tools are the sanctioned way to collect numbers
 * (douyin.md §3, §6, §15). We apply the same classes on both; the suggestion names each platform's compliant tool.
 * Contact detection is the shared scanner, so the guard and the Lead Extractor never disagree.
 */

export type GuardRule = 'phone' | 'wechat' | 'qq' | 'email' | 'link' | 'qr_code' | 'off_platform' | 'sensitive_word';
export const GUARD_RULES: GuardRule[] = ['phone', 'wechat', 'qq', 'email', 'link', 'qr_code', 'off_platform', 'sensitive_word'];

export interface GuardViolation {
	rule: GuardRule;
	match: string;
	index: number;
	/** Exclusive end in the original text. */
	end: number;
}

export interface GuardResult {
	allowed: boolean;
	violations: GuardViolation[];
	suggestion?: string;
}

export interface GuardOptions {
	/** Extra words the business must never send (user-supplied). */
	sensitiveWords?: string[];
	/** Link domains that may be sent (e.g. the brand's own site), matched on the host's suffix. */
	allowedDomains?: string[];
	/** Rules to skip. Every rule is on by default. */
	disabledRules?: GuardRule[];
}

const QR_WORDING = /二维码|扫码|扫一扫|长按识别|识别图中|qr\s?code/gi;

/** Moving the customer off the platform: "加微信", "私聊我V", "去淘宝搜", "加群"… */
const OFF_PLATFORM =
	/(?:加|➕|\+)\s*(?:我|个|下|一下)?\s*(?:微信|v信|vx|wx|v(?![a-z])|薇信?|威信|徽信|qq|扣扣|企鹅|好友|群)|(?:微信|v信|vx|wx|qq|扣扣)\s*(?:上|里)?\s*(?:联系|聊|沟通|详聊|私聊|发你|发给你|找我)|私聊我?\s*(?:要)?\s*(?:v|vx|微信|wx)|(?:去|到|来)\s*(?:微信|淘宝|拼多多|京东|闲鱼|咸鱼|快手|小红书|抖音)\s*(?:上|里)?\s*(?:找|搜|聊|下单|买|私聊)|(?:淘宝|拼多多|京东|闲鱼)\s*(?:搜|店铺|下单)|进群|拉你进群/gi;

const SUGGESTIONS: Record<Platform, string> = {
	douyin:
		'Do not send contact details, links or off-platform invitations. Send a lead card (留资卡片: Douyin → Message → Send → Lead Card) so the customer can leave a number inside Douyin.',
	xiaohongshu:
		'Do not send contact details, links or off-platform invitations. Send the official business card (名片) or lead card (留资卡) component instead.',
};

const CONTACT_RULES: Record<ContactKind, GuardRule> = { phone: 'phone', wechat: 'wechat', qq: 'qq', email: 'email' };

function hostOf(link: string): string {
	return link.replace(/^(?:https?:\/\/)?/i, '').split(/[/?#:]/)[0].toLowerCase();
}

export function checkOutgoing(text: string, platform: Platform, options: GuardOptions = {}): GuardResult {
	const source = typeof text === 'string' ? text : String(text ?? '');
	const disabled = new Set(options.disabledRules ?? []);
	const violations: GuardViolation[] = [];
	const push = (rule: GuardRule, index: number, end: number) => {
		if (!disabled.has(rule)) violations.push({ rule, match: source.slice(index, end), index, end });
	};

	for (const contact of findContacts(source, { perspective: 'business' })) push(CONTACT_RULES[contact.kind], contact.index, contact.end);

	// Links and wording are searched in the NFKC form so full-width letters cannot hide them; NFKC keeps the
	// indices of these ASCII / CJK spans unless the text holds full-width ASCII, in which case we map per character.
	const folded = [...source].map((ch) => ch.normalize('NFKC').toLowerCase());
	const sameLength = folded.every((ch) => ch.length === 1);
	const view = sameLength ? folded.join('') : source.toLowerCase();
	const allowed = (options.allowedDomains ?? []).map((domain) => domain.trim().toLowerCase()).filter(Boolean);
	for (const [start, end] of spans(new RegExp(URL_PATTERN.source, 'g'), view)) {
		const host = hostOf(view.slice(start, end));
		if (allowed.some((domain) => host === domain || host.endsWith(`.${domain}`))) continue;
		if (!violations.some((v) => v.rule === 'email' && v.index <= start && v.end >= end)) push('link', start, end);
	}
	for (const [start, end] of spans(new RegExp(QR_WORDING.source, 'gi'), view)) push('qr_code', start, end);
	for (const [start, end] of spans(new RegExp(OFF_PLATFORM.source, 'gi'), view)) push('off_platform', start, end);
	for (const word of options.sensitiveWords ?? []) {
		const needle = word.trim().toLowerCase();
		if (!needle) continue;
		for (let at = view.indexOf(needle); at !== -1; at = view.indexOf(needle, at + needle.length)) push('sensitive_word', at, at + needle.length);
	}

	violations.sort((a, b) => a.index - b.index || b.end - a.end);
	return violations.length ? { allowed: false, violations, suggestion: SUGGESTIONS[platform] } : { allowed: true, violations };
}

/** Remove every offending span (overlaps merged) and tidy the whitespace left behind. */
export function stripViolations(text: string, violations: GuardViolation[]): string {
	let result = '';
	let cursor = 0;
	for (const violation of [...violations].sort((a, b) => a.index - b.index)) {
		if (violation.end <= cursor) continue;
		result += text.slice(cursor, Math.max(cursor, violation.index));
		cursor = violation.end;
	}
	result += text.slice(cursor);
	return result
		.replace(/[ \t]{2,}/g, ' ')
		.replace(/\s+([，。！？,.!?])/g, '$1')
		.replace(/([，。！？、：；])[ \t]+/g, '$1')
		.replace(/([，,])\s*(?=[，。！？,.!?]|$)/g, '')
		.trim();
}
