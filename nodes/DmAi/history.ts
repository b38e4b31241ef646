import type { IDataObject } from 'n8n-workflow';

import { maskContacts } from '../shared/contactScan';
import type { HistoryTurn } from './prompts';

const BUSINESS_ROLES = new Set(['business', 'assistant', 'agent', 'bot', 'staff', 'seller', 'ai']);

/**
 * Accepts what templates and Data tables hold: an array of {role, text|content} (role customer/user or
 * business/assistant), DmEvents (type message / message_sent), or one string with "Customer:" / "Business:" lines.
 * Contact details are masked before anything reaches a model.
 */
export function normalizeHistory(value: unknown): HistoryTurn[] {
	if (value === undefined || value === null || value === '') return [];
	if (typeof value === 'string') {
		try {
			return normalizeHistory(JSON.parse(value));
		} catch {
			return value
				.split('\n')
				.map((line) => line.trim())
				.filter(Boolean)
				.map((line) => {
					const business = /^(business|assistant|商家|客服)\s*[:：]/i.test(line);
					return { role: business ? 'business' : 'customer', text: maskContacts(line.replace(/^[^:：]{1,12}[:：]\s*/, '')) };
				});
		}
	}
	if (!Array.isArray(value)) return [];
	return value
		.filter((entry): entry is IDataObject => typeof entry === 'object' && entry !== null)
		.map((entry) => {
			const message = entry.message as IDataObject | undefined;
			const text = String(entry.text ?? entry.content ?? message?.text ?? '');
			const role = String(entry.role ?? (entry.type === 'message_sent' ? 'business' : 'customer')).toLowerCase();
			return { role: BUSINESS_ROLES.has(role) ? ('business' as const) : ('customer' as const), text: maskContacts(text) };
		})
		.filter((turn) => turn.text.trim() !== '');
}
