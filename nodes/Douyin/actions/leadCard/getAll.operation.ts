import type { INodeProperties } from 'n8n-workflow';

import type { DouyinOperation } from '../common';
import { eachItem, forOperation } from '../common';

export const description: INodeProperties[] = forOperation('leadCard', 'getAll', []);

/** douyin.md §6 GET /im/get/retain_consult_card/ → cards[{card_id,title,components,media_id,status}], one item each. */
export const execute: DouyinOperation = async function (transport, items) {
	return await eachItem(this, items, async () => await transport.listLeadCards());
};
