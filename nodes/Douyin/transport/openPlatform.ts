import { randomBytes } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { DOUYIN_PATHS } from './endpoints';
import { douyinMessageContent, SINGLE_CONTENT_SCENES } from './messages';
import type { DouyinAccount, DouyinContext } from './request';
import { douyinCall, getDouyinAccount } from './request';
import type { DouyinTransport, ImageFile, LeadCardInput, OutgoingMessage, SendTarget, SentMessage } from './types';

const asList = (value: unknown): IDataObject[] => (Array.isArray(value) ? (value as IDataObject[]) : []);

/** multipart/form-data built by hand (no runtime dependencies); one file part named `field`. */
export function multipartBody(field: string, file: ImageFile, boundary: string): Buffer {
	const safeName = file.fileName.replace(/["\r\n]/g, '_');
	return Buffer.concat([
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${safeName}"\r\nContent-Type: ${file.mimeType}\r\n\r\n`,
			'utf8',
		),
		file.data,
		Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
	]);
}

/** Douyin Open Platform (open.douyin.com) — the documented path, douyin.md §1–§12. */
export class OpenPlatformTransport implements DouyinTransport {
	private constructor(
		private readonly ctx: DouyinContext,
		private readonly account: DouyinAccount,
	) {}

	static async create(ctx: DouyinContext): Promise<OpenPlatformTransport> {
		return new OpenPlatformTransport(ctx, await getDouyinAccount(ctx));
	}

	get accountId(): string {
		return this.account.openId;
	}

	private get accountQuery(): IDataObject {
		return { open_id: this.account.openId };
	}

	/** §3 POST /im/send/msg/?open_id=<B open_id>; the message id is read from `msg_id` or `data.msg_id` [INFERRED]. */
	async sendMessage(target: SendTarget, message: OutgoingMessage): Promise<SentMessage> {
		const content = douyinMessageContent(message);
		const scene = target.scene ?? 'im_replay_msg';
		const body: IDataObject = { to_user_id: target.customerId, scene };
		if (target.replyToken) body.msg_id = target.replyToken;
		if (target.conversationId) body.conversation_id = target.conversationId;
		if (SINGLE_CONTENT_SCENES.has(scene)) body.content = content;
		else body.content_list = [content];

		const envelope = await douyinCall(this.ctx, this.account, {
			method: 'POST',
			path: DOUYIN_PATHS.sendMessage,
			qs: this.accountQuery,
			body,
		});
		const messageId = envelope.body.msg_id ?? envelope.data.msg_id;
		return { messageId: messageId === undefined ? null : String(messageId), logId: envelope.logId };
	}

	/** §5 POST /im/recall/msg/ — envelope 3; conversation_type 1 = one-to-one chat. */
	async recallMessage(conversationId: string, messageId: string): Promise<IDataObject> {
		const envelope = await douyinCall(this.ctx, this.account, {
			method: 'POST',
			path: DOUYIN_PATHS.recallMessage,
			qs: this.accountQuery,
			body: { conversation_id: conversationId, conversation_type: 1, msg_id: messageId },
		});
		return { recalled: true, logId: envelope.logId ?? null };
	}

	/** §6 save = create, or update when card_id is set. Component IDs are not documented; the sample uses [1,2,3]. */
	async saveLeadCard(card: LeadCardInput): Promise<IDataObject> {
		const body: IDataObject = { title: card.title, components: card.components };
		if (card.cardId) body.card_id = card.cardId;
		if (card.mediaId) body.media_id = card.mediaId;
		const envelope = await douyinCall(this.ctx, this.account, {
			method: 'POST',
			path: DOUYIN_PATHS.saveLeadCard,
			qs: this.accountQuery,
			body,
		});
		return { card_id: envelope.data.card_id ?? card.cardId ?? null, ...body };
	}

	async listLeadCards(): Promise<IDataObject[]> {
		const envelope = await douyinCall(this.ctx, this.account, {
			method: 'GET',
			path: DOUYIN_PATHS.listLeadCards,
			qs: this.accountQuery,
		});
		return asList(envelope.data.cards);
	}

	async deleteLeadCard(cardId: string): Promise<IDataObject> {
		await douyinCall(this.ctx, this.account, {
			method: 'POST',
			path: DOUYIN_PATHS.deleteLeadCard,
			qs: { ...this.accountQuery, card_id: cardId },
		});
		return { card_id: cardId, deleted: true };
	}

	/**
	 * §7 multipart field `image`, header `access-token`. The official sample sends a client_token; the endpoint needs
	 * no user authorisation, so we send the account's user token [INFERRED — change here if the platform refuses it].
	 */
	async uploadImage(file: ImageFile): Promise<IDataObject> {
		const boundary = `----dmleads${randomBytes(12).toString('hex')}`;
		const envelope = await douyinCall(this.ctx, this.account, {
			method: 'POST',
			path: DOUYIN_PATHS.uploadImage,
			headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
			body: multipartBody('image', file, boundary),
		});
		const { image_id, width, height, md5 } = envelope.data as IDataObject;
		return { image_id, width, height, md5 };
	}

	/** §8 POST /im/authorize/user_list/ — envelope 3, paged with page_num / page_size and has_more. */
	async listAuthorizedUsers(pageNum: number, pageSize: number) {
		const envelope = await douyinCall(this.ctx, this.account, {
			method: 'POST',
			path: DOUYIN_PATHS.proactiveUsers,
			qs: this.accountQuery,
			body: { page_num: pageNum, page_size: pageSize },
		});
		return { users: asList(envelope.data.auth_user_list), hasMore: Boolean(envelope.data.has_more) };
	}

	async getAuthorizationStatus(customerId: string, appId?: string): Promise<IDataObject> {
		const body: IDataObject = { c_open_id: customerId };
		if (appId) body.app_id = appId;
		const envelope = await douyinCall(this.ctx, this.account, {
			method: 'POST',
			path: DOUYIN_PATHS.proactiveStatus,
			qs: this.accountQuery,
			body,
		});
		return { c_open_id: customerId, ...envelope.data };
	}

	/** §9 GET /api/im/message/resources/ → data[{media_type, url}] (for user_local_image / user_local_video). */
	async getMessageResources(conversationId: string, messageId: string): Promise<IDataObject[]> {
		const envelope = await douyinCall(this.ctx, this.account, {
			method: 'GET',
			path: DOUYIN_PATHS.messageResources,
			qs: { ...this.accountQuery, conversation_id: conversationId, message_id: messageId },
		});
		const data = envelope.body.data;
		return asList(data);
	}
}

export async function createDouyinTransport(ctx: DouyinContext): Promise<DouyinTransport> {
	return await OpenPlatformTransport.create(ctx);
}
