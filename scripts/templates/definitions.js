'use strict';
// The workflow templates (workflows-templates/*.json) as code. `node scripts/templates/build.js` writes the JSON; the
// template test fails when the committed JSON and this file disagree.
const { PKG, CREDENTIALS, condition, filter, dataTableGet, dataTableUpsert, workflow, sticky, runSubWorkflow, subWorkflowTrigger, customerKey, customerColumns, sendTexts } = require('./builders');

const IDS = { router: 'dmLeadsRouter001', welcome: 'dmLeadsWelcome01', aiReply: 'dmLeadsAiReply01' };
const NAMES = {
	router: 'DM inbox router',
	welcome: 'DM welcome message (私信欢迎语)',
	aiReply: 'DM AI auto-reply with lead capture',
};
/** Fixed so the webhook URL is stable: <n8n>/webhook/<ROUTER_WEBHOOK_ID>/webhook. */
const ROUTER_WEBHOOK_ID = 'a1d7c0de-d0e1-4c5a-9e11-d0a1e5f00001';

const ifNode = (name, conditions, at) => ({
	name,
	type: 'n8n-nodes-base.if',
	typeVersion: 2.2,
	parameters: { conditions: filter(conditions), options: {} },
	at,
});

const switchOnType = (name, outputs, at) => ({
	name,
	type: 'n8n-nodes-base.switch',
	typeVersion: 3.2,
	parameters: {
		rules: {
			values: outputs.map(({ label, conditions }) => ({ conditions: filter(conditions), renameOutput: true, outputKey: label })),
		},
		options: {},
	},
	at,
});

const noOp = (name, at) => ({ name, type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {}, at });

// ── DM inbox router ───────────────────────────────────────────────────────────────────────────────────────────────
const router = workflow({
	id: IDS.router,
	name: NAMES.router,
	description: 'Douyin Trigger → dedupe on eventId → store customer and conversation → one sub-workflow per event type.',
	nodes: [
		sticky(
			'About',
			'## DM inbox router\nEvery Douyin DM event enters here. Duplicate deliveries (Douyin retries, same `Msg-Id`) are dropped on `eventId`; the conversation of every event that opens a reply window is stored in the **dm_conversations** Data table (later sends use it); then each event type goes to its sub-workflow.\n\nWebhook URL for the Douyin console: the trigger\'s production URL ending in `/webhook`.',
			[0, -1.6],
			[560, 240],
		),
		{
			name: 'Douyin Trigger',
			type: `${PKG}.douyinTrigger`,
			typeVersion: 1,
			webhookId: ROUTER_WEBHOOK_ID,
			parameters: { events: ['entered_dm', 'message', 'lead', 'message_sent'], accountIds: '', options: {} },
			credentials: { douyinAppApi: CREDENTIALS.douyinAppApi },
			at: [0, 0],
		},
		{
			name: 'Remove Duplicates',
			type: 'n8n-nodes-base.removeDuplicates',
			typeVersion: 2,
			parameters: { operation: 'removeItemsSeenInPreviousExecutions', logic: 'removeItemsWithAlreadySeenKeyValues', dedupeValue: '={{ $json.eventId }}', options: {} },
			at: [1, 0],
		},
		ifNode('Opens a Reply Window?', [condition('={{ !!$json.conversation?.replyToken }}', 'isTrue')], [2, 0]),
		{
			name: 'Save Conversation',
			type: 'n8n-nodes-base.dataTable',
			typeVersion: 1,
			parameters: dataTableUpsert('dm_conversations', customerKey(), {
				...customerColumns(),
				nickname: "={{ $json.customer.nickname ?? '' }}",
				conversation: '={{ JSON.stringify($json.conversation) }}',
				lastEventType: '={{ $json.type }}',
				lastEventAt: '={{ $now }}',
			}),
			at: [3, -0.6],
		},
		{
			name: 'Touch Customer',
			type: 'n8n-nodes-base.dataTable',
			typeVersion: 1,
			parameters: dataTableUpsert('dm_conversations', customerKey(), {
				...customerColumns(),
				lastEventType: '={{ $json.type }}',
				lastEventAt: '={{ $now }}',
			}),
			at: [3, 0.6],
		},
		{
			// The Data table node outputs the stored row; the sub-workflows need the event itself.
			name: 'Event',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: { mode: 'raw', jsonOutput: "={{ JSON.stringify($('Remove Duplicates').first().json) }}", options: {} },
			at: [4, 0],
		},
		switchOnType(
			'Route by Event Type',
			[
				{ label: 'Entered DM', conditions: [condition('={{ $json.type }}', 'equals', 'entered_dm')] },
				{ label: 'Message, Lead or Sent', conditions: [condition("={{ ['message', 'lead', 'message_sent'].includes($json.type) ? 'yes' : 'no' }}", 'equals', 'yes')] },
			],
			[5, 0],
		),
		runSubWorkflow('Run Welcome Message', IDS.welcome, NAMES.welcome, [6, -0.5]),
		runSubWorkflow('Run AI Auto-Reply', IDS.aiReply, NAMES.aiReply, [6, 0.5]),
	],
	connections: {
		'Douyin Trigger': [['Remove Duplicates']],
		'Remove Duplicates': [['Opens a Reply Window?']],
		'Opens a Reply Window?': [['Save Conversation'], ['Touch Customer']],
		'Save Conversation': [['Event']],
		'Touch Customer': [['Event']],
		Event: [['Route by Event Type']],
		'Route by Event Type': [['Run Welcome Message'], ['Run AI Auto-Reply']],
	},
});

// ── Welcome message (私信欢迎语) ───────────────────────────────────────────────────────────────────────────────────
const EVENT = "$('When Called by the Router').first().json";
const CONFIG = "$('Get Welcome Config').first().json";
const TODAY = "$now.toFormat('yyyy-MM-dd')";

const welcome = workflow({
	id: IDS.welcome,
	name: NAMES.welcome,
	description: 'On entered_dm: up to 3 configured messages within the 30 s window; at most 3 welcomes per customer a day, none within 1 h.',
	nodes: [
		sticky(
			'About',
			'## Welcome message (私信欢迎语)\nWhen a customer opens the DM page, Douyin allows up to **3 messages within 30 s**. The messages come from the **dm_welcome_config** Data table (one row per account: `accountId`, `enabled`, `message1`–`message3`). A customer gets at most **3 welcomes a day** and none within **1 h** of the previous one (history in **dm_welcomes**).',
			[0, -1.6],
			[560, 240],
		),
		subWorkflowTrigger([0, 0]),
		{
			name: 'Get Welcome Config',
			type: 'n8n-nodes-base.dataTable',
			typeVersion: 1,
			parameters: dataTableGet('dm_welcome_config', '={{ $json.account.id }}', 'accountId'),
			at: [1, 0],
		},
		{
			name: 'Get Welcome History',
			type: 'n8n-nodes-base.dataTable',
			typeVersion: 1,
			alwaysOutputData: true,
			parameters: dataTableGet('dm_welcomes', customerKey(EVENT)),
			at: [2, 0],
		},
		ifNode(
			'Welcome Allowed?',
			[
				condition(`={{ ${CONFIG}.enabled === true }}`, 'isTrue'),
				condition('={{ !$json.lastWelcomeAt || Date.now() - new Date($json.lastWelcomeAt).getTime() >= 60 * 60 * 1000 }}', 'isTrue'),
				condition(`={{ $json.welcomeDay !== ${TODAY} || Number($json.welcomesToday) < 3 }}`, 'isTrue'),
			],
			[3, 0],
		),
		{
			// Recorded before sending: a second enter event racing this one sees the welcome and stays quiet.
			name: 'Record Welcome',
			type: 'n8n-nodes-base.dataTable',
			typeVersion: 1,
			parameters: dataTableUpsert('dm_welcomes', customerKey(EVENT), {
				key: customerKey(EVENT),
				accountId: `={{ ${EVENT}.account.id }}`,
				customerId: `={{ ${EVENT}.customer.id }}`,
				lastWelcomeAt: '={{ $now }}',
				welcomeDay: `={{ ${TODAY} }}`,
				welcomesToday: `={{ $json.welcomeDay === ${TODAY} ? Number($json.welcomesToday) + 1 : 1 }}`,
			}),
			at: [4, -0.4],
		},
		noOp('Not Now (Limit Reached)', [4, 0.6]),
		...sendTexts(
			'Welcome',
			`={{ [${CONFIG}.message1, ${CONFIG}.message2, ${CONFIG}.message3].filter((text) => typeof text === 'string' && text.trim() !== '').slice(0, 3) }}`,
			`={{ ${EVENT}.conversation }}`,
			[5, -0.4],
		),
	],
	connections: {
		'When Called by the Router': [['Get Welcome Config']],
		'Get Welcome Config': [['Get Welcome History']],
		'Get Welcome History': [['Welcome Allowed?']],
		'Welcome Allowed?': [['Record Welcome'], ['Not Now (Limit Reached)']],
		'Record Welcome': [['Welcome Messages']],
		'Welcome Messages': [['One Item per Welcome Message']],
		'One Item per Welcome Message': [['Send Welcome']],
	},
});

// ── AI auto-reply with lead capture ──────────────────────────────────────────────────────────────────────────────
const SETTINGS = "$('Settings').first().json";

const aiReply = workflow({
	id: IDS.aiReply,
	name: NAMES.aiReply,
	description: 'On message: Lead Extractor → DM AI Reply (guarded) → Douyin Send; contacts and lead cards become dm_leads rows; a person replying in the app pauses the AI.',
	nodes: [
		sticky(
			'About',
			'## AI auto-reply with lead capture\n- **Message** → Lead Extractor; a phone or WeChat ID becomes a **dm_leads** row (phones as +86…).\n- The AI answers unless a person at the business replied in the Douyin app recently (**handoff**: `aiPausedUntil` in dm_conversations, set `handoffPauseMinutes` in Settings).\n- Every AI reply passes the DM Guard twice (in DM AI and in Send). Handoffs and blocked replies leave through **Needs Review**.\n- **Lead card** (留资卡) submissions become dm_leads rows.',
			[0, -1.9],
			[620, 280],
		),
		subWorkflowTrigger([0, 0]),
		{
			name: 'Settings',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: {
				assignments: { assignments: [{ id: 'b3c1f5d2-0d4e-4a7b-9c1e-5a0f00000001', name: 'handoffPauseMinutes', value: 30, type: 'number' }] },
				includeOtherFields: true,
				options: {},
			},
			at: [1, 0],
		},
		switchOnType(
			'Route by Event Type',
			[
				{ label: 'Message', conditions: [condition('={{ $json.type }}', 'equals', 'message')] },
				{ label: 'Lead Card', conditions: [condition('={{ $json.type }}', 'equals', 'lead')] },
				{ label: 'Person Replied in App', conditions: [condition("={{ $json.type === 'message_sent' && $json.sentByHuman === true ? 'yes' : 'no' }}", 'equals', 'yes')] },
			],
			[2, 0],
		),
		{
			name: 'Lead Extractor',
			type: `${PKG}.leadExtractor`,
			typeVersion: 1,
			parameters: { text: '={{ $json.message?.text ?? "" }}', routeByContact: true, options: {} },
			at: [3, -0.8],
		},
		{
			name: 'Save Lead',
			type: 'n8n-nodes-base.dataTable',
			typeVersion: 1,
			parameters: dataTableUpsert('dm_leads', customerKey(), {
				...customerColumns(),
				nickname: "={{ $json.customer.nickname ?? '' }}",
				name: "={{ $json.lead.fields?.['姓名'] ?? $json.lead.fields?.['称呼'] ?? '' }}",
				phone: "={{ $json.lead.phones[0] ?? '' }}",
				wechat: "={{ $json.lead.wechat[0] ?? '' }}",
				source: "={{ $json.type === 'lead' ? 'lead_card' : 'message' }}",
				intent: "={{ $json.lead.intent ?? 'high' }}",
				capturedAt: '={{ $now }}',
			}),
			at: [4, -1.4],
		},
		{
			name: 'Get Conversation',
			type: 'n8n-nodes-base.dataTable',
			typeVersion: 1,
			alwaysOutputData: true,
			parameters: dataTableGet('dm_conversations', customerKey(SETTINGS)),
			at: [4, -0.4],
		},
		ifNode('Person Handling It?', [condition('={{ !!$json.aiPausedUntil && new Date($json.aiPausedUntil).getTime() > Date.now() }}', 'isTrue')], [5, -0.4]),
		noOp('AI Paused (Handoff)', [6, -1.1]),
		{
			name: 'DM AI Reply',
			type: `${PKG}.dmAi`,
			typeVersion: 1,
			parameters: {
				operation: 'reply',
				platform: 'douyin',
				message: `={{ ${SETTINGS}.message.text }}`,
				history: '={{ [] }}',
				persona: '星辰汽车4S店的顾问小美，热情、专业、说话简短',
				knowledge: '门店：星辰汽车4S店。主营新能源SUV与轿车，支持预约试驾，到店有礼。具体价格以顾问报价为准。',
				goal: 'Answer the question, then collect a phone number; offer the lead card (留资卡片) when intent is high.',
				options: {},
			},
			credentials: { dmAiApi: CREDENTIALS.dmAiApi },
			at: [6, -0.2],
		},
		noOp('Needs Review (Notify a Person)', [7, 0.5]),
		...sendTexts('Reply', '={{ $json.ai.messages }}', `={{ ${SETTINGS}.conversation }}`, [7, -0.4]),
		{
			name: 'Pause AI for This Conversation',
			type: 'n8n-nodes-base.dataTable',
			typeVersion: 1,
			parameters: dataTableUpsert('dm_conversations', customerKey(), {
				...customerColumns(),
				aiPausedUntil: '={{ $now.plus($json.handoffPauseMinutes, "minutes") }}',
			}),
			at: [3, 1.2],
		},
	],
	connections: {
		'When Called by the Router': [['Settings']],
		Settings: [['Route by Event Type']],
		'Route by Event Type': [['Lead Extractor'], ['Save Lead'], ['Pause AI for This Conversation']],
		'Lead Extractor': [['Save Lead', 'Get Conversation'], ['Get Conversation']],
		'Get Conversation': [['Person Handling It?']],
		'Person Handling It?': [['AI Paused (Handoff)'], ['DM AI Reply']],
		'DM AI Reply': [['Reply Messages'], ['Needs Review (Notify a Person)']],
		'Reply Messages': [['One Item per Reply Message']],
		'One Item per Reply Message': [['Send Reply']],
	},
});

const TEMPLATES = [
	{ file: 'dm-inbox-router.json', workflow: router },
	{ file: 'dm-welcome-message.json', workflow: welcome },
	{ file: 'dm-ai-auto-reply.json', workflow: aiReply },
];

module.exports = { TEMPLATES, IDS, ROUTER_WEBHOOK_ID };
