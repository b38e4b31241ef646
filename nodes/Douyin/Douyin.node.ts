import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { douyinProperties } from './actions/descriptions';
import { router } from './actions/router';
import { searchLeadCards } from './methods/listSearch';

export class Douyin implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Douyin',
		name: 'douyin',
		icon: { light: 'file:../../icons/douyin.svg', dark: 'file:../../icons/douyin.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Reply to Douyin (抖音) private messages and manage lead cards through the Douyin Open Platform',
		defaults: { name: 'Douyin' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		// Send has a second output for messages the window rules or the platform refused (unless set to fail).
		outputs: `={{ $parameter["resource"] === "message" && $parameter["operation"] === "send" && $parameter["onNotSent"] !== "fail" ? [{ type: "main", displayName: "Sent" }, { type: "main", displayName: "Not Sent" }] : [{ type: "main" }] }}`,
		credentials: [{ name: 'douyinAccountApi', required: true }],
		properties: douyinProperties,
	};

	methods = { listSearch: { searchLeadCards } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
