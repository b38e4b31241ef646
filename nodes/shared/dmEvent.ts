/**
 * The platform-neutral event every trigger of this package emits (see DESIGN.md, "The platform-neutral event").
 * Templates switch on `type` and read `conversation` to reply, so one template serves Douyin and Xiaohongshu alike.
 * Keep these names stable: templates and stored Data table rows depend on them.
 */

export const DM_EVENT_TYPES = [
	'entered_dm',
	'message',
	'lead',
	'comment',
	'message_sent',
	'recalled',
	'account',
	'dm_authorized',
	'other',
] as const;
export type DmEventType = (typeof DM_EVENT_TYPES)[number];

export const PLATFORMS = ['douyin', 'xiaohongshu'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const MESSAGE_KINDS = [
	'text',
	'image',
	'video',
	'emoji',
	'local_image',
	'local_video',
	'lead_card',
	'other',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Which rule set governs replies on this conversation (see window.ts). */
export const WINDOW_KINDS = ['entered_dm', 'message', 'proactive', 'none'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

/**
 * Everything a Send needs to reply later, so a conversation stored in a Data table still works days later
 * (or says precisely why it no longer can).
 */
export interface DmConversation {
	platform: Platform;
	/** Business account the conversation belongs to (Douyin: the authorised account's open_id). */
	accountId: string;
	/** The customer (Douyin: C-user open_id). */
	customerId: string;
	/** Long-lived conversation id (Douyin: conversation_short_id). */
	id: string | null;
	/** Short-lived id that authorises a reply (Douyin: server_message_id used as msg_id, valid 24 h). */
	replyToken: string | null;
	/** Platform scene to send with (Douyin: im_enter_direct_msg, im_replay_msg, or a proactive-DM scene). */
	scene: string | null;
	windowKind: WindowKind;
	/** ISO time of the event that opened the window. */
	receivedAt: string;
	/** ISO time after which no reply is possible with this replyToken (null when unknown / not applicable). */
	windowExpiresAt: string | null;
	/** Messages still allowed in this window (null = no count limit known). */
	messagesLeft: number | null;
}

export interface DmMessage {
	id: string | null;
	kind: MessageKind;
	/** The platform's own message type, e.g. `user_local_image`. */
	platformType: string;
	text?: string;
	mediaUrl?: string;
	card?: { id?: string; status?: 'blank' | 'filled' | 'unknown'; data?: Array<{ label: string; value: string }> };
}

export interface DmLead {
	/** E.164 phone numbers (`+86…` for mainland mobiles). */
	phones: string[];
	wechat: string[];
	/** Every submitted field by its label, as the customer filled it. */
	fields: Record<string, string>;
}

export interface DmEvent {
	eventId: string;
	type: DmEventType;
	platform: Platform;
	/** The platform's own event name, e.g. `im_receive_msg`. */
	platformEvent: string;
	account: { id: string; name?: string };
	customer: { id: string; nickname?: string; avatar?: string };
	conversation: DmConversation | null;
	message?: DmMessage;
	lead?: DmLead;
	comment?: { id: string; noteId: string; noteTitle?: string; text: string };
	source?: { videoId?: string; scene?: number; ad?: Record<string, unknown> };
	/** On `message_sent`: true when a person typed the message in the app rather than through the API. */
	sentByHuman?: boolean;
	/** On `account`: the authorisation change and the scopes involved. */
	accountStatus?: 'authorized' | 'unauthorized';
	scopes?: string[];
	/** On `dm_authorized`: the customer's proactive-DM grant. */
	grant?: { status: 'granted' | 'not_granted'; operation: 'created' | 'updated' | 'unknown'; expiresAt?: string };
	raw?: unknown;
}
