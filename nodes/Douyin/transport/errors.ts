import type { NotSentReason } from '../../shared/window';

/**
 * Douyin error codes (douyin.md §12). Codes marked 3P come from a third-party worker's ERROR_MAP and are unverified.
 */

/** An expired or invalid access token: refresh once and retry (douyin.md §12, issue: 2190008 / 10008 / 28001008 / 401). */
export const TOKEN_EXPIRED_CODES = new Set<number>([2190008, 10008, 28001008]);

/** The refresh token itself is gone: only re-authorising the account helps (§10.3). */
export const REAUTHORIZE_CODES = new Set<number>([10010, 10020]);

/**
 * Platform refusals of a send that are not bugs in the request: they go to the "Not Sent" output.
 * 28003070 is OFFICIAL (forum); 28003080 / 28003081 are 3P labels ("window expired", "rate limited"), unverified.
 */
export const SEND_REFUSALS: Record<number, NotSentReason> = {
	28003070: 'rate_limited',
	28003080: 'reply_window_expired',
	28003081: 'rate_limited',
};

const KNOWN_MEANINGS: Record<number, string> = {
	28003070: 'Rate limit exceeded (超出频控限制次数)',
	28001003: 'access_token is invalid',
	28001008: 'access_token has expired',
	28001007: 'A required field is missing',
	11009: 'A parameter is not valid',
	2190008: 'access_token has expired',
	10008: 'access_token has expired',
	2100008: 'The user granted proactive DMs more than twice today',
	10007: 'The authorisation code has expired (it is valid for 10 minutes and can be used once)',
	10010: 'The refresh token has expired: authorise the account again',
	10004: 'The app lacks the permission (权限不足)',
	10005: 'A parameter is missing (缺少参数)',
	10020: 'The refresh token was renewed too often (at most 5 times): authorise the account again',
	2190004: 'The app has not been granted this capability',
	28003082: 'Message object mismatch: msg_id must come from a received or entered-DM event, never from a sent message',
};

/** What to tell the user about a platform code, with a next step where we know one. */
export function describeDouyinError(code: number | string, platformMessage?: string): string {
	const known = KNOWN_MEANINGS[Number(code)];
	const text = platformMessage && platformMessage !== known ? platformMessage : '';
	if (known && text) return `${known} — platform says: ${text}`;
	return known ?? (text || `Douyin returned error ${code}`);
}
