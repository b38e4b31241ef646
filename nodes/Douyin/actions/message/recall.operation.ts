import type { INodeProperties } from 'n8n-workflow';

import type { DouyinOperation } from '../common';
import { eachItem, forOperation } from '../common';

export const description: INodeProperties[] = forOperation('message', 'recall', [
	{
		displayName: 'Conversation ID',
		name: 'conversationId',
		type: 'string',
		default: '={{ $json.conversation.id }}',
		required: true,
		description: 'The conversation_short_id of the conversation',
	},
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		default: '={{ $json.sent.messageId }}',
		required: true,
		description: 'The server_message_id of the message to recall, e.g. the ID returned by Send',
	},
]);

/** douyin.md §5: recall time limit not documented; the platform's answer decides. */
export const execute: DouyinOperation = async function (transport, items) {
	return await eachItem(this, items, async (i) =>
		transport.recallMessage(
			this.getNodeParameter('conversationId', i) as string,
			this.getNodeParameter('messageId', i) as string,
		),
	);
};
