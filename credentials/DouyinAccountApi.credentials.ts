import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IAuthenticateGeneric,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { DOUYIN_BASE_URL_EXPRESSION, DOUYIN_ENVIRONMENT_PROPERTIES, douyinBaseUrl } from '../nodes/Douyin/transport/endpoints';
import {
	parseTokenGrant,
	refreshTokenRequest,
	renewRefreshTokenRequest,
	shouldRenewRefreshToken,
} from '../nodes/Douyin/transport/oauth';

/**
 * One authorised Douyin business account (open_id + refresh token). The 15-day access token is kept in a hidden
 * expirable field: n8n calls `preAuthentication` when it is empty and after a 401, and the Douyin node forces the
 * same refresh when the platform reports an expired token inside a 200 body (transport/request.ts).
 * Wire format: douyin.md §10.2–§10.3.
 */
export class DouyinAccountApi implements ICredentialType {
	name = 'douyinAccountApi';

	displayName = 'Douyin Account API';

	icon: Icon = { light: 'file:../icons/douyin.svg', dark: 'file:../icons/douyin.dark.svg' };

	documentationUrl = 'https://github.com/dm-leads/n8n-nodes-dm-leads#douyin-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName:
				'Get the Open ID and refresh token from the authorisation page of your Douyin Trigger: open <code>&lt;trigger URL&gt;/authorize</code> and scan the QR code with the business account.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		...DOUYIN_ENVIRONMENT_PROPERTIES,
		{
			displayName: 'Client Key',
			name: 'clientKey',
			type: 'string',
			default: '',
			required: true,
			description: 'The client_key of the app the account authorised (needed to refresh tokens)',
		},
		{
			displayName: 'Account Open ID',
			name: 'openId',
			type: 'string',
			default: '',
			required: true,
			description: 'The open_id of the authorised business account (企业号). Events for other accounts are refused.',
		},
		{
			displayName: 'Refresh Token',
			name: 'refreshToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Valid 30 days. Renewed automatically (at most 5 times) when its expiry below is known.',
		},
		{
			displayName: 'Refresh Token Expires At',
			name: 'refreshExpiresAt',
			type: 'string',
			default: '',
			placeholder: '2026-12-21T09:30:00.000Z',
			description:
				'Shown on the authorisation page. With it, the refresh token is renewed before it expires; without it, re-authorise the account every 30 days.',
		},
		{
			displayName: 'Refresh Token Renewals',
			name: 'refreshRenewals',
			type: 'hidden',
			default: 0,
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const baseUrl = douyinBaseUrl(credentials);
		const clientKey = String(credentials.clientKey ?? '');
		const refreshToken = String(credentials.refreshToken ?? '');
		const nowMs = Date.now();

		const refreshed = parseTokenGrant(
			await this.helpers.httpRequest(refreshTokenRequest(baseUrl, clientKey, refreshToken)),
			'Refreshing the Douyin access token',
		);
		const output: ICredentialDataDecryptedObject = { accessToken: refreshed.accessToken };

		let expiresAt = String(credentials.refreshExpiresAt ?? '') || undefined;
		if (!expiresAt && refreshed.refreshExpiresIn) {
			expiresAt = new Date(nowMs + refreshed.refreshExpiresIn * 1000).toISOString();
			output.refreshExpiresAt = expiresAt;
		}

		const renewals = Number(credentials.refreshRenewals ?? 0) || 0;
		if (shouldRenewRefreshToken(expiresAt, renewals, nowMs)) {
			const renewed = parseTokenGrant(
				await this.helpers.httpRequest(renewRefreshTokenRequest(baseUrl, clientKey, refreshToken)),
				'Renewing the Douyin refresh token',
			);
			if (renewed.refreshToken) {
				// The old refresh token stops working now: n8n persists every key returned here (§10.3).
				output.refreshToken = renewed.refreshToken;
				output.refreshExpiresAt = new Date(nowMs + renewed.expiresIn * 1000).toISOString();
				output.refreshRenewals = renewals + 1;
			}
		}
		return output;
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'access-token': '={{$credentials.accessToken}}' } },
	};

	/** Listing lead cards (§6, scope im.message_card) is a cheap read that proves the token and the open_id. */
	test: ICredentialTestRequest = {
		request: {
			baseURL: DOUYIN_BASE_URL_EXPRESSION,
			url: '/im/get/retain_consult_card/',
			method: 'GET',
			qs: { open_id: '={{$credentials.openId}}' },
		},
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'data.error_code', value: 10004, message: 'The app lacks the im.message_card permission (10004)' } },
			{ type: 'responseSuccessBody', properties: { key: 'data.error_code', value: 28001003, message: 'The access token is invalid (28001003): authorise the account again' } },
			{ type: 'responseSuccessBody', properties: { key: 'extra.error_code', value: 10004, message: 'The app lacks the im.message_card permission (10004)' } },
		],
	};
}
