import type { INodePropertyOptions } from 'n8n-workflow';

/** Parameter helpers shared by the nodes. */

export const PLATFORM_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Douyin (抖音)', value: 'douyin' },
	{ name: 'Xiaohongshu (小红书)', value: 'xiaohongshu' },
];

/** A word-list parameter ("a, b" or one per line, Chinese commas too) → trimmed, non-empty entries. */
export function splitList(value: unknown): string[] {
	return String(value ?? '')
		.split(/[\n,，、]+/)
		.map((word) => word.trim())
		.filter(Boolean);
}
