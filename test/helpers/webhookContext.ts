/**
 * A fake IWebhookFunctions in the spirit of n8n's own trigger tests (mocked request/response objects): it records
 * what the node wrote to the response so tests can assert status codes and bodies.
 */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

export interface FakeResponse {
	statusCode: number;
	headers: Record<string, string>;
	body: string | undefined;
	ended: boolean;
}

export interface WebhookCall {
	webhookName?: 'default' | 'setup';
	rawBody?: Buffer | string;
	headers?: Record<string, string>;
	query?: IDataObject;
	parameters?: IDataObject;
	credentials?: IDataObject;
	/** Stand-in for helpers.httpRequestWithAuthentication (the OAuth code exchange). */
	httpRequestWithAuthentication?: (credentialType: string, options: IDataObject) => Promise<unknown>;
	webhookUrl?: string;
}

export function webhookContext(call: WebhookCall) {
	const response: FakeResponse = { statusCode: 200, headers: {}, body: undefined, ended: false };
	const raw = call.rawBody === undefined ? undefined : Buffer.isBuffer(call.rawBody) ? call.rawBody : Buffer.from(call.rawBody, 'utf8');
	const req = {
		rawBody: undefined as Buffer | undefined,
		async readRawBody() {
			req.rawBody = raw ?? Buffer.alloc(0);
		},
	};
	const res = {
		status(code: number) {
			response.statusCode = code;
			return res;
		},
		setHeader(name: string, value: string) {
			response.headers[name.toLowerCase()] = value;
			return res;
		},
		end(body?: string) {
			response.body = body;
			response.ended = true;
			return res;
		},
	};
	const headers = Object.fromEntries(Object.entries(call.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
	const parameters: IDataObject = { events: ['entered_dm', 'message', 'lead'], accountIds: '', options: {}, ...call.parameters };
	const requests: Array<{ credentialType: string; options: IDataObject }> = [];
	const ctx = {
		getWebhookName: () => call.webhookName ?? 'default',
		getRequestObject: () => req,
		getResponseObject: () => res,
		getHeaderData: () => headers,
		getQueryData: () => call.query ?? {},
		getNodeParameter: (name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
		getCredentials: async () => call.credentials ?? {},
		getNodeWebhookUrl: () => call.webhookUrl ?? 'http://127.0.0.1:5678/webhook/douyin-hook-id/authorize',
		getNode: () => ({ name: 'Douyin Trigger', type: 'n8n-nodes-dm-leads.douyinTrigger', typeVersion: 1, parameters }),
		helpers: {
			async httpRequestWithAuthentication(credentialType: string, options: IDataObject) {
				requests.push({ credentialType, options });
				if (!call.httpRequestWithAuthentication) throw new Error('unexpected HTTP request');
				return await call.httpRequestWithAuthentication(credentialType, options);
			},
		},
	};
	return { ctx: ctx as unknown as IWebhookFunctions, response, requests };
}
