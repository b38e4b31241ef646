import type { INodeProperties } from 'n8n-workflow';

import type { DouyinOperation } from '../common';
import { eachItem, forOperation } from '../common';

export const description: INodeProperties[] = forOperation('authorizedUser', 'getStatus', [
	{
		displayName: 'Customer Open ID',
		name: 'customerId',
		type: 'string',
		default: '={{ $json.customer.id }}',
		required: true,
		description: 'The open_id of the customer (c_open_id)',
	},
	{
		displayName: 'Applet App ID',
		name: 'appId',
		type: 'string',
		default: '',
		description: 'Optional: the mini-app the grant was made in',
	},
]);

export const execute: DouyinOperation = async function (transport, items) {
	return await eachItem(this, items, async (i) =>
		transport.getAuthorizationStatus(
			this.getNodeParameter('customerId', i) as string,
			(this.getNodeParameter('appId', i, '') as string) || undefined,
		),
	);
};
