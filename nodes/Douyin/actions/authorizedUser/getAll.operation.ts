import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { DouyinOperation } from '../common';
import { eachItem, forOperation } from '../common';

export const description: INodeProperties[] = forOperation('authorizedUser', 'getAll', [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
]);

const PAGE_SIZE = 50;

/** douyin.md §8: customers who granted proactive DMs (主动私信), paged by page_num / has_more. */
export const execute: DouyinOperation = async function (transport, items) {
	return await eachItem(this, items, async (i) => {
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', i) as number);
		const users: IDataObject[] = [];
		for (let page = 1; users.length < limit; page++) {
			const { users: batch, hasMore } = await transport.listAuthorizedUsers(page, PAGE_SIZE);
			users.push(...batch);
			if (!hasMore || batch.length === 0) break;
		}
		return users.slice(0, limit);
	});
};
