import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { DOUYIN_BASE_URL_EXPRESSION, DOUYIN_ENVIRONMENT_PROPERTIES } from '../nodes/Douyin/transport/endpoints';

/**
 * A Douyin Open Platform app (client_key + client_secret). Used by the Douyin Trigger to verify webhook signatures
 * (douyin.md §2.3) and to exchange authorisation codes on the account-authorisation page (§10.2).
 */
export class DouyinAppApi implements ICredentialType {
	name = 'douyinAppApi';

	displayName = 'Douyin App API';

	icon: Icon = { light: 'file:../icons/douyin.svg', dark: 'file:../icons/douyin.dark.svg' };

	documentationUrl = 'https://github.com/dm-leads/n8n-nodes-dm-leads#douyin-credentials';

	properties: INodeProperties[] = [
		...DOUYIN_ENVIRONMENT_PROPERTIES,
		{
			displayName: 'Client Key',
			name: 'clientKey',
			type: 'string',
			default: '',
			required: true,
			description: 'The app\'s client_key from the Douyin Open Platform console (控制台 → 应用详情)',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The app\'s client_secret. Douyin signs every webhook with it (X-Douyin-Signature).',
		},
	];

	/** The token endpoints expect client_key and client_secret in the request body (douyin.md §10.2, §10.4). */
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			body: {
				client_key: '={{$credentials.clientKey}}',
				client_secret: '={{$credentials.clientSecret}}',
			},
		},
	};

	/** §10.4 client_token is the cheapest call that proves key and secret: JSON body, envelope 1. */
	test: ICredentialTestRequest = {
		request: {
			baseURL: DOUYIN_BASE_URL_EXPRESSION,
			url: '/oauth/client_token/',
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: { grant_type: 'client_credential' },
		},
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'data.error_code', value: 10002, message: 'Douyin refused the app credentials (error 10002): check the client_key, the client_secret and the environment' } },
			{ type: 'responseSuccessBody', properties: { key: 'data.error_code', value: 10003, message: 'Douyin refused the app credentials (error 10003): check the client_key, the client_secret and the environment' } },
			{ type: 'responseSuccessBody', properties: { key: 'data.error_code', value: 10013, message: 'Douyin refused the app credentials (error 10013): check the client_key, the client_secret and the environment' } },
		],
	};
}
