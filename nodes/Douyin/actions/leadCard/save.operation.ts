import type { INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { DouyinOperation } from '../common';
import { eachItem, forOperation } from '../common';

export const description: INodeProperties[] = forOperation('leadCard', 'save', [
	{
		displayName: 'Card ID',
		name: 'cardId',
		type: 'string',
		default: '',
		description: 'Leave empty to create a card; set it to update that card',
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		required: true,
	},
	{
		displayName: 'Components',
		name: 'components',
		type: 'string',
		default: '1,2,3',
		required: true,
		description:
			'Comma-separated component IDs. Douyin does not document their meaning; its sample uses 1,2,3 (douyin.md §6).',
	},
	{
		displayName: 'Image ID',
		name: 'mediaId',
		type: 'string',
		default: '',
		description: 'Optional cover image (an image_id from Image → Upload)',
	},
]);

export const execute: DouyinOperation = async function (transport, items) {
	return await eachItem(this, items, async (i) => {
		const raw = String(this.getNodeParameter('components', i));
		const components = raw
			.split(/[,，\s]+/)
			.filter(Boolean)
			.map(Number);
		if (!components.length || components.some((c) => !Number.isInteger(c))) {
			throw new NodeOperationError(this.getNode(), `Components must be whole numbers separated by commas (got "${raw}")`, {
				itemIndex: i,
			});
		}
		return await transport.saveLeadCard({
			cardId: (this.getNodeParameter('cardId', i, '') as string) || undefined,
			title: this.getNodeParameter('title', i) as string,
			components,
			mediaId: (this.getNodeParameter('mediaId', i, '') as string) || undefined,
		});
	});
};
