import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { DOUYIN_IM_SCOPES, DOUYIN_PATHS } from './endpoints';
import { describeDouyinError } from './errors';
import { parseEnvelope } from './envelope';

/**
 * Douyin OAuth wire format (douyin.md §10). Token endpoints take `application/x-www-form-urlencoded` bodies
 * ("请注意此条件，并非json，而是form") and answer in envelope 1 ({data:{error_code, …}, message}).
 */

export interface DouyinTokenGrant {
	accessToken: string;
	/** Seconds; access tokens live 15 days (§10.2). */
	expiresIn: number;
	refreshToken?: string;
	/** Seconds; refresh tokens live 30 days (§10.2, 3P report quoting the page). */
	refreshExpiresIn?: number;
	openId?: string;
	scope?: string;
}

export class DouyinOAuthError extends Error {
	constructor(
		readonly code: number,
		message: string,
	) {
		super(message);
		this.name = 'DouyinOAuthError';
	}
}

/** §10.1 QR authorisation page. `redirect_uri` must match the app's configured URL and cannot carry its own query. */
export function buildAuthorizeUrl(baseUrl: string, clientKey: string, redirectUri: string, state: string): string {
	const query = new URLSearchParams({
		client_key: clientKey,
		response_type: 'code',
		scope: DOUYIN_IM_SCOPES.join(','),
		redirect_uri: redirectUri,
		state,
	});
	return `${baseUrl}${DOUYIN_PATHS.qrConnect}?${query.toString()}`;
}

function formRequest(baseUrl: string, path: string, form: IDataObject): IHttpRequestOptions {
	return {
		method: 'POST',
		url: `${baseUrl}${path}`,
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: form,
		json: true,
	};
}

/** §10.2 code → tokens. client_key and client_secret are added by the app credential's `authenticate`. */
export function accessTokenRequest(baseUrl: string, code: string): IHttpRequestOptions {
	return formRequest(baseUrl, DOUYIN_PATHS.codeExchange, { code, grant_type: 'authorization_code' });
}

/** §10.3 refresh_token → a new 15-day access token (the refresh token's expiry is unchanged). */
export function refreshTokenRequest(baseUrl: string, clientKey: string, refreshToken: string): IHttpRequestOptions {
	return formRequest(baseUrl, DOUYIN_PATHS.refreshGrant, {
		client_key: clientKey,
		grant_type: 'refresh_token',
		refresh_token: refreshToken,
	});
}

/** §10.3 renew the refresh token: a new 30-day token, the old one stops working; at most 5 renewals. */
export function renewRefreshTokenRequest(baseUrl: string, clientKey: string, refreshToken: string): IHttpRequestOptions {
	return formRequest(baseUrl, DOUYIN_PATHS.renewGrant, { client_key: clientKey, refresh_token: refreshToken });
}

/** Read a token grant from envelope 1, or throw a DouyinOAuthError that says what to do. */
export function parseTokenGrant(body: unknown, what: string): DouyinTokenGrant {
	const envelope = parseEnvelope(body);
	if (!envelope.ok) {
		throw new DouyinOAuthError(envelope.code, `${what} failed: ${describeDouyinError(envelope.code, envelope.message)}`);
	}
	const data = envelope.data;
	const optionalNumber = (value: unknown) => (value === undefined || value === null ? undefined : Number(value));
	const optionalString = (value: unknown) => (value === undefined || value === null || value === '' ? undefined : String(value));
	return {
		accessToken: String(data.access_token ?? ''),
		expiresIn: Number(data.expires_in ?? 0),
		refreshToken: optionalString(data.refresh_token),
		refreshExpiresIn: optionalNumber(data.refresh_expires_in),
		openId: optionalString(data.open_id),
		scope: optionalString(data.scope),
	};
}

const DAY_MS = 86_400_000;
/** Renew while more than one access-token lifetime (15 days) of refresh-token life is left, so no refresh is missed. */
export const RENEW_REFRESH_TOKEN_WITHIN_MS = 16 * DAY_MS;
export const MAX_REFRESH_TOKEN_RENEWALS = 5;

/**
 * Renew the refresh token when its expiry is known and near, and renewals are left (§10.3: at most 5).
 * An unknown expiry never triggers a renewal: renewing invalidates the old token, and a renewal made during a
 * credential test is not persisted by n8n, so we only renew when we must.
 */
export function shouldRenewRefreshToken(expiresAt: string | undefined, renewals: number, nowMs: number): boolean {
	if (!expiresAt || renewals >= MAX_REFRESH_TOKEN_RENEWALS) return false;
	const expiresAtMs = Date.parse(expiresAt);
	if (Number.isNaN(expiresAtMs)) return false;
	return expiresAtMs - nowMs < RENEW_REFRESH_TOKEN_WITHIN_MS;
}
