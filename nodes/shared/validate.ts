import type { DmConversation, DmEvent } from './dmEvent';
import { DM_EVENT_TYPES, PLATFORMS, WINDOW_KINDS } from './dmEvent';

/**
 * Hand-written validation for the DmEvent model (the package has no runtime dependencies, so no zod at run time).
 * Each check returns every problem it finds, phrased so a marketer can fix the expression that produced the value.
 */
export type Validation<T> = { ok: true; value: T } | { ok: false; problems: string[] };

type Rule = (value: unknown) => string | undefined;

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const nonEmptyString: Rule = (v) => (typeof v === 'string' && v !== '' ? undefined : 'must be a non-empty string');
const stringOrNull: Rule = (v) => (v === null || typeof v === 'string' ? undefined : 'must be a string or null');
const isoDate: Rule = (v) =>
	typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? undefined : 'must be an ISO date-time string';
const isoDateOrNull: Rule = (v) => (v === null ? undefined : isoDate(v));
const countOrNull: Rule = (v) =>
	v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 0) ? undefined : 'must be a whole number ≥ 0 or null';
const oneOf =
	(allowed: readonly string[]): Rule =>
	(v) =>
		typeof v === 'string' && allowed.includes(v) ? undefined : `must be one of ${allowed.join(', ')}`;

function checkShape(value: unknown, rules: Record<string, Rule>, path: string): string[] {
	if (!isRecord(value)) return [`${path} must be an object`];
	const problems: string[] = [];
	for (const [key, rule] of Object.entries(rules)) {
		const problem = rule(value[key]);
		if (problem) problems.push(`${path}.${key} ${problem} (got ${JSON.stringify(value[key]) ?? 'nothing'})`);
	}
	return problems;
}

const CONVERSATION_RULES: Record<string, Rule> = {
	platform: oneOf(PLATFORMS),
	accountId: nonEmptyString,
	customerId: nonEmptyString,
	id: stringOrNull,
	replyToken: stringOrNull,
	scene: stringOrNull,
	windowKind: oneOf(WINDOW_KINDS),
	receivedAt: isoDate,
	windowExpiresAt: isoDateOrNull,
	messagesLeft: countOrNull,
};

export function validateConversation(value: unknown, path = 'conversation'): Validation<DmConversation> {
	const problems = checkShape(value, CONVERSATION_RULES, path);
	return problems.length ? { ok: false, problems } : { ok: true, value: value as DmConversation };
}

export function validateDmEvent(value: unknown): Validation<DmEvent> {
	const problems = checkShape(
		value,
		{
			eventId: nonEmptyString,
			type: oneOf(DM_EVENT_TYPES),
			platform: oneOf(PLATFORMS),
			platformEvent: nonEmptyString,
			account: (v) => (isRecord(v) && typeof v.id === 'string' ? undefined : 'must be an object with a string id'),
			customer: (v) => (isRecord(v) && typeof v.id === 'string' ? undefined : 'must be an object with a string id'),
		},
		'event',
	);
	if (isRecord(value) && value.conversation !== null && value.conversation !== undefined) {
		const conversation = validateConversation(value.conversation, 'event.conversation');
		if (!conversation.ok) problems.push(...conversation.problems);
	}
	return problems.length ? { ok: false, problems } : { ok: true, value: value as DmEvent };
}
