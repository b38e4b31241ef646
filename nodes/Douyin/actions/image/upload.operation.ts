import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ImageFile } from '../../transport/types';
import type { DouyinOperation } from '../common';
import { eachItem, forOperation } from '../common';

export const description: INodeProperties[] = forOperation('image', 'upload', [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The image file: at most 10 MB, JPEG, PNG, BMP or WebP',
	},
]);

/** douyin.md §7: ≤10 MB; jpeg, png, bmp, webp. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** Recognise the allowed formats by their magic bytes, not by the (often missing or wrong) mime type. */
export function detectImageType(data: Buffer): 'image/jpeg' | 'image/png' | 'image/bmp' | 'image/webp' | undefined {
	if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
	if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
	if (data.length >= 2 && data[0] === 0x42 && data[1] === 0x4d) return 'image/bmp';
	if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
	return undefined;
}

const EXTENSIONS = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/bmp': 'bmp', 'image/webp': 'webp' };

/** Read and check an input binary before any upload, so a bad file never costs an API call. */
export async function readImageBinary(ctx: IExecuteFunctions, itemIndex: number): Promise<ImageFile> {
	const field = ctx.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const binary = ctx.helpers.assertBinaryData(itemIndex, field);
	const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, field);
	if (data.length > MAX_IMAGE_BYTES) {
		throw new NodeOperationError(ctx.getNode(), `The image is ${(data.length / 1048576).toFixed(1)} MB; Douyin accepts at most 10 MB`, {
			itemIndex,
		});
	}
	const mimeType = detectImageType(data);
	if (!mimeType) {
		throw new NodeOperationError(ctx.getNode(), `The file in "${field}" is not a JPEG, PNG, BMP or WebP image`, {
			itemIndex,
			description: `Declared type: ${binary.mimeType || 'unknown'}. Convert it (e.g. with the Edit Image node) before sending.`,
		});
	}
	const fileName = binary.fileName || `image.${EXTENSIONS[mimeType]}`;
	return { data, fileName, mimeType };
}

export const execute: DouyinOperation = async function (transport, items) {
	return await eachItem(this, items, async (i) => transport.uploadImage(await readImageBinary(this, i)));
};
