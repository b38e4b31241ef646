import type { IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { authorizationCallback, authorizationPage } from './trigger/authorization';
import { handleEventWebhook } from './trigger/webhook';

export class DouyinTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Douyin Trigger',
		name: 'douyinTrigger',
		icon: { light: 'file:../../icons/douyin.svg', dark: 'file:../../icons/douyin.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		description: 'Starts the workflow on Douyin (抖音) private-message events: entered DM page, messages, lead cards',
		defaults: { name: 'Douyin Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'douyinAppApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: 'noData', path: 'webhook' },
			// One GET URL serves the authorisation page and is also the OAuth redirect_uri (webhook names are limited to
			// 'default' and 'setup'); a request carrying `code` or `state` is the callback.
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'authorize' },
		],
		properties: [
			{
				displayName:
					'Paste the production URL ending in <code>/webhook</code> into the Douyin console (开发配置 → Webhooks). One URL per app receives every event. To authorise a business account, open the URL ending in <code>/authorize</code> in a browser while the workflow is published.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: [
					{ name: 'Account Authorized or Revoked', value: 'account', description: 'Platform events authorize and unauthorize' },
					{ name: 'Customer Entered DM Page', value: 'entered_dm', description: 'Platform event im_enter_direct_msg. Reply within 30 s.' },
					{ name: 'Lead Card Submitted (留资卡)', value: 'lead', description: 'A filled retain_consult_card message' },
					{ name: 'Message Recalled', value: 'recalled', description: 'Platform event im_recall_msg (payload not yet confirmed by Douyin)' },
					{ name: 'Message Received', value: 'message', description: 'Platform event im_receive_msg. Reply within 24 h.' },
					{ name: 'Message Sent by Account', value: 'message_sent', description: 'Platform event im_send_msg. sentByHuman tells the app from the API.' },
					{ name: 'Other Platform Events', value: 'other', description: 'Any event this node does not model yet, with its raw payload' },
					{ name: 'Proactive DM Granted (主动私信)', value: 'dm_authorized', description: 'Platform event im_authorize' },
				],
				default: ['entered_dm', 'message', 'lead'],
				description: 'Which events start the workflow. Others are acknowledged and ignored.',
			},
			{
				displayName: 'Only Accounts',
				name: 'accountIds',
				type: 'string',
				default: '',
				placeholder: 'open_id_1, open_id_2',
				description: 'Comma-separated business-account open_ids. Leave empty for every account of the app.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Include Raw Payload',
						name: 'includeRaw',
						type: 'boolean',
						default: false,
						description: 'Whether to add the original Douyin payload as `raw`',
					},
				],
			},
		],
	};

	/**
	 * Douyin webhooks are registered by hand in the console (douyin.md §2.1: one verified URL per app), so there is
	 * nothing to create or delete remotely; the URL is stable because the template fixes the webhookId.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (this.getWebhookName() !== 'setup') return await handleEventWebhook(this);
		const query = this.getQueryData() as Record<string, unknown>;
		const isCallback = query.code !== undefined || query.state !== undefined || query.error !== undefined;
		return isCallback ? await authorizationCallback(this) : await authorizationPage(this);
	}
}
