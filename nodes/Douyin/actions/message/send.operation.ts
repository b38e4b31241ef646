import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { checkOutgoing } from '../../../DmGuard/guard';
import { guardOptionsFrom } from '../../../DmGuard/settings';
import { maskContacts } from '../../../shared/contactScan';
import type { DmConversation } from '../../../shared/dmEvent';
import { validateConversation } from '../../../shared/validate';
import type { NotSentReason } from '../../../shared/window';
import { checkSendWindow, initialMessagesLeft, windowExpiresAt } from '../../../shared/window';
import { SEND_REFUSALS } from '../../transport/errors';
import { DouyinApiFailure } from '../../transport/request';
import type { DouyinTransport, OutgoingMessage } from '../../transport/types';
import type { DouyinOperation } from '../common';
import { asNodeError, forOperation } from '../common';
import { readImageBinary } from '../image/upload.operation';

const SCENE_OPTIONS = [
	{ name: 'Reply to a Message (Im_replay_msg)', value: 'im_replay_msg' },
	{ name: 'Reply to Entered DM Page (Im_enter_direct_msg)', value: 'im_enter_direct_msg' },
	{ name: 'B2B Outreach (Im_b2b_direct_message)', value: 'im_b2b_direct_message' },
	{ name: 'Proactive DM (Im_authorize_message)', value: 'im_authorize_message' },
];

export const description: INodeProperties[] = forOperation('message', 'send', [
	{
		displayName: 'Reply To',
		name: 'replyTo',
		type: 'options',
		options: [
			{
				name: 'Conversation From Input',
				value: 'conversation',
				description: 'The conversation of a Douyin Trigger event, or one stored in a Data table',
			},
			{ name: 'Define Below', value: 'define', description: 'Enter the customer and message IDs yourself' },
		],
		default: 'conversation',
	},
	{
		displayName: 'Conversation',
		name: 'conversation',
		type: 'json',
		default: '={{ $json.conversation }}',
		required: true,
		displayOptions: { show: { replyTo: ['conversation'] } },
		hint: 'A DmEvent conversation: platform, accountId, customerId, id, replyToken, scene, windowKind, receivedAt, windowExpiresAt, messagesLeft',
	},
	{
		displayName: 'Customer Open ID',
		name: 'customerId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { replyTo: ['define'] } },
		description: 'The open_id of the customer (to_user_id)',
	},
	{
		displayName: 'Reply Message ID',
		name: 'replyMessageId',
		type: 'string',
		default: '',
		displayOptions: { show: { replyTo: ['define'] } },
		description:
			'The server_message_id of the received or entered-DM event (msg_id, valid 24 h). Never the ID of a message the account sent.',
	},
	{
		displayName: 'Conversation ID',
		name: 'conversationId',
		type: 'string',
		default: '',
		displayOptions: { show: { replyTo: ['define'] } },
		description: 'The conversation_short_id of the same event',
	},
	{
		displayName: 'Scene',
		name: 'scene',
		type: 'options',
		options: SCENE_OPTIONS,
		default: 'im_replay_msg',
		displayOptions: { show: { replyTo: ['define'] } },
	},
	{
		displayName: 'Event Time',
		name: 'eventTime',
		type: 'dateTime',
		default: '',
		displayOptions: { show: { replyTo: ['define'] } },
		description: 'When the customer sent the message or entered the DM page. Used to check the send window before calling Douyin; leave empty to let Douyin decide.',
	},
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		options: [
			{ name: 'Applet Card', value: 'appletCard' },
			{ name: 'Image', value: 'image' },
			{ name: 'Lead Card (留资卡片)', value: 'leadCard' },
			{ name: 'Raw Content JSON', value: 'raw', description: 'Send a content object you build yourself' },
			{ name: 'Text', value: 'text' },
			{ name: 'Video', value: 'video', description: 'A video published by the account' },
		],
		default: 'text',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		displayOptions: { show: { messageType: ['text'] } },
	},
	{
		displayName: 'Image Source',
		name: 'imageSource',
		type: 'options',
		options: [
			{ name: 'Image ID', value: 'id', description: 'An image_id returned by Image → Upload' },
			{ name: 'Binary File From Input', value: 'binary', description: 'Upload the file first (≤10 MB; JPEG, PNG, BMP, WebP)' },
		],
		default: 'id',
		displayOptions: { show: { messageType: ['image'] } },
	},
	{
		displayName: 'Image ID',
		name: 'imageId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { messageType: ['image'], imageSource: ['id'] } },
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show: { messageType: ['image'], imageSource: ['binary'] } },
	},
	{
		displayName: 'Video Item ID',
		name: 'itemId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { messageType: ['video'] } },
		description: 'The item_id of a video the account has published (uploaded files cannot be sent)',
	},
	{
		displayName: 'Lead Card',
		name: 'cardId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: { show: { messageType: ['leadCard'] } },
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchLeadCards', searchable: true } },
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: '7123456789012345678' },
		],
	},
	{
		displayName: 'Applet App ID',
		name: 'appletAppId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { messageType: ['appletCard'] } },
	},
	{
		displayName: 'Card Template ID',
		name: 'cardTemplateId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { messageType: ['appletCard'] } },
	},
	{
		displayName: 'Applet Path',
		name: 'appletPath',
		type: 'string',
		default: '',
		displayOptions: { show: { messageType: ['appletCard'] } },
	},
	{
		displayName: 'Applet Query',
		name: 'appletQuery',
		type: 'string',
		default: '',
		displayOptions: { show: { messageType: ['appletCard'] } },
	},
	{
		displayName: 'Content JSON',
		name: 'rawContent',
		type: 'json',
		default: '{\n  "msg_type": 1,\n  "text": { "text": "" }\n}',
		required: true,
		displayOptions: { show: { messageType: ['raw'] } },
		description: 'The `content` object of /im/send/msg/, sent unchanged',
	},
	{
		displayName: 'When Not Sent',
		name: 'onNotSent',
		type: 'options',
		options: [
			{
				name: 'Route to "Not Sent" Output',
				value: 'route',
				description: 'Closed windows and platform refusals (e.g. rate limit) go to the second output with a reason',
			},
			{ name: 'Stop With an Error', value: 'fail' },
		],
		default: 'route',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Compliance Guard',
				name: 'guard',
				type: 'boolean',
				default: true,
				description:
					'Whether to check text messages with the DM Guard first (contact details, links, QR codes, off-platform invitations); blocked messages go to Not Sent',
			},
			{
				displayName: 'Guard Sensitive Words',
				name: 'sensitiveWords',
				type: 'string',
				default: '',
				description: 'Comma-separated words the guard must also block',
			},
			{
				displayName: 'Check Send Window',
				name: 'checkWindow',
				type: 'boolean',
				default: true,
				description:
					'Whether to refuse sends outside the window before calling Douyin: 24 h after a message, 30 s and 3 messages after the customer enters the DM page',
			},
		],
	},
]);

function parseJsonParameter(ctx: IExecuteFunctions, name: string, itemIndex: number): unknown {
	const value = ctx.getNodeParameter(name, itemIndex);
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch {
		throw new NodeOperationError(ctx.getNode(), `The "${name}" parameter is not valid JSON`, { itemIndex });
	}
}

/** The conversation to reply on: from the input (validated) or defined by hand for the credential's account. */
function targetConversation(ctx: IExecuteFunctions, transport: DouyinTransport, itemIndex: number, nowMs: number): DmConversation {
	if (ctx.getNodeParameter('replyTo', itemIndex) === 'conversation') {
		const result = validateConversation(parseJsonParameter(ctx, 'conversation', itemIndex));
		if (!result.ok) {
			throw new NodeOperationError(ctx.getNode(), 'The input has no usable conversation to reply to', {
				itemIndex,
				description: `${result.problems.join('; ')}. Connect the Douyin Trigger (or a Data table row holding its conversation), or choose Reply To → Define Below.`,
			});
		}
		const conversation = result.value;
		if (conversation.platform !== 'douyin') {
			throw new NodeOperationError(ctx.getNode(), `This conversation belongs to ${conversation.platform}, not Douyin`, { itemIndex });
		}
		if (conversation.accountId !== transport.accountId) {
			throw new NodeOperationError(
				ctx.getNode(),
				`This conversation belongs to Douyin account ${conversation.accountId}, but the credential is for account ${transport.accountId}`,
				{
					itemIndex,
					description:
						'Route items by account first (e.g. a Switch node on {{ $json.account.id }}) and give each branch a Douyin node with that account\'s credential.',
				},
			);
		}
		return conversation;
	}

	const scene = ctx.getNodeParameter('scene', itemIndex) as string;
	const windowKind = scene === 'im_enter_direct_msg' ? 'entered_dm' : scene === 'im_replay_msg' ? 'message' : 'proactive';
	const eventTime = ctx.getNodeParameter('eventTime', itemIndex, '') as string;
	const receivedAtMs = eventTime ? Date.parse(eventTime) : nowMs;
	return {
		platform: 'douyin',
		accountId: transport.accountId,
		customerId: ctx.getNodeParameter('customerId', itemIndex) as string,
		id: (ctx.getNodeParameter('conversationId', itemIndex, '') as string) || null,
		replyToken: (ctx.getNodeParameter('replyMessageId', itemIndex, '') as string) || null,
		scene,
		windowKind,
		receivedAt: new Date(receivedAtMs).toISOString(),
		windowExpiresAt: windowExpiresAt('douyin', windowKind, receivedAtMs),
		messagesLeft: initialMessagesLeft('douyin', windowKind),
	};
}

async function outgoingMessage(ctx: IExecuteFunctions, transport: DouyinTransport, itemIndex: number): Promise<OutgoingMessage> {
	const type = ctx.getNodeParameter('messageType', itemIndex) as string;
	switch (type) {
		case 'text': {
			const text = ctx.getNodeParameter('text', itemIndex) as string;
			if (!text.trim()) throw new NodeOperationError(ctx.getNode(), 'The text to send is empty', { itemIndex });
			return { type: 'text', text };
		}
		case 'image': {
			if (ctx.getNodeParameter('imageSource', itemIndex) === 'id') {
				return { type: 'image', imageId: ctx.getNodeParameter('imageId', itemIndex) as string };
			}
			const uploaded = await transport.uploadImage(await readImageBinary(ctx, itemIndex));
			return { type: 'image', imageId: String(uploaded.image_id) };
		}
		case 'video':
			return { type: 'video', itemId: ctx.getNodeParameter('itemId', itemIndex) as string };
		case 'leadCard':
			return { type: 'leadCard', cardId: ctx.getNodeParameter('cardId', itemIndex, '', { extractValue: true }) as string };
		case 'appletCard':
			return {
				type: 'appletCard',
				appId: ctx.getNodeParameter('appletAppId', itemIndex) as string,
				cardTemplateId: ctx.getNodeParameter('cardTemplateId', itemIndex) as string,
				path: (ctx.getNodeParameter('appletPath', itemIndex, '') as string) || undefined,
				query: (ctx.getNodeParameter('appletQuery', itemIndex, '') as string) || undefined,
			};
		default: {
			const content = parseJsonParameter(ctx, 'rawContent', itemIndex);
			if (typeof content !== 'object' || content === null || Array.isArray(content) || !('msg_type' in content)) {
				throw new NodeOperationError(ctx.getNode(), 'Content JSON must be an object with a "msg_type" field', { itemIndex });
			}
			return { type: 'raw', content: content as IDataObject };
		}
	}
}

interface NotSent {
	reason: NotSentReason;
	detail: string;
	platformCode?: number;
}

/**
 * Send one message per item. Window rules are checked first (shared/window.ts); items of the same run that answer the
 * same event share its message budget, since the node keeps no state between runs.
 */
export const execute: DouyinOperation = async function (transport, items) {
	const sent: INodeExecutionData[] = [];
	const notSent: INodeExecutionData[] = [];
	const sentPerWindow = new Map<string, number>();
	// The output layout is structural, so it is read once (it decides whether the node has a second output).
	const onNotSent = this.getNodeParameter('onNotSent', 0) as 'route' | 'fail';
	const errorOutput = onNotSent === 'fail' ? sent : notSent;

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const checkWindow = options.checkWindow !== false;
		const input = items[itemIndex].json;
		const refuse = (why: NotSent) => {
			if (onNotSent === 'fail') {
				throw new NodeOperationError(this.getNode(), `Not sent: ${why.detail}`, {
					itemIndex,
					description: `Reason: ${why.reason}${why.platformCode ? ` (Douyin ${why.platformCode})` : ''}`,
				});
			}
			notSent.push({
				json: { ...input, notSent: { ...why, at: new Date().toISOString() } },
				pairedItem: { item: itemIndex },
			});
		};

		try {
			const nowMs = Date.now();
			const conversation = targetConversation(this, transport, itemIndex, nowMs);
			const windowKey = `${conversation.accountId}:${conversation.replyToken ?? conversation.customerId}`;
			const sentEarlier = sentPerWindow.get(windowKey) ?? 0;
			let messagesLeftAfter = conversation.messagesLeft;
			if (checkWindow) {
				const decision = checkSendWindow(conversation, nowMs, sentEarlier);
				if (!decision.allowed) {
					refuse({ reason: decision.reason, detail: decision.detail });
					continue;
				}
				messagesLeftAfter = decision.messagesLeftAfter;
			}

			const message = await outgoingMessage(this, transport, itemIndex);
			if (message.type === 'text' && options.guard !== false) {
				const verdict = checkOutgoing(message.text, 'douyin', guardOptionsFrom(options));
				if (!verdict.allowed) {
					refuse({
						reason: 'guard_blocked',
						// Matches are masked: this detail lands in execution data and error messages.
						detail: `The DM Guard blocked this text: ${verdict.violations.map((v) => `${v.rule} "${maskContacts(v.match)}"`).join(', ')}. ${verdict.suggestion ?? ''}`.trim(),
					});
					continue;
				}
			}
			let result;
			try {
				result = await transport.sendMessage(
					{
						customerId: conversation.customerId,
						replyToken: conversation.replyToken,
						conversationId: conversation.id,
						scene: conversation.scene,
					},
					message,
				);
			} catch (error) {
				const refusal = error instanceof DouyinApiFailure ? SEND_REFUSALS[error.envelope.code] : undefined;
				if (!refusal) throw asNodeError(this, error, itemIndex);
				refuse({ reason: refusal, detail: error.message, platformCode: (error as DouyinApiFailure).envelope.code });
				continue;
			}

			sentPerWindow.set(windowKey, sentEarlier + 1);
			sent.push({
				json: {
					...input,
					conversation: { ...conversation, messagesLeft: messagesLeftAfter } as unknown as IDataObject,
					sent: {
						messageId: result.messageId,
						messageType: message.type,
						scene: conversation.scene ?? 'im_replay_msg',
						at: new Date().toISOString(),
					},
				},
				pairedItem: { item: itemIndex },
			});
		} catch (error) {
			const nodeError = asNodeError(this, error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			errorOutput.push({ json: { ...input, error: nodeError.message }, pairedItem: { item: itemIndex } });
		}
	}
	return onNotSent === 'fail' ? [sent] : [sent, notSent];
};
