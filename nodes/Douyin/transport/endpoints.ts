import type { INodeProperties } from 'n8n-workflow';

/**
 * Douyin Open Platform hosts and paths (douyin.md §1; base URLs from SKIT `DouyinOpenEndpoints.cs`).
 */
export type DouyinEnvironment = 'production' | 'sandbox' | 'custom';

export const DOUYIN_BASE_URLS: Record<Exclude<DouyinEnvironment, 'custom'>, string> = {
	production: 'https://open.douyin.com',
	sandbox: 'https://open-sandbox.douyin.com',
};

export const DOUYIN_PATHS = {
	// §10 OAuth
	qrConnect: '/platform/oauth/connect/',
	codeExchange: '/oauth/access_token/',
	refreshGrant: '/oauth/refresh_token/',
	renewGrant: '/oauth/renew_refresh_token/',
	appGrant: '/oauth/client_token/',
	// §3 send, §5 recall
	sendMessage: '/im/send/msg/',
	recallMessage: '/im/recall/msg/',
	// §6 留资卡片
	saveLeadCard: '/im/save/retain_consult_card/',
	listLeadCards: '/im/get/retain_consult_card/',
	deleteLeadCard: '/im/del/retain_consult_card/',
	// §7 image upload, §9 user media
	uploadImage: '/tool/imagex/client_upload/',
	messageResources: '/api/im/message/resources/',
	// §8 主动私信 authorised users
	proactiveUsers: '/im/authorize/user_list/',
	proactiveStatus: '/im/authorize/status/',
} as const;

/** IM scopes requested on the QR authorisation page (douyin.md §10.5). */
export const DOUYIN_IM_SCOPES = ['im.direct_message', 'im.recall_message', 'im.message_card', 'tool.image.upload'];

export interface DouyinHostSettings {
	environment?: unknown;
	baseUrl?: unknown;
}

/** Resolve the API host from a credential's environment / custom base URL. */
export function douyinBaseUrl(settings: DouyinHostSettings): string {
	const environment = (settings.environment as DouyinEnvironment | undefined) ?? 'production';
	if (environment === 'custom') {
		const custom = String(settings.baseUrl ?? '').trim().replace(/\/+$/, '');
		if (!/^https?:\/\//.test(custom)) {
			throw new Error('The Douyin credential uses a custom environment but its Base URL is not an http(s) URL');
		}
		return custom;
	}
	return DOUYIN_BASE_URLS[environment] ?? DOUYIN_BASE_URLS.production;
}

/** The environment chooser both Douyin credentials share. */
export const DOUYIN_ENVIRONMENT_PROPERTIES: INodeProperties[] = [
	{
		displayName: 'Environment',
		name: 'environment',
		type: 'options',
		options: [
			{ name: 'Production', value: 'production', description: DOUYIN_BASE_URLS.production },
			{ name: 'Sandbox', value: 'sandbox', description: DOUYIN_BASE_URLS.sandbox },
			{ name: 'Custom Base URL', value: 'custom', description: 'A proxy or a local stand-in of the Open Platform' },
		],
		default: 'production',
	},
	{
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string',
		default: '',
		placeholder: 'http://127.0.0.1:4010',
		displayOptions: { show: { environment: ['custom'] } },
	},
];

/** douyinBaseUrl() as an n8n expression, for declarative credential tests. */
export const DOUYIN_BASE_URL_EXPRESSION = `={{$credentials.environment === "custom" ? $credentials.baseUrl : ($credentials.environment === "sandbox" ? "${DOUYIN_BASE_URLS.sandbox}" : "${DOUYIN_BASE_URLS.production}")}}`;
