import { Workflow } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { DmAiApi } from '../../credentials/DmAiApi.credentials';
import { DouyinAccountApi } from '../../credentials/DouyinAccountApi.credentials';
import { DouyinAppApi } from '../../credentials/DouyinAppApi.credentials';
import { douyinBaseUrl } from '../../nodes/Douyin/transport/endpoints';

/** Evaluate a credential expression with n8n's own expression engine, as a credential test would. */
function evaluate(expression: string, credentials: Record<string, unknown>): unknown {
	const node = { id: 'n', name: 'n', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: { getByName: () => undefined, getByNameAndVersion: () => undefined, getKnownTypes: () => ({}) } as never });
	return workflow.expression.getSimpleParameterValue(node, expression, 'internal', { $credentials: credentials } as never, undefined, '');
}

describe('credential test requests resolve to the right host', () => {
	it.each([
		[{ environment: 'production' }],
		[{ environment: 'sandbox' }],
		[{ environment: 'custom', baseUrl: 'http://127.0.0.1:4010' }],
	])('Douyin %o', (settings) => {
		for (const credential of [new DouyinAppApi(), new DouyinAccountApi()]) {
			expect(evaluate(credential.test.request.baseURL as string, settings)).toBe(douyinBaseUrl(settings));
		}
	});

	it('DM AI strips a trailing slash and sends a bearer key only when there is one', () => {
		const credential = new DmAiApi();
		expect(evaluate(credential.test.request.baseURL as string, { baseUrl: 'https://api.deepseek.com/v1/' })).toBe('https://api.deepseek.com/v1');
		const header = credential.authenticate.properties.headers?.Authorization as string;
		expect(evaluate(header, { apiKey: 'k1' })).toBe('Bearer k1');
		expect(evaluate(header, { apiKey: '' })).toBe('');
	});
});
