import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, ILoadOptionsFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { DouyinEnvelope } from './envelope';
import { parseEnvelope } from './envelope';
import { douyinBaseUrl } from './endpoints';
import { describeDouyinError, REAUTHORIZE_CODES, TOKEN_EXPIRED_CODES } from './errors';

export const DOUYIN_ACCOUNT_CREDENTIAL = 'douyinAccountApi';

/** Node contexts that may call the platform: executions and the editor's list searches. */
export type DouyinContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface DouyinAccount {
	baseUrl: string;
	openId: string;
	clientKey: string;
}

export async function getDouyinAccount(ctx: DouyinContext): Promise<DouyinAccount> {
	const credentials = await ctx.getCredentials(DOUYIN_ACCOUNT_CREDENTIAL);
	return {
		baseUrl: douyinBaseUrl(credentials),
		openId: String(credentials.openId ?? '').trim(),
		clientKey: String(credentials.clientKey ?? ''),
	};
}

export interface DouyinCall {
	method: 'GET' | 'POST';
	path: string;
	qs?: IDataObject;
	body?: IDataObject | Buffer;
	headers?: IDataObject;
}

/** A platform answer that is not success. `envelope` keeps the parsed body for callers that route refusals. */
export class DouyinApiFailure extends Error {
	constructor(readonly envelope: DouyinEnvelope) {
		super(describeDouyinError(envelope.code, envelope.message));
		this.name = 'DouyinApiFailure';
	}
}

function requestOptions(account: DouyinAccount, call: DouyinCall): IHttpRequestOptions {
	const isBuffer = Buffer.isBuffer(call.body);
	return {
		method: call.method,
		url: `${account.baseUrl}${call.path}`,
		qs: call.qs,
		// §3: `Content-Type: application/json` exactly (SKIT sends no charset).
		headers: { ...(isBuffer ? {} : { 'Content-Type': 'application/json' }), ...(call.headers ?? {}) },
		body: call.body,
		json: !isBuffer,
	};
}

/**
 * One Douyin Open Platform call with the account credential. HTTP 401 is refreshed by n8n itself; an expired token
 * reported inside a 200 body (2190008 / 10008 / 28001008, douyin.md §12) forces the credential's preAuthentication
 * by handing n8n a copy of the credential whose expirable access token is empty, then retries once.
 * Resolves with the envelope on success; rejects with DouyinApiFailure for platform errors.
 */
export async function douyinCall(ctx: DouyinContext, account: DouyinAccount, call: DouyinCall): Promise<DouyinEnvelope> {
	const send = async (forceRefresh: boolean): Promise<DouyinEnvelope> => {
		let extra;
		if (forceRefresh) {
			const data = await ctx.getCredentials(DOUYIN_ACCOUNT_CREDENTIAL);
			const details = ctx.getNode().credentials?.[DOUYIN_ACCOUNT_CREDENTIAL];
			extra = {
				credentialsDecrypted: {
					id: details?.id ?? '',
					name: details?.name ?? '',
					type: DOUYIN_ACCOUNT_CREDENTIAL,
					data: { ...data, accessToken: '' },
				},
			};
		}
		let body: unknown;
		try {
			body = await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				DOUYIN_ACCOUNT_CREDENTIAL,
				requestOptions(account, call),
				extra,
			);
		} catch (error) {
			// A non-2xx answer may still carry a Douyin envelope: surface its code rather than a bare status.
			const responseBody = (error as { cause?: { response?: { data?: unknown } } }).cause?.response?.data;
			const envelope = responseBody === undefined ? undefined : parseEnvelope(responseBody);
			if (envelope && !envelope.ok && envelope.code !== -1) return envelope;
			throw error instanceof NodeApiError ? error : new NodeApiError(ctx.getNode(), error as JsonObject);
		}
		return parseEnvelope(body);
	};

	let envelope = await send(false);
	if (!envelope.ok && TOKEN_EXPIRED_CODES.has(envelope.code)) envelope = await send(true);
	if (!envelope.ok) throw new DouyinApiFailure(envelope);
	return envelope;
}

/** Turn a platform failure into the NodeApiError users see: code, meaning, next step, log id — never a token. */
export function toNodeApiError(ctx: IExecuteFunctions, failure: DouyinApiFailure, itemIndex: number): NodeApiError {
	const { envelope } = failure;
	const reauthorize = REAUTHORIZE_CODES.has(envelope.code) || TOKEN_EXPIRED_CODES.has(envelope.code);
	return new NodeApiError(ctx.getNode(), envelope.body as JsonObject, {
		itemIndex,
		httpCode: String(envelope.code),
		message: `Douyin error ${envelope.code}: ${failure.message}`,
		description: [
			reauthorize
				? 'The account authorisation is no longer valid: open the Douyin Trigger authorisation page, scan again and update the credential.'
				: undefined,
			envelope.subCode ? `Sub-code ${envelope.subCode}: ${envelope.subMessage ?? ''}` : undefined,
			envelope.logId ? `Douyin log id: ${envelope.logId}` : undefined,
		]
			.filter(Boolean)
			.join(' '),
	});
}
