import type { INodeProperties } from 'n8n-workflow';

import type { DouyinOperation } from '../common';
import { eachItem, forOperation } from '../common';

export const description: INodeProperties[] = forOperation('leadCard', 'delete', [
	{
		displayName: 'Lead Card',
		name: 'cardId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchLeadCards', searchable: true } },
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: '7123456789012345678' },
		],
	},
]);

export const execute: DouyinOperation = async function (transport, items) {
	return await eachItem(this, items, async (i) =>
		transport.deleteLeadCard(this.getNodeParameter('cardId', i, '', { extractValue: true }) as string),
	);
};
