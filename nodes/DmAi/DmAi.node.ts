import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { toNodeError } from '../shared/errors';

import { dmAiProperties } from './description';
import { reply } from './operations/reply';
import { summarize } from './operations/summarize';
import { tag } from './operations/tag';

export class DmAi implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DM AI',
		name: 'dmAi',
		icon: { light: 'file:../../icons/dmAi.svg', dark: 'file:../../icons/dmAi.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] }}',
		description:
			'Answers, summarises (会话小结) and tags private-message conversations with any OpenAI-compatible model (DeepSeek, Qwen, Doubao, Moonshot, OpenAI, Ollama, vLLM)',
		defaults: { name: 'DM AI' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		// Reply has a second output: handoffs and guard-blocked replies wait for a person, never reach the customer.
		outputs: `={{ $parameter["operation"] === "reply" ? [{ type: "main", displayName: "Reply" }, { type: "main", displayName: "Needs Review" }] : [{ type: "main" }] }}`,
		credentials: [{ name: 'dmAiApi', required: true }],
		properties: dmAiProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const operation = this.getNodeParameter('operation', 0) as 'reply' | 'summarize' | 'tag';
		const ready: INodeExecutionData[] = [];
		const review: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				if (operation === 'reply') {
					const result = await reply.call(this, items[itemIndex], itemIndex);
					(result.needsReview ? review : ready).push({ json: result.json, pairedItem: { item: itemIndex } });
				} else {
					const json: IDataObject =
						operation === 'summarize' ? await summarize.call(this, items[itemIndex], itemIndex) : await tag.call(this, items[itemIndex], itemIndex);
					ready.push({ json, pairedItem: { item: itemIndex } });
				}
			} catch (error) {
				if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, itemIndex);
				(operation === 'reply' ? review : ready).push({
					json: { ...items[itemIndex].json, error: (error as Error).message },
					pairedItem: { item: itemIndex },
				});
			}
		}
		return operation === 'reply' ? [ready, review] : [ready];
	}
}
