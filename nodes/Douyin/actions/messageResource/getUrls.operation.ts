import type { INodeProperties } from 'n8n-workflow';

import type { DouyinOperation } from '../common';
import { eachItem, forOperation } from '../common';

export const description: INodeProperties[] = forOperation('messageResource', 'getUrls', [
	{
		displayName: 'Conversation ID',
		name: 'conversationId',
		type: 'string',
		default: '={{ $json.conversation.id }}',
		required: true,
	},
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		default: '={{ $json.message.id }}',
		required: true,
		description: 'A user_local_image or user_local_video message (shared images and videos carry no URL)',
	},
]);

/** douyin.md §9 → one item per resource: {media_type, url}. */
export const execute: DouyinOperation = async function (transport, items) {
	return await eachItem(this, items, async (i) =>
		transport.getMessageResources(
			this.getNodeParameter('conversationId', i) as string,
			this.getNodeParameter('messageId', i) as string,
		),
	);
};
