import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { createDouyinTransport } from '../transport/openPlatform';
import type { DouyinOperation } from './common';
import * as authorizedUserGetAll from './authorizedUser/getAll.operation';
import * as authorizedUserGetStatus from './authorizedUser/getStatus.operation';
import * as imageUpload from './image/upload.operation';
import * as leadCardDelete from './leadCard/delete.operation';
import * as leadCardGetAll from './leadCard/getAll.operation';
import * as leadCardSave from './leadCard/save.operation';
import * as messageRecall from './message/recall.operation';
import * as messageSend from './message/send.operation';
import * as messageResourceGetUrls from './messageResource/getUrls.operation';

/** resource → operation → implementation: the one place that dispatches. */
export const OPERATIONS: Record<string, Record<string, { execute: DouyinOperation }>> = {
	message: { send: messageSend, recall: messageRecall },
	leadCard: { save: leadCardSave, getAll: leadCardGetAll, delete: leadCardDelete },
	image: { upload: imageUpload },
	authorizedUser: { getAll: authorizedUserGetAll, getStatus: authorizedUserGetStatus },
	messageResource: { getUrls: messageResourceGetUrls },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const implementation = OPERATIONS[resource]?.[operation];
	if (!implementation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const transport = await createDouyinTransport(this);
	return await implementation.execute.call(this, transport, items);
}
