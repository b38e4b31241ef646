import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { DmEventType } from '../../shared/dmEvent';
import { isValidDouyinSignature } from '../transport/signature';
import { parseDouyinWebhook } from '../transport/webhook';

/**
 * The event webhook (douyin.md §2): verify the signature over the raw bytes, answer `verify_webhook`, normalise,
 * filter, hand over. Never slow: Douyin drops connections after 5 s and retries 3 times (§2.2).
 */

/**
 * §2.1 does not say whether the `verify_webhook` POST is signed; §2.2 lists the signature header for deliveries.
 * We require it for every POST. If the console's URL check fails because Douyin sends it unsigned, set this to false.
 */
export const CHALLENGE_REQUIRES_SIGNATURE = true;

async function rawBodyOf(ctx: IWebhookFunctions): Promise<Buffer> {
	const req = ctx.getRequestObject();
	if (!req.rawBody) await req.readRawBody();
	return req.rawBody ?? Buffer.alloc(0);
}

function reply(ctx: IWebhookFunctions, status: number, body?: string): IWebhookResponseData {
	const res = ctx.getResponseObject();
	res.status(status);
	if (body === undefined) {
		res.end();
	} else {
		res.setHeader('Content-Type', 'application/json');
		res.end(body);
	}
	return { noWebhookResponse: true };
}

export function parseAccountFilter(value: string): string[] {
	return value
		.split(/[\s,，]+/)
		.map((id) => id.trim())
		.filter(Boolean);
}

export async function handleEventWebhook(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const credentials = await ctx.getCredentials('douyinAppApi');
	const rawBody = await rawBodyOf(ctx);
	const headers = ctx.getHeaderData() as Record<string, string | undefined>;
	const signatureOk = isValidDouyinSignature(String(credentials.clientSecret ?? ''), rawBody, headers['x-douyin-signature']);

	const options = ctx.getNodeParameter('options', {}) as { includeRaw?: boolean };
	const parsed = parseDouyinWebhook(rawBody.toString('utf8'), {
		msgId: headers['msg-id'],
		nowMs: Date.now(),
		includeRaw: options.includeRaw === true,
	});

	const needsSignature = parsed.kind !== 'challenge' || CHALLENGE_REQUIRES_SIGNATURE;
	if (needsSignature && !signatureOk) {
		return reply(ctx, 401, JSON.stringify({ error: 'Invalid or missing X-Douyin-Signature' }));
	}
	if (parsed.kind === 'invalid') return reply(ctx, 400, JSON.stringify({ error: parsed.reason }));
	if (parsed.kind === 'challenge') return reply(ctx, 200, parsed.body);

	const { event } = parsed;
	const wanted = ctx.getNodeParameter('events', []) as DmEventType[];
	const accounts = parseAccountFilter(ctx.getNodeParameter('accountIds', '') as string);
	const accountMatches = accounts.length === 0 || accounts.includes(event.account.id);
	if (!wanted.includes(event.type) || !accountMatches) {
		// Acknowledged so Douyin does not retry, but nothing starts.
		return reply(ctx, 200);
	}
	return { workflowData: [[{ json: event as unknown as Record<string, never> }]] };
}
