import type { ContactMatch } from '../shared/contactScan';
import { findContacts, maskContacts } from '../shared/contactScan';
import type { IntentKeywords } from './keywords';
import { mergedKeywords } from './keywords';

/**
 * Turns a customer's free-text message into a structured lead. Pure, no I/O, fast enough to run on every message
 * (bench/extract.bench.mjs). The names of the result are a contract: benchmarks and other nodes rely on them.
 */

export type Intent = 'high' | 'medium' | 'low' | 'none';

export interface LeadExtraction {
	/** E.164 (`+86…`): mainland mobiles and landlines. */
	phones: string[];
	wechat: string[];
	qq: string[];
	email: string[];
	intent: Intent;
	/** 0–1, higher = more likely to convert. */
	intentScore: number;
	/** Why: `contact:phone`, `high:预约`, `none:自动回复`, obfuscation evidence… */
	signals: string[];
	/** The text with every contact masked. */
	masked: string;
	/** Where each contact was found. */
	contacts: ContactMatch[];
}

export interface ExtractOptions {
	/** Intent keywords; defaults to every vertical's Chinese keywords. */
	keywords?: IntentKeywords;
	/** Read landlines with an area code as phones (default true). */
	landlines?: boolean;
}

const DEFAULT_KEYWORDS = mergedKeywords();
const SCORES: Record<Intent, number> = { high: 0.9, medium: 0.6, low: 0.3, none: 0 };
/** A brush-off overrides everything else ("不需要了"), so does spam that happens to carry a contact. */
const LEVELS: Intent[] = ['high', 'medium', 'low'];

const unique = (values: string[]) => [...new Set(values)];

/** Proposing a time is booking: "5月12号下午3点可以吗", "八点到". */
const TIME_PROPOSAL = /(?:\d{1,2}|[一二三四五六七八九十两]{1,3})\s*(?:点|号|日)(?:半|钟)?[^。！？!?]{0,6}?(?:可以吗|行吗|有空吗|能约|到店|过去|过来|到)/;
/** A question still shows some interest when no keyword says more. */
const QUESTION_ENDING = /(?:[?？]|吗|呢|么)\s*$/;

function normalizeForKeywords(text: string): string {
	return text.normalize('NFKC').toLowerCase();
}

export function extractLead(text: string, options: ExtractOptions = {}): LeadExtraction {
	const source = typeof text === 'string' ? text : String(text ?? '');
	const contacts = findContacts(source, { landlines: options.landlines });
	const keywords = options.keywords ?? DEFAULT_KEYWORDS;
	const haystack = normalizeForKeywords(source);
	const signals: string[] = [];

	const byKind = (kind: ContactMatch['kind']) => unique(contacts.filter((c) => c.kind === kind).map((c) => c.value));
	const phones = byKind('phone');
	const wechat = byKind('wechat');
	const qq = byKind('qq');
	const email = byKind('email');
	for (const contact of contacts) signals.push(`contact:${contact.kind}`, ...contact.evidence.map((e) => `evidence:${e}`));

	const hits: Record<Intent, string[]> = { high: [], medium: [], low: [], none: [] };
	for (const level of ['none', ...LEVELS] as Intent[]) {
		for (const word of keywords[level]) {
			if (!word || !haystack.includes(word)) continue;
			hits[level].push(word);
			signals.push(`${level}:${word}`);
		}
	}

	if (TIME_PROPOSAL.test(haystack)) {
		hits.high.push('time proposal');
		signals.push('high:time proposal');
	}

	let intent: Intent;
	if (hits.none.length) intent = 'none';
	else if (contacts.length || hits.high.length) intent = 'high';
	else if (hits.medium.length) intent = 'medium';
	else if (hits.low.length) intent = 'low';
	else if (QUESTION_ENDING.test(source)) {
		intent = 'low';
		signals.push('low:question');
	} else intent = 'none';

	// More evidence of the same level nudges the score up, never past the next level.
	const strength = intent === 'none' ? 0 : Math.min(0.09, 0.03 * (hits[intent].length + (intent === 'high' ? contacts.length : 0) - 1));
	return {
		phones,
		wechat,
		qq,
		email,
		intent,
		intentScore: Math.round((SCORES[intent] + Math.max(0, strength)) * 100) / 100,
		signals: unique(signals),
		masked: maskContacts(source, contacts),
		contacts,
	};
}
