import type { IDataObject } from 'n8n-workflow';

/**
 * What the Douyin node needs from a platform path. The Open Platform (douyin.md §1–§12) implements it today;
 * the closed partner path (§14) can be another implementation without touching the operations.
 */

export type OutgoingMessage =
	| { type: 'text'; text: string }
	| { type: 'image'; imageId: string }
	| { type: 'video'; itemId: string }
	| { type: 'leadCard'; cardId: string }
	| { type: 'appletCard'; cardTemplateId: string; appId: string; path?: string; schema?: string; query?: string }
	| { type: 'raw'; content: IDataObject };

export interface SendTarget {
	customerId: string;
	/** msg_id: the server_message_id of the inbound or entered-DM event. */
	replyToken: string | null;
	conversationId: string | null;
	scene: string | null;
}

export interface SentMessage {
	messageId: string | null;
	logId?: string;
}

export interface LeadCardInput {
	cardId?: string;
	title: string;
	components: number[];
	mediaId?: string;
}

export interface ImageFile {
	data: Buffer;
	fileName: string;
	mimeType: string;
}

export interface DouyinTransport {
	/** open_id of the business account this transport acts for. */
	readonly accountId: string;
	sendMessage(target: SendTarget, message: OutgoingMessage): Promise<SentMessage>;
	recallMessage(conversationId: string, messageId: string): Promise<IDataObject>;
	saveLeadCard(card: LeadCardInput): Promise<IDataObject>;
	listLeadCards(): Promise<IDataObject[]>;
	deleteLeadCard(cardId: string): Promise<IDataObject>;
	uploadImage(file: ImageFile): Promise<IDataObject>;
	listAuthorizedUsers(pageNum: number, pageSize: number): Promise<{ users: IDataObject[]; hasMore: boolean }>;
	getAuthorizationStatus(customerId: string, appId?: string): Promise<IDataObject>;
	getMessageResources(conversationId: string, messageId: string): Promise<IDataObject[]>;
}
