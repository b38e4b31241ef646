/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- fake secret for signature vectors */
import { createHash } from 'crypto';

import { douyinSignature, isValidDouyinSignature } from '../../../nodes/Douyin/transport/signature';

const secret = 'test-client-secret-0123456789';
const body = Buffer.from('{"event":"im_receive_msg","content":{"text":"你好"}}', 'utf8');

describe('X-Douyin-Signature (douyin.md §2.3)', () => {
	it('is the lowercase hex SHA-1 of secret + raw body (plain SHA-1, not HMAC)', () => {
		const expected = createHash('sha1').update(secret + body.toString('utf8')).digest('hex');
		expect(douyinSignature(secret, body)).toBe(expected);
		expect(expected).toMatch(/^[0-9a-f]{40}$/);
	});
	it('accepts the right signature, also in upper case', () => {
		const signature = douyinSignature(secret, body);
		expect(isValidDouyinSignature(secret, body, signature)).toBe(true);
		expect(isValidDouyinSignature(secret, body, signature.toUpperCase())).toBe(true);
	});
	it('refuses a wrong, truncated or missing signature, and a wrong secret', () => {
		const signature = douyinSignature(secret, body);
		expect(isValidDouyinSignature(secret, body, signature.replace(/.$/, (c) => (c === '0' ? '1' : '0')))).toBe(false);
		expect(isValidDouyinSignature(secret, body, signature.slice(0, 39))).toBe(false);
		expect(isValidDouyinSignature(secret, body, undefined)).toBe(false);
		expect(isValidDouyinSignature('other-secret', body, signature)).toBe(false);
	});
	it('does not match a re-serialised body', () => {
		const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8')), null, 1));
		expect(isValidDouyinSignature(secret, reserialised, douyinSignature(secret, body))).toBe(false);
	});
});
