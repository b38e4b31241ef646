import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toNodeError } from '../../shared/errors';
import { DouyinApiFailure, toNodeApiError } from '../transport/request';
import type { DouyinTransport } from '../transport/types';

export type DouyinOperation = (
	this: IExecuteFunctions,
	transport: DouyinTransport,
	items: INodeExecutionData[],
) => Promise<INodeExecutionData[][]>;

/** Show `fields` only for one resource + operation. */
export function forOperation(resource: string, operation: string, fields: INodeProperties[]): INodeProperties[] {
	return fields.map((field) => ({
		...field,
		displayOptions: {
			...field.displayOptions,
			show: { ...field.displayOptions?.show, resource: [resource], operation: [operation] },
		},
	}));
}

/** Platform failures become NodeApiError with the Douyin code; anything else keeps its own error. */
export function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof DouyinApiFailure) return toNodeApiError(ctx, error, itemIndex);
	return toNodeError(ctx.getNode(), error, itemIndex);
}

/**
 * The per-item loop every simple operation shares: run `perItem`, pair outputs with their input, and honour
 * "Continue On Fail" by emitting the error on the item instead of stopping.
 */
export async function eachItem(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	perItem: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[][]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await perItem(itemIndex);
			for (const json of Array.isArray(result) ? result : [result]) {
				output.push({ json, pairedItem: { item: itemIndex } });
			}
		} catch (error) {
			const nodeError = asNodeError(ctx, error, itemIndex);
			if (!ctx.continueOnFail()) throw nodeError;
			output.push({ json: { error: nodeError.message }, pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}
