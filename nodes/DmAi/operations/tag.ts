import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { askStructured } from '../ask';
import { normalizeHistory } from '../history';
import type { TagDefinition } from '../prompts';
import { buildTagPrompt, TAG_SCHEMA } from '../prompts';
import { chatSettings } from '../transport';

/** Classify against the user's taxonomy; unknown tags are dropped, low-confidence ones listed as rejected. */
export async function tag(this: IExecuteFunctions, item: INodeExecutionData, itemIndex: number): Promise<IDataObject> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const taxonomy = ((this.getNodeParameter('taxonomy', itemIndex, {}) as { tag?: TagDefinition[] }).tag ?? []).filter((t) => t.tag?.trim());
	if (!taxonomy.length) throw new NodeOperationError(this.getNode(), 'Add at least one tag to choose from', { itemIndex });
	const threshold = Number(this.getNodeParameter('threshold', itemIndex, 0.6));
	const history = normalizeHistory(this.getNodeParameter('conversation', itemIndex, []));
	if (!history.length) throw new NodeOperationError(this.getNode(), 'The conversation is empty', { itemIndex });

	const settings = await chatSettings(this, Number(options.temperature ?? 0.3));
	const { value, usage, repaired } = await askStructured(this, settings, buildTagPrompt(taxonomy, history), TAG_SCHEMA, itemIndex);
	const known = new Set(taxonomy.map((entry) => entry.tag));
	const candidates = (value.tags as IDataObject[])
		.map((entry) => ({
			tag: String(entry.tag ?? ''),
			reason: String(entry.reason ?? ''),
			confidence: Math.max(0, Math.min(1, Number(entry.confidence) || 0)),
		}))
		.filter((entry) => known.has(entry.tag));
	const field = (options.outputField as string) || 'ai';
	return {
		...item.json,
		[field]: {
			tags: candidates.filter((entry) => entry.confidence >= threshold),
			rejected: candidates.filter((entry) => entry.confidence < threshold),
			usage,
			model: settings.model,
			repaired,
		},
	};
}
