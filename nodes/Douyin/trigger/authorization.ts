import { createHmac, randomBytes, timingSafeEqual } from 'crypto';
import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { douyinBaseUrl } from '../transport/endpoints';
import { accessTokenRequest, buildAuthorizeUrl, DouyinOAuthError, parseTokenGrant } from '../transport/oauth';

/**
 * The no-code way for a marketer to authorise a business account (douyin.md §10.1–§10.2):
 *   GET …/authorize                  → page with the QR-authorisation link; sets a state cookie
 *   GET …/authorize?code=…&state=…   → (the redirect_uri) checks `state`, exchanges the single-use `code` (valid
 *                                      10 min) and shows the account's open_id and refresh token once, to paste into
 *                                      a "Douyin Account API" credential.
 * Nothing here starts a workflow, so the refresh token never lands in execution data or logs.
 */

const STATE_COOKIE = 'dm_leads_douyin_state';
const STATE_TTL_MS = 10 * 60 * 1000;

function sign(secret: string, payload: string): string {
	return createHmac('sha256', secret).update(payload).digest('hex');
}

/** state = `<nonce>.<issued-at ms>.<HMAC(client_secret, nonce.issued)>` — stateless, tamper-proof, expiring. */
export function createState(secret: string, nowMs: number, nonce = randomBytes(16).toString('hex')): string {
	const payload = `${nonce}.${nowMs}`;
	return `${payload}.${sign(secret, payload)}`;
}

export function checkState(
	secret: string,
	state: string,
	cookieNonce: string | undefined,
	nowMs: number,
): { ok: true } | { ok: false; reason: string } {
	const [nonce, issued, mac] = state.split('.');
	if (!nonce || !issued || !mac) return { ok: false, reason: 'The state parameter is missing or malformed.' };
	const expected = Buffer.from(sign(secret, `${nonce}.${issued}`));
	const actual = Buffer.from(mac);
	if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
		return { ok: false, reason: 'The state parameter was not issued by this n8n.' };
	}
	if (nowMs - Number(issued) > STATE_TTL_MS) return { ok: false, reason: 'The authorisation took longer than 10 minutes.' };
	if (cookieNonce !== nonce) {
		return { ok: false, reason: 'This browser did not start the authorisation (open the authorisation page again in this browser).' };
	}
	return { ok: true };
}

const escapeHtml = (value: unknown) =>
	String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function page(title: string, body: string): string {
	return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;max-width:720px;margin:40px auto;padding:0 16px;color:#161823}
code,.secret{background:#f3f3f5;padding:2px 6px;border-radius:4px;word-break:break-all}.secret{display:block;padding:10px;margin:6px 0 14px;font-family:monospace}
a.button{display:inline-block;background:#fe2c55;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none}.warn{color:#b54708}</style></head><body>${body}</body></html>`;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
	for (const part of (header ?? '').split(';')) {
		const [key, ...rest] = part.trim().split('=');
		if (key === name) return rest.join('=');
	}
	return undefined;
}

function respondHtml(ctx: IWebhookFunctions, status: number, html: string, headers: Record<string, string> = {}): IWebhookResponseData {
	const res = ctx.getResponseObject();
	res.status(status);
	res.setHeader('Content-Type', 'text/html; charset=utf-8');
	res.setHeader('Cache-Control', 'no-store');
	for (const [key, value] of Object.entries(headers)) res.setHeader(key, value);
	res.end(html);
	return { noWebhookResponse: true };
}

export async function authorizationPage(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const credentials = await ctx.getCredentials('douyinAppApi');
	const secret = String(credentials.clientSecret ?? '');
	const redirectUri = ctx.getNodeWebhookUrl('setup') as string;
	const state = createState(secret, Date.now());
	const url = buildAuthorizeUrl(douyinBaseUrl(credentials), String(credentials.clientKey ?? ''), redirectUri, state);
	const nonce = state.split('.')[0];
	return respondHtml(
		ctx,
		200,
		page(
			'Authorise a Douyin account',
			`<h1>Authorise a Douyin business account (授权抖音企业号)</h1>
<ol><li>In the Douyin Open Platform console, set the app's authorisation callback (授权回调域 / redirect URI) to<br><code>${escapeHtml(redirectUri)}</code></li>
<li>Click the button, then scan the QR code with the Douyin app logged in as the business account.</li>
<li>You will come back here with the account's Open ID and refresh token for a <b>Douyin Account API</b> credential.</li></ol>
<p><a class="button" href="${escapeHtml(url)}">Scan QR code with Douyin (扫码授权)</a></p>
<p>The link is valid for 10 minutes and only in this browser.</p>`,
		),
		{ 'Set-Cookie': `${STATE_COOKIE}=${nonce}; Max-Age=600; Path=/; HttpOnly; SameSite=Lax` },
	);
}

export async function authorizationCallback(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const query = ctx.getQueryData() as Record<string, string | undefined>;
	const credentials = await ctx.getCredentials('douyinAppApi');
	const secret = String(credentials.clientSecret ?? '');
	const fail = (status: number, reason: string) =>
		respondHtml(ctx, status, page('Authorisation failed', `<h1>Authorisation failed (授权失败)</h1><p>${escapeHtml(reason)}</p><p><a href="authorize">Start again</a></p>`));

	if (!query.code) return fail(400, 'Douyin did not send an authorisation code (the account may have cancelled).');
	const stateCheck = checkState(
		secret,
		String(query.state ?? ''),
		cookieValue(ctx.getHeaderData().cookie as string | undefined, STATE_COOKIE),
		Date.now(),
	);
	if (!stateCheck.ok) return fail(400, stateCheck.reason);

	let grant;
	try {
		const body = await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			'douyinAppApi',
			accessTokenRequest(douyinBaseUrl(credentials), String(query.code)),
		);
		grant = parseTokenGrant(body, 'Exchanging the authorisation code');
	} catch (error) {
		const reason = error instanceof DouyinOAuthError ? error.message : 'Douyin could not be reached to exchange the code.';
		return fail(502, `${reason} Codes are valid for 10 minutes and can be used once: start again.`);
	}
	const expiresAt = grant.refreshExpiresIn ? new Date(Date.now() + grant.refreshExpiresIn * 1000).toISOString() : '';
	return respondHtml(
		ctx,
		200,
		page(
			'Douyin account authorised',
			`<h1>Account authorised (授权成功)</h1>
<p>Create a <b>Douyin Account API</b> credential in n8n and paste these values. <span class="warn">They are shown only once: this page cannot be reloaded.</span></p>
<p>Client Key</p><span class="secret">${escapeHtml(credentials.clientKey)}</span>
<p>Account Open ID</p><span class="secret">${escapeHtml(grant.openId)}</span>
<p>Refresh Token</p><span class="secret">${escapeHtml(grant.refreshToken)}</span>
${expiresAt ? `<p>Refresh Token Expires At</p><span class="secret">${escapeHtml(expiresAt)}</span>` : ''}
<p>Granted scopes: <code>${escapeHtml(grant.scope ?? '')}</code></p>`,
		),
		{ 'Set-Cookie': `${STATE_COOKIE}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax` },
	);
}
