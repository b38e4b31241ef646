/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- writes the schema files when asked */
/**
 * `__schema__` files describe each output for the editor (n8n reads `__schema__/v<version>/<resource>/<operation>.json`).
 * They are derived from what the parser really emits for the spec's sample payloads; this test fails when they drift.
 * Regenerate with: UPDATE_SCHEMAS=1 npx jest test/unit/douyin/schemas
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';

import { parseDouyinWebhook } from '../../../nodes/Douyin/transport/webhook';
import * as fx from '../../fixtures/douyin';

type Schema = { type: string; properties?: Record<string, Schema>; items?: Schema };

function schemaOf(value: unknown): Schema {
	if (Array.isArray(value)) return value.length ? { type: 'array', items: schemaOf(value[0]) } : { type: 'array' };
	if (value === null) return { type: 'null' };
	if (typeof value === 'object') {
		return {
			type: 'object',
			properties: Object.fromEntries(Object.entries(value as object).map(([key, child]) => [key, schemaOf(child)])),
		};
	}
	return { type: typeof value };
}

const NOW = 1681303300000;
const SAMPLES: Record<string, unknown> = {
	entered_dm: fx.enterFromAd,
	message: fx.receiveText,
	lead: fx.leadCardSubmitted,
	message_sent: fx.sentFromApp,
	recalled: { ...fx.receiveText, event: 'im_recall_msg' },
	account: { ...fx.authorize, from_user_id: fx.ACCOUNT_OPEN_ID, content: { scopes: ['im.direct_message'] } },
	dm_authorized: { ...fx.imAuthorize, from_user_id: fx.CUSTOMER_OPEN_ID, to_user_id: fx.ACCOUNT_OPEN_ID },
};

const ROOT = join(__dirname, '../../../nodes/Douyin/__schema__/v1.0.0');

function expected(): Record<string, Schema> {
	const files: Record<string, Schema> = {};
	for (const [type, payload] of Object.entries(SAMPLES)) {
		const parsed = parseDouyinWebhook(JSON.stringify(payload), { nowMs: NOW, msgId: 'msg-id' });
		if (parsed.kind !== 'event' || parsed.event.type !== type) throw new Error(`sample for ${type} did not parse as ${type}`);
		files[`trigger/${type}.json`] = schemaOf(parsed.event);
	}
	const conversation = parseDouyinWebhook(JSON.stringify(fx.receiveText), { nowMs: NOW });
	if (conversation.kind !== 'event') throw new Error('sample did not parse');
	files['message/send.json'] = schemaOf({
		...conversation.event,
		conversation: { ...conversation.event.conversation, messagesLeft: null },
		sent: { messageId: 'server-msg-1', messageType: 'text', scene: 'im_replay_msg', at: '2026-11-21T08:00:00.000Z' },
	});
	return files;
}

describe('__schema__ sample outputs', () => {
	const files = expected();
	if (process.env.UPDATE_SCHEMAS === '1') {
		for (const [path, schema] of Object.entries(files)) {
			mkdirSync(dirname(join(ROOT, path)), { recursive: true });
			writeFileSync(join(ROOT, path), `${JSON.stringify(schema, null, 2)}\n`);
		}
	}
	it.each(Object.keys(files))('%s matches what the node emits', (path) => {
		const file = join(ROOT, path);
		expect(existsSync(file)).toBe(true);
		expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(files[path]);
	});
});
