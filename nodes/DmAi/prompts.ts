import type { ChatMessage } from './transport';
import type { Schema } from './structured';
import { describeSchema } from './structured';

/**
 * Prompt construction for DM AI. Pure: snapshot-tested (test/unit/dmAi/prompts.test.ts), so a change in wording is a
 * reviewed change. Customer text reaches the model with contact details masked (the Lead Extractor reads them
 * locally), so phone numbers never leave n8n.
 */

export interface HistoryTurn {
	role: 'customer' | 'business';
	text: string;
}

const PLATFORM_NAMES = { douyin: 'Douyin (抖音)', xiaohongshu: 'Xiaohongshu (小红书)' } as const;

function transcript(history: HistoryTurn[], latest?: string): string {
	const turns = history.map((turn) => `${turn.role === 'customer' ? 'Customer' : 'Business'}: ${turn.text}`);
	if (latest !== undefined) turns.push(`Customer: ${latest}`);
	return turns.join('\n');
}

function jsonInstruction(schema: Schema): string {
	return `Answer with one JSON object and nothing else, with exactly these keys:\n{\n${describeSchema(schema)}\n}`;
}

export const REPLY_SCHEMA: Schema = {
	messages: { type: 'string[]', required: true },
	intent: { type: 'enum', values: ['high', 'medium', 'low', 'none'], required: true },
	lead: { type: 'object' },
	handoff: { type: 'boolean', required: true },
	handoff_reason: { type: 'string' },
};

export interface ReplyPromptInput {
	platform: keyof typeof PLATFORM_NAMES;
	persona: string;
	knowledge: string;
	goal: string;
	maxMessages: number;
	maxChars: number;
	history: HistoryTurn[];
	/** The customer's latest message, contacts masked. */
	message: string;
	/** Contact kinds the customer has already left (phone, wechat…), so the model does not ask again. */
	knownContacts: string[];
}

export function buildReplyPrompt(input: ReplyPromptInput): ChatMessage[] {
	const system = [
		`You are the private-message (私信) sales assistant of a business on ${PLATFORM_NAMES[input.platform]}. Reply in the customer's language (usually Simplified Chinese), warmly and briefly, like a trained human sales assistant.`,
		`Persona: ${input.persona || 'a friendly customer advisor'}`,
		`Business facts (the only facts you may state; never invent prices, addresses or promises):\n${input.knowledge || '(none given)'}`,
		`Goal: ${input.goal}`,
		`Platform rules: never write phone numbers, WeChat/QQ IDs, e-mail addresses, links or QR-code wording, and never invite the customer to another app (加微信 etc.). To collect contact details, offer the platform's lead card (留资卡片) instead.`,
		`Send at most ${input.maxMessages} short messages of at most ${input.maxChars} characters each.`,
		`Contact details in the customer's messages are masked (e.g. 138****8000): they have been captured already.${input.knownContacts.length ? ` The customer has already left: ${input.knownContacts.join(', ')}. Do not ask for them again.` : ''}`,
		`Set "handoff" to true, and explain why in "handoff_reason", when the customer asks for a human, complains, or you are not sure of the answer from the business facts.`,
		`"intent": high = wants to buy, book or be contacted; medium = asks about price, hours, address, deals or availability; low = vague interest; none = spam, chit-chat or auto-replies.`,
		`"lead": what you learned about the customer (e.g. name, need, budget, preferred time), as short strings; omit unknown fields.`,
		jsonInstruction(REPLY_SCHEMA),
	].join('\n\n');
	return [
		{ role: 'system', content: system },
		{ role: 'user', content: `Conversation so far:\n${transcript(input.history, input.message) || '(empty)'}\n\nWrite the business's next reply.` },
	];
}

export interface SummaryField {
	name: string;
	description: string;
}

export const DEFAULT_SUMMARY_FIELDS: SummaryField[] = [
	{ name: 'need', description: 'What the customer wants (product, service, problem to solve)' },
	{ name: 'budget', description: 'Budget or price expectations the customer mentioned' },
	{ name: 'objections', description: 'Doubts, concerns or reasons not to buy yet' },
	{ name: 'nextStep', description: 'The agreed or most sensible next step for the sales team' },
	{ name: 'contact', description: 'Contact details the customer left, or how they prefer to be contacted (masked values are fine)' },
];

export function summarySchema(fields: SummaryField[]): Schema {
	return Object.fromEntries(fields.map((field) => [field.name, { type: 'string' as const }]));
}

export function buildSummaryPrompt(fields: SummaryField[], history: HistoryTurn[]): ChatMessage[] {
	const system = [
		'You summarise a private-message sales conversation (会话小结) for the sales team. Use only what was said; write "" for anything not mentioned. Write each value in the conversation\'s language, in one or two short sentences.',
		`Fields:\n${fields.map((field) => `- ${field.name}: ${field.description}`).join('\n')}`,
		jsonInstruction(summarySchema(fields)),
	].join('\n\n');
	return [
		{ role: 'system', content: system },
		{ role: 'user', content: `Conversation:\n${transcript(history) || '(empty)'}` },
	];
}

export interface TagDefinition {
	tag: string;
	description: string;
}

export const TAG_SCHEMA: Schema = { tags: { type: 'object[]', required: true } };

export function buildTagPrompt(taxonomy: TagDefinition[], history: HistoryTurn[]): ChatMessage[] {
	const system = [
		'You classify a customer from their private-message conversation against a fixed list of tags. Use only tags from the list. For each tag that applies, give a short reason quoting the conversation and a confidence between 0 and 1.',
		`Tags:\n${taxonomy.map((entry) => `- ${entry.tag}: ${entry.description}`).join('\n')}`,
		`${jsonInstruction(TAG_SCHEMA)}\nEach element of "tags" is {"tag": string, "reason": string, "confidence": number}. Use an empty array when no tag applies.`,
	].join('\n\n');
	return [
		{ role: 'system', content: system },
		{ role: 'user', content: `Conversation:\n${transcript(history) || '(empty)'}` },
	];
}

/** The one repair request after an invalid answer. */
export function buildRepairPrompt(messages: ChatMessage[], invalidAnswer: string, problems: string[], schema: Schema): ChatMessage[] {
	return [
		...messages,
		{ role: 'assistant', content: invalidAnswer },
		{
			role: 'user',
			content: `That answer cannot be used: ${problems.join('; ')}. ${jsonInstruction(schema)}`,
		},
	];
}
