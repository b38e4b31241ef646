import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { buildRepairPrompt } from './prompts';
import type { Schema } from './structured';
import { parseStructured } from './structured';
import type { ChatMessage, ChatSettings, Usage } from './transport';
import { addUsage, chatCompletion } from './transport';

/**
 * Ask for JSON matching `schema`: JSON mode where the endpoint has it, otherwise the prompt's strict instruction;
 * one repair request listing the problems; then a clear error with the model's last answer.
 */
export async function askStructured(
	ctx: IExecuteFunctions,
	settings: ChatSettings,
	messages: ChatMessage[],
	schema: Schema,
	itemIndex: number,
): Promise<{ value: Record<string, unknown>; usage: Usage; repaired: boolean }> {
	const first = await chatCompletion(ctx, settings, messages, itemIndex, true);
	const parsed = parseStructured(first.content, schema);
	if (parsed.ok) return { value: parsed.value, usage: first.usage, repaired: false };

	const second = await chatCompletion(ctx, settings, buildRepairPrompt(messages, first.content, parsed.problems, schema), itemIndex, true);
	const repaired = parseStructured(second.content, schema);
	if (repaired.ok) return { value: repaired.value, usage: addUsage(first.usage, second.usage), repaired: true };

	throw new NodeOperationError(ctx.getNode(), 'The model did not return valid JSON, even after one repair request', {
		itemIndex,
		description: `Problems: ${repaired.problems.join('; ')}. Last answer (first 300 characters): ${second.content.slice(0, 300)}. Try a stronger model, or turn JSON Mode on in the credential if the endpoint supports it.`,
	});
}
