import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { guardSettingsProperties } from '../DmGuard/settings';
import { PLATFORM_OPTIONS } from '../shared/parameters';
import { DEFAULT_SUMMARY_FIELDS } from './prompts';

const show = (operation: string[]) => ({ show: { operation } });

export const dmAiProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Reply', value: 'reply', action: 'Write a reply to a customer', description: 'Answer like a trained sales assistant, guarded before it leaves' },
			{ name: 'Summarize Conversation', value: 'summarize', action: 'Summarize a conversation', description: 'Structured conversation summary (会话小结)' },
			{ name: 'Tag', value: 'tag', action: 'Tag a customer', description: 'Classify the customer against your tags' },
		],
		default: 'reply',
	},
	{
		displayName: 'Platform',
		name: 'platform',
		type: 'options',
		options: PLATFORM_OPTIONS,
		default: 'douyin',
		displayOptions: show(['reply']),
		description: 'Whose rules the reply must follow (checked by the DM Guard)',
	},
	{
		displayName: 'Customer Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '={{ $json.message?.text ?? $json.text }}',
		displayOptions: show(['reply']),
		description: 'The message to answer. By default the text of a DmEvent.',
	},
	{
		displayName: 'Conversation History',
		name: 'history',
		type: 'json',
		default: '={{ $json.history ?? [] }}',
		displayOptions: show(['reply']),
		description: 'Earlier turns, oldest first: [{ "role": "customer" | "business", "text": "…" }] (DmEvents work too)',
	},
	{
		displayName: 'Conversation',
		name: 'conversation',
		type: 'json',
		default: '={{ $json.history ?? [] }}',
		displayOptions: show(['summarize', 'tag']),
		description: 'The whole conversation, oldest first: [{ "role": "customer" | "business", "text": "…" }], or "Customer: …" lines',
	},
	{
		displayName: 'Persona',
		name: 'persona',
		type: 'string',
		default: '门店的资深顾问小美，热情、专业、说话简短',
		displayOptions: show(['reply']),
	},
	{
		displayName: 'Business Facts',
		name: 'knowledge',
		type: 'string',
		typeOptions: { rows: 6 },
		default: '',
		placeholder: '营业时间 10:00-22:00；地址 朝阳区建国路88号；双人套餐 199 元…',
		displayOptions: show(['reply']),
		description: 'Prices, opening hours, address, offers, FAQs. The AI states nothing beyond these.',
	},
	{
		displayName: 'Goal',
		name: 'goal',
		type: 'string',
		typeOptions: { rows: 2 },
		default: 'Answer the question, then collect a phone number; offer the lead card (留资卡片) when intent is high.',
		displayOptions: show(['reply']),
	},
	{
		displayName: 'Summary Fields',
		name: 'fields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: { field: DEFAULT_SUMMARY_FIELDS as unknown as INodeParameters[] },
		displayOptions: show(['summarize']),
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'What to Extract', name: 'description', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Tags',
		name: 'taxonomy',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Tag',
		default: {
			tag: [
				{ tag: '高意向', description: 'Wants to buy or book soon, or left contact details' },
				{ tag: '价格敏感', description: 'Mostly asks about price, discounts or deals' },
				{ tag: '需跟进', description: 'Interested but undecided; a salesperson should follow up' },
			],
		},
		displayOptions: show(['tag']),
		options: [
			{
				displayName: 'Tag',
				name: 'tag',
				values: [
					{ displayName: 'Tag', name: 'tag', type: 'string', default: '' },
					{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'When the tag applies' },
				],
			},
		],
	},
	{
		displayName: 'Confidence Threshold',
		name: 'threshold',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
		default: 0.6,
		displayOptions: show(['tag']),
		description: 'Tags below this confidence are left out (and listed under rejected)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Max Characters per Message',
				name: 'maxChars',
				type: 'number',
				typeOptions: { minValue: 20 },
				default: 300,
				description: 'Longer replies are split at sentence ends (a third-party Douyin client caps text at 1000; not official)',
			},
			{
				displayName: 'Max Messages',
				name: 'maxMessages',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 3,
				description: 'At most this many messages per reply (3 fits Douyin\'s entered-DM window)',
			},
			{
				displayName: 'Output Field',
				name: 'outputField',
				type: 'string',
				default: 'ai',
			},
			{
				displayName: 'Temperature',
				name: 'temperature',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 2, numberPrecision: 1 },
				default: 0.3,
			},
			...guardSettingsProperties,
		],
	},
];
