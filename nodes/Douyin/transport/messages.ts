import type { IDataObject } from 'n8n-workflow';

import type { OutgoingMessage } from './types';

/**
 * `content` of /im/send/msg/ (douyin.md §3): `{"msg_type": <int>, "<key>": {...}}`; enum from SKIT's model and
 * sample, confirmed by a 3P MediaTypeEnum (1,2,3,8,9,10,11,12).
 */
export function douyinMessageContent(message: OutgoingMessage): IDataObject {
	switch (message.type) {
		case 'text':
			return { msg_type: 1, text: { text: message.text } };
		case 'image':
			return { msg_type: 2, image: { media_id: message.imageId } };
		case 'video':
			return { msg_type: 3, video: { item_id: message.itemId } };
		case 'leadCard':
			return { msg_type: 8, retain_consult_card: { card_id: message.cardId } };
		case 'appletCard': {
			const card: IDataObject = { card_template_id: message.cardTemplateId, app_id: message.appId };
			if (message.path) card.path = message.path;
			if (message.schema) card.schema = message.schema;
			if (message.query) card.query = message.query;
			return { msg_type: 10, applet_card: card };
		}
		case 'raw':
			return message.content;
	}
}

/** Scenes 1–2 take one `content`; scenes 3–4 (B2B and proactive DMs) take `content_list` (≤3 messages). */
export const SINGLE_CONTENT_SCENES = new Set(['im_replay_msg', 'im_enter_direct_msg']);
