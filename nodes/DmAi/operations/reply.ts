import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { checkOutgoing } from '../../DmGuard/guard';
import { guardOptionsFrom } from '../../DmGuard/settings';
import { extractLead } from '../../LeadExtractor/extract';
import type { Platform } from '../../shared/dmEvent';
import { askStructured } from '../ask';
import { normalizeHistory } from '../history';
import { buildReplyPrompt, REPLY_SCHEMA } from '../prompts';
import { splitMessages } from '../split';
import { chatSettings } from '../transport';

/** The customer asks for a person: hand over whatever the model says. */
const HUMAN_REQUEST = /人工|真人|转客服|找客服|客服电话|经理|投诉|human|real person|agent/i;

export async function reply(
	this: IExecuteFunctions,
	item: INodeExecutionData,
	itemIndex: number,
): Promise<{ json: IDataObject; needsReview: boolean }> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const platform = this.getNodeParameter('platform', itemIndex) as Platform;
	const message = this.getNodeParameter('message', itemIndex, '') as unknown;
	if (typeof message !== 'string' || !message.trim()) {
		throw new NodeOperationError(this.getNode(), 'There is no customer message to reply to', {
			itemIndex,
			description: 'Set Customer Message, e.g. {{ $json.message.text }} from a platform trigger.',
		});
	}
	const maxChars = Number(options.maxChars ?? 300);
	const maxMessages = Number(options.maxMessages ?? 3);
	const extracted = extractLead(message);
	const knownContacts = [
		...(extracted.phones.length ? ['phone'] : []),
		...(extracted.wechat.length ? ['WeChat'] : []),
		...(extracted.qq.length ? ['QQ'] : []),
		...(extracted.email.length ? ['e-mail'] : []),
	];

	const prompt = buildReplyPrompt({
		platform,
		persona: this.getNodeParameter('persona', itemIndex, '') as string,
		knowledge: this.getNodeParameter('knowledge', itemIndex, '') as string,
		goal: this.getNodeParameter('goal', itemIndex, '') as string,
		maxMessages,
		maxChars,
		history: normalizeHistory(this.getNodeParameter('history', itemIndex, [])),
		message: extracted.masked,
		knownContacts,
	});
	const settings = await chatSettings(this, Number(options.temperature ?? 0.3));
	const { value, usage, repaired } = await askStructured(this, settings, prompt, REPLY_SCHEMA, itemIndex);

	const { parts, dropped } = splitMessages(value.messages as string[], maxChars, maxMessages);
	const guardOptions = guardOptionsFrom(options);
	const verdicts = parts.map((text) => checkOutgoing(text, platform, guardOptions));
	const blocked = verdicts.filter((verdict) => !verdict.allowed);
	const humanAsked = HUMAN_REQUEST.test(message);
	const handoff = value.handoff === true || humanAsked;
	const modelLead = (value.lead as IDataObject | undefined) ?? {};

	const ai: IDataObject = {
		messages: parts,
		intent: value.intent as string,
		// Contacts come from the local extractor (the model only saw masked text); the model adds what it learned.
		lead: { ...modelLead, phones: extracted.phones, wechat: extracted.wechat, qq: extracted.qq, email: extracted.email },
		handoff,
		handoffReason: humanAsked && value.handoff !== true ? 'The customer asked for a person' : (value.handoff_reason ?? null),
		guard: { allowed: blocked.length === 0, violations: blocked.flatMap((verdict) => verdict.violations), suggestion: blocked[0]?.suggestion ?? null },
		droppedMessages: dropped,
		usage,
		model: settings.model,
		repaired,
	};
	const needsReview = handoff || blocked.length > 0 || parts.length === 0;
	const field = (options.outputField as string) || 'ai';
	return { json: { ...item.json, [field]: ai }, needsReview };
}
