'use strict';
// A STAND-IN for an OpenAI-compatible chat-completions endpoint (POST /v1/chat/completions), so the demo and the
// end-to-end tests need no model. It is deterministic and rule-based: it recognises what DM AI asks for (reply,
// summary, tags) from the JSON keys in the system prompt and answers from keyword rules — it does not understand
// language. Every answer says so in `model` and `system_fingerprint`. Point the DM AI credential at a real model
// (e.g. https://api.deepseek.com/v1) to see real answers.

const MODEL = 'sandbox-stand-in';

/** Keyword rules for replies, first match wins. Texts are short and contain no contact details (the guard checks). */
const REPLY_RULES = [
	{ test: /人工|真人|客服|投诉/, intent: 'medium', handoff: true, reason: 'The customer asked for a person', messages: ['好的，已为您转接人工顾问，请稍等～'] },
	// Deliberately NON-COMPLIANT, like an unguarded model: it offers a WeChat ID. DM AI's guard must stop this reply
	// (the demo and the end-to-end tests rely on it to show the guard at work).
	{ test: /微信|vx|加你/i, intent: 'medium', messages: ['可以呀，加我微信 dmleads888 详细聊～'] },
	{ test: /\*{3,}|已留|电话是|手机号/, intent: 'high', messages: ['收到您的联系方式啦，顾问会尽快联系您～', '有其他问题也可以随时在这里问我。'] },
	{ test: /多少钱|价格|价钱|报价|费用|优惠|便宜/, intent: 'medium', messages: ['您好！具体价格要看您的需求和车型配置哦。', '留下您的联系方式，顾问给您发一份详细报价～'] },
	{ test: /地址|在哪|门店|位置|怎么去/, intent: 'medium', messages: ['我们的门店信息在主页可以看到哦～', '方便的话留个电话，顾问帮您预约到店时间。'] },
	{ test: /预约|试驾|到店|报名|购买|想买|下单/, intent: 'high', messages: ['好的，马上为您安排！', '请在下方卡片留下称呼和电话，顾问会尽快联系您确认时间。'] },
	{ test: /你好|您好|在吗|hi|hello/i, intent: 'low', messages: ['您好，欢迎咨询！请问有什么可以帮您？'] },
];

const FALLBACK = { intent: 'low', messages: ['收到～我帮您问一下顾问，稍后回复您。'] };

function lastCustomerLine(text) {
	const lines = String(text).split('\n').filter((line) => line.startsWith('Customer: '));
	return lines.length ? lines[lines.length - 1].slice('Customer: '.length) : '';
}

/** The keys DM AI asked for, read from "Answer with one JSON object … with exactly these keys: { "key": type }". */
function requestedKeys(system) {
	const block = /exactly these keys:\n\{\n([\s\S]*?)\n\}/.exec(system)?.[1] ?? '';
	return [...block.matchAll(/^\s*"([^"]+)":/gm)].map((match) => match[1]);
}

function answer(messages) {
	const system = messages.find((m) => m.role === 'system')?.content ?? '';
	const user = [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
	const keys = requestedKeys(system);
	if (keys.includes('messages') && keys.includes('handoff')) {
		const text = lastCustomerLine(user);
		const rule = REPLY_RULES.find((r) => r.test.test(text)) ?? FALLBACK;
		return { messages: rule.messages, intent: rule.intent, lead: {}, handoff: rule.handoff === true, ...(rule.handoff ? { handoff_reason: rule.reason } : {}) };
	}
	if (keys.length === 1 && keys[0] === 'tags') {
		const tags = /价格|多少钱|报价/.test(user) ? [{ tag: [...system.matchAll(/^- ([^:]+):/gm)][0]?.[1] ?? 'price', reason: 'The customer asked about the price', confidence: 0.8 }] : [];
		return { tags };
	}
	// A summary: every requested field, filled from the conversation's first customer line or left empty.
	const first = /Customer: (.*)/.exec(user)?.[1] ?? '';
	return Object.fromEntries(keys.map((key, index) => [key, index === 0 ? first : '']));
}

function createLlmStandIn({ apiKey }) {
	let completions = 0;
	return {
		name: 'llm',
		title: 'LLM stand-in (OpenAI chat completions)',
		handlers: {
			'GET /v1/models': () => ({ json: { object: 'list', data: [{ id: MODEL, object: 'model', owned_by: 'dm-leads-sandbox' }] } }),
			'POST /v1/chat/completions': ({ headers, body }) => {
				if (headers.authorization !== `Bearer ${apiKey}`) {
					return { status: 401, json: { error: { message: 'Incorrect API key provided (sandbox stand-in).', type: 'invalid_request_error', code: 'invalid_api_key' } } };
				}
				if (!Array.isArray(body.messages) || body.messages.length === 0) {
					return { status: 400, json: { error: { message: "'messages' is required", type: 'invalid_request_error', code: null } } };
				}
				const content = JSON.stringify(answer(body.messages));
				completions += 1;
				const promptChars = body.messages.reduce((sum, m) => sum + String(m.content ?? '').length, 0);
				return {
					json: {
						id: `chatcmpl-sandbox-${completions}`,
						object: 'chat.completion',
						created: Math.floor(Date.now() / 1000),
						model: MODEL,
						system_fingerprint: 'sandbox-stand-in-not-a-model',
						choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
						usage: { prompt_tokens: Math.ceil(promptChars / 2), completion_tokens: Math.ceil(content.length / 2), total_tokens: Math.ceil((promptChars + content.length) / 2) },
					},
				};
			},
		},
	};
}

module.exports = { createLlmStandIn, MODEL };
