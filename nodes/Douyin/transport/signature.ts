import { createHash, timingSafeEqual } from 'crypto';

/**
 * `X-Douyin-Signature` = lowercase hex SHA-1 of (client_secret bytes + raw body bytes) — plain SHA-1, not HMAC
 * (douyin.md §2.3, official Go sample). The exact raw bytes must be hashed; re-serialised JSON does not match.
 */
export function douyinSignature(clientSecret: string, rawBody: Buffer): string {
	return createHash('sha1').update(Buffer.from(clientSecret, 'utf8')).update(rawBody).digest('hex');
}

/** Constant-time comparison; SKIT compares case-insensitively, so we accept upper-case hex too. */
export function isValidDouyinSignature(clientSecret: string, rawBody: Buffer, received: string | undefined): boolean {
	if (!received || !clientSecret) return false;
	const expected = Buffer.from(douyinSignature(clientSecret, rawBody), 'utf8');
	const actual = Buffer.from(received.trim().toLowerCase(), 'utf8');
	return actual.length === expected.length && timingSafeEqual(actual, expected);
}
