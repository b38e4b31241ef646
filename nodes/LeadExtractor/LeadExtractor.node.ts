import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { toNodeError } from '../shared/errors';
import { splitList } from '../shared/parameters';
import type { IntentKeywords, Vertical } from './keywords';
import { mergedKeywords, VERTICALS } from './keywords';
import { extractLead } from './extract';

const VERTICAL_NAMES: Record<Vertical, string> = {
	general: 'General',
	localLife: 'Local Life (本地生活)',
	education: 'Education (教育)',
	decoration: 'Home Decoration (家装)',
	auto: 'Auto (汽车)',
	beauty: 'Beauty (医美/美容)',
	medical: 'Medical (医疗)',
};

const splitWords = (value: unknown) => splitList(value).map((word) => word.toLowerCase());

/** Merge with a lead that is already on the item (a submitted lead card), so `lead.phones` covers both. */
function mergeLead(existing: unknown, extracted: ReturnType<typeof extractLead>): IDataObject {
	// Contact positions stay out of the item: they are for the guard and masking, not for Data tables.
	const { phones, wechat, qq, email, intent, intentScore, signals, masked } = extracted;
	const lead = { phones, wechat, qq, email, intent, intentScore, signals, masked };
	if (typeof existing !== 'object' || existing === null) return lead as unknown as IDataObject;
	const previous = existing as IDataObject;
	const union = (key: 'phones' | 'wechat') => [...new Set([...((previous[key] as string[]) ?? []), ...lead[key]])];
	return { ...previous, ...lead, phones: union('phones'), wechat: union('wechat') } as IDataObject;
}

export class LeadExtractor implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Lead Extractor',
		name: 'leadExtractor',
		icon: { light: 'file:../../icons/leadExtractor.svg', dark: 'file:../../icons/leadExtractor.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["routeByContact"] ? "Route by contact" : "Add lead" }}',
		description:
			'Reads phones, WeChat IDs, QQ and e-mail from a customer message, even when obfuscated, and scores purchase intent (私信留资)',
		defaults: { name: 'Lead Extractor' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{ $parameter["routeByContact"] ? [{ type: "main", displayName: "With Contact" }, { type: "main", displayName: "Without Contact" }] : [{ type: "main" }] }}`,
		properties: [
			{
				displayName: 'Text',
				name: 'text',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '={{ $json.message?.text ?? $json.text }}',
				description: 'The customer\'s message. By default the text of a DmEvent from a platform trigger.',
			},
			{
				displayName: 'Route Items With a Contact Separately',
				name: 'routeByContact',
				type: 'boolean',
				default: false,
				description: 'Whether to send items with a phone, WeChat, QQ or e-mail to a first output and the others to a second one',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Extra High-Intent Keywords',
						name: 'high',
						type: 'string',
						default: '',
						placeholder: '到店, 预约',
						description: 'Comma- or line-separated words that mean "wants to buy, book or be contacted"',
					},
					{
						displayName: 'Extra Low-Intent Keywords',
						name: 'low',
						type: 'string',
						default: '',
						description: 'Words that show vague interest',
					},
					{
						displayName: 'Extra Medium-Intent Keywords',
						name: 'medium',
						type: 'string',
						default: '',
						description: 'Words that ask about price, opening hours, address, deals or availability',
					},
					{
						displayName: 'Extra No-Intent Keywords',
						name: 'none',
						type: 'string',
						default: '',
						description: 'Spam, ads, auto-replies and brush-offs: such messages get no intent even with a contact',
					},
					{
						displayName: 'Output Field',
						name: 'outputField',
						type: 'string',
						default: 'lead',
						description: 'Where to put the result. An existing lead (e.g. from a lead card) is merged, not replaced.',
					},
					{
						displayName: 'Read Landlines',
						name: 'landlines',
						type: 'boolean',
						default: true,
						description: 'Whether landline numbers with an area code (010-88886666) count as phones',
					},
					{
						displayName: 'Verticals',
						name: 'verticals',
						type: 'multiOptions',
						options: VERTICALS.map((value) => ({ name: VERTICAL_NAMES[value], value })),
						default: [...VERTICALS],
						description: 'Whose default Chinese intent keywords to use',
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const routeByContact = this.getNodeParameter('routeByContact', 0) as boolean;
		const withContact: INodeExecutionData[] = [];
		const withoutContact: INodeExecutionData[] = [];

		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
				const keywords: IntentKeywords = mergedKeywords((options.verticals as Vertical[] | undefined) ?? VERTICALS);
				for (const level of ['high', 'medium', 'low', 'none'] as const) keywords[level].push(...splitWords(options[level]));
				const text = this.getNodeParameter('text', itemIndex, '') as unknown;
				if (text !== undefined && text !== null && typeof text !== 'string') {
					throw new NodeOperationError(this.getNode(), 'The Text parameter must be a string', { itemIndex });
				}
				const extracted = extractLead(String(text ?? ''), { keywords, landlines: options.landlines !== false });
				const field = (options.outputField as string) || 'lead';
				const json = { ...items[itemIndex].json, [field]: mergeLead(items[itemIndex].json[field], extracted) };
				const hasContact = extracted.contacts.length > 0 || ((json[field] as IDataObject).phones as string[]).length > 0;
				(routeByContact && !hasContact ? withoutContact : withContact).push({ json, pairedItem: { item: itemIndex } });
			} catch (error) {
				if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, itemIndex);
				withContact.push({ json: { ...items[itemIndex].json, error: (error as Error).message }, pairedItem: { item: itemIndex } });
			}
		}
		return routeByContact ? [withContact, withoutContact] : [withContact];
	}
}
