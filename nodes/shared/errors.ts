import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * The error a node throws for one item: n8n errors pass through unchanged (keeping their description and item
 * index), anything else is wrapped in a NodeOperationError for that item.
 */
export function toNodeError(node: INode, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeOperationError) return error;
	if (error instanceof Error && error.name === 'NodeApiError') return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}
