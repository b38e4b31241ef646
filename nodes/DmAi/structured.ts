/**
 * Structured output: parse the model's JSON and check it against a small schema. Pure, so every malformed answer
 * a model can give is testable. The node asks once more with the problems listed (one repair), then fails clearly.
 */
export type FieldType = 'string' | 'boolean' | 'number' | 'string[]' | 'object' | 'object[]' | 'enum';

export interface FieldSpec {
	type: FieldType;
	required?: boolean;
	values?: readonly string[];
}

export type Schema = Record<string, FieldSpec>;

export type Parsed = { ok: true; value: Record<string, unknown> } | { ok: false; problems: string[] };

/** Models wrap JSON in ```json fences or add a sentence around it: take the outermost object. */
export function extractJsonText(content: string): string {
	const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(content);
	const text = fenced ? fenced[1] : content;
	const start = text.indexOf('{');
	const end = text.lastIndexOf('}');
	return start === -1 || end < start ? text.trim() : text.slice(start, end + 1);
}

function typeProblem(value: unknown, spec: FieldSpec): string | undefined {
	switch (spec.type) {
		case 'string':
			return typeof value === 'string' ? undefined : 'must be a string';
		case 'boolean':
			return typeof value === 'boolean' ? undefined : 'must be true or false';
		case 'number':
			return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
		case 'string[]':
			return Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : 'must be an array of strings';
		case 'object':
			return typeof value === 'object' && value !== null && !Array.isArray(value) ? undefined : 'must be an object';
		case 'object[]':
			return Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null) ? undefined : 'must be an array of objects';
		case 'enum':
			return typeof value === 'string' && spec.values?.includes(value) ? undefined : `must be one of ${spec.values?.join(', ')}`;
	}
}

export function parseStructured(content: string, schema: Schema): Parsed {
	let value: unknown;
	try {
		value = JSON.parse(extractJsonText(content));
	} catch (error) {
		return { ok: false, problems: [`not valid JSON (${(error as Error).message})`] };
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problems: ['the answer must be one JSON object'] };
	const record = value as Record<string, unknown>;
	const problems: string[] = [];
	for (const [key, spec] of Object.entries(schema)) {
		if (record[key] === undefined || record[key] === null) {
			if (spec.required) problems.push(`"${key}" is missing`);
			continue;
		}
		const problem = typeProblem(record[key], spec);
		if (problem) problems.push(`"${key}" ${problem}`);
	}
	return problems.length ? { ok: false, problems } : { ok: true, value: record };
}

/** Describe the schema to the model, for endpoints without JSON mode and for the repair request. */
export function describeSchema(schema: Schema): string {
	return Object.entries(schema)
		.map(([key, spec]) => {
			const type = spec.type === 'enum' ? spec.values?.map((v) => JSON.stringify(v)).join(' | ') : spec.type;
			return `  "${key}": ${type}${spec.required ? '' : ' (optional)'}`;
		})
		.join(',\n');
}
