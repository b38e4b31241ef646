import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { askStructured } from '../ask';
import { normalizeHistory } from '../history';
import type { SummaryField } from '../prompts';
import { buildSummaryPrompt, summarySchema } from '../prompts';
import { chatSettings } from '../transport';

/** 会话小结: the user's fields, each a string ("" when the conversation does not say). */
export async function summarize(this: IExecuteFunctions, item: INodeExecutionData, itemIndex: number): Promise<IDataObject> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const fields = ((this.getNodeParameter('fields', itemIndex, {}) as { field?: SummaryField[] }).field ?? []).filter((f) => f.name?.trim());
	if (!fields.length) throw new NodeOperationError(this.getNode(), 'Add at least one summary field', { itemIndex });
	const history = normalizeHistory(this.getNodeParameter('conversation', itemIndex, []));
	if (!history.length) {
		throw new NodeOperationError(this.getNode(), 'The conversation is empty', {
			itemIndex,
			description: 'Pass the conversation as [{ "role": "customer" | "business", "text": "…" }], e.g. rows read from a Data table.',
		});
	}
	const settings = await chatSettings(this, Number(options.temperature ?? 0.3));
	const { value, usage, repaired } = await askStructured(this, settings, buildSummaryPrompt(fields, history), summarySchema(fields), itemIndex);
	const summary = Object.fromEntries(fields.map((field) => [field.name, String(value[field.name] ?? '')]));
	const field = (options.outputField as string) || 'ai';
	return { ...item.json, [field]: { summary, usage, model: settings.model, repaired } };
}
