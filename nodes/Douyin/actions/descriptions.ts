import type { INodeProperties } from 'n8n-workflow';

import * as authorizedUserGetAll from './authorizedUser/getAll.operation';
import * as authorizedUserGetStatus from './authorizedUser/getStatus.operation';
import * as imageUpload from './image/upload.operation';
import * as leadCardDelete from './leadCard/delete.operation';
import * as leadCardGetAll from './leadCard/getAll.operation';
import * as leadCardSave from './leadCard/save.operation';
import * as messageRecall from './message/recall.operation';
import * as messageSend from './message/send.operation';
import * as messageResourceGetUrls from './messageResource/getUrls.operation';

const resource: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Authorized User (主动私信)', value: 'authorizedUser' },
		{ name: 'Image', value: 'image' },
		{ name: 'Lead Card (留资卡片)', value: 'leadCard' },
		{ name: 'Message', value: 'message' },
		{ name: 'Message Resource', value: 'messageResource' },
	],
	default: 'message',
};

const operation = (forResource: string, options: INodeProperties['options'], defaultValue: string): INodeProperties => ({
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: [forResource] } },
	options,
	default: defaultValue,
});

export const douyinProperties: INodeProperties[] = [
	resource,
	operation(
		'message',
		[
			{ name: 'Send', value: 'send', action: 'Send a message', description: 'Reply to a customer within the platform\'s send window' },
			{ name: 'Recall', value: 'recall', action: 'Recall a message', description: 'Withdraw a message the account sent' },
		],
		'send',
	),
	operation(
		'leadCard',
		[
			{ name: 'Create or Update', value: 'save', action: 'Create or update a lead card' },
			{ name: 'Delete', value: 'delete', action: 'Delete a lead card' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many lead cards' },
		],
		'getAll',
	),
	operation('image', [{ name: 'Upload', value: 'upload', action: 'Upload an image', description: 'Get an image ID to send' }], 'upload'),
	operation(
		'authorizedUser',
		[
			{ name: 'Get Many', value: 'getAll', action: 'Get many authorized users', description: 'Customers who allowed proactive DMs' },
			{ name: 'Get Status', value: 'getStatus', action: 'Get a customer s authorization status' },
		],
		'getAll',
	),
	operation(
		'messageResource',
		[{ name: 'Get URLs', value: 'getUrls', action: 'Get media URLs of a message', description: 'For images and videos a customer sent from their phone' }],
		'getUrls',
	),
	...messageSend.description,
	...messageRecall.description,
	...leadCardSave.description,
	...leadCardGetAll.description,
	...leadCardDelete.description,
	...imageUpload.description,
	...authorizedUserGetAll.description,
	...authorizedUserGetStatus.description,
	...messageResourceGetUrls.description,
];
