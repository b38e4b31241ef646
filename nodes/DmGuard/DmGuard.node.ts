import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import type { Platform } from '../shared/dmEvent';
import { toNodeError } from '../shared/errors';
import { PLATFORM_OPTIONS } from '../shared/parameters';
import { checkOutgoing, stripViolations } from './guard';
import { guardOptionsFrom, guardSettingsProperties } from './settings';

export class DmGuard implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DM Guard',
		name: 'dmGuard',
		icon: { light: 'file:../../icons/dmGuard.svg', dark: 'file:../../icons/dmGuard.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["mode"] === "rewrite" ? "Rewrite" : "Pass / Block" }}',
		description:
			'Checks an outgoing private message against the platform\'s rules: contact details, links, QR codes, off-platform invitations, sensitive words',
		defaults: { name: 'DM Guard' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{ $parameter["mode"] === "rewrite" ? [{ type: "main" }] : [{ type: "main", displayName: "Pass" }, { type: "main", displayName: "Blocked" }] }}`,
		properties: [
			{
				displayName: 'Platform',
				name: 'platform',
				type: 'options',
				options: PLATFORM_OPTIONS,
				default: 'douyin',
			},
			{
				displayName: 'Text',
				name: 'text',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '={{ $json.text }}',
				description: 'The message you are about to send',
			},
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				options: [
					{ name: 'Pass or Block', value: 'route', description: 'Compliant items go to Pass, the others to Blocked with the violations' },
					{ name: 'Rewrite', value: 'rewrite', description: 'Remove the offending parts and pass every item on' },
				],
				default: 'route',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					...guardSettingsProperties,
					{
						displayName: 'Output Field',
						name: 'outputField',
						type: 'string',
						default: 'guard',
						description: 'Where to put { allowed, violations, suggestion, text }',
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const mode = this.getNodeParameter('mode', 0) as 'route' | 'rewrite';
		const pass: INodeExecutionData[] = [];
		const blocked: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const platform = this.getNodeParameter('platform', itemIndex) as Platform;
				const text = this.getNodeParameter('text', itemIndex, '') as unknown;
				if (typeof text !== 'string') {
					throw new NodeOperationError(this.getNode(), 'The Text parameter must be a string', { itemIndex });
				}
				const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
				const result = checkOutgoing(text, platform, guardOptionsFrom(options));
				const field = (options.outputField as string) || 'guard';
				const rewritten = mode === 'rewrite' ? stripViolations(text, result.violations) : text;
				const json = { ...items[itemIndex].json, [field]: { ...result, text: rewritten } };
				(mode === 'route' && !result.allowed ? blocked : pass).push({ json: json as IDataObject, pairedItem: { item: itemIndex } });
			} catch (error) {
				if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, itemIndex);
				pass.push({ json: { ...items[itemIndex].json, error: (error as Error).message }, pairedItem: { item: itemIndex } });
			}
		}
		return mode === 'rewrite' ? [pass] : [pass, blocked];
	}
}
