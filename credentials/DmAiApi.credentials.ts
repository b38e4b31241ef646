import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * Any OpenAI-compatible chat-completions endpoint: DeepSeek, Qwen (DashScope compatible mode), Doubao (Volcengine
 * Ark), Moonshot, OpenAI, Ollama, vLLM. The base URL is the part before `/chat/completions`.
 */
export class DmAiApi implements ICredentialType {
	name = 'dmAiApi';

	displayName = 'DM AI (OpenAI-Compatible) API';

	icon: Icon = { light: 'file:../icons/dmAi.svg', dark: 'file:../icons/dmAi.dark.svg' };

	documentationUrl = 'https://github.com/dm-leads/n8n-nodes-dm-leads#dm-ai';

	properties: INodeProperties[] = [
		{
			displayName:
				'Base URLs: DeepSeek <code>https://api.deepseek.com/v1</code> · Qwen <code>https://dashscope.aliyuncs.com/compatible-mode/v1</code> · Doubao <code>https://ark.cn-beijing.volces.com/api/v3</code> · Moonshot <code>https://api.moonshot.cn/v1</code> · OpenAI <code>https://api.openai.com/v1</code> · Ollama <code>http://localhost:11434/v1</code> · vLLM <code>http://localhost:8000/v1</code>',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.deepseek.com/v1',
			required: true,
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Leave empty for local servers (Ollama, vLLM) that need none',
		},
		{
			displayName: 'Model',
			name: 'model',
			type: 'string',
			default: 'deepseek-chat',
			required: true,
			placeholder: 'deepseek-chat, qwen-plus, doubao-seed-1-6, moonshot-v1-8k, gpt-4o-mini, qwen2.5:7b',
			description: 'For Doubao, the endpoint ID (ep-…) or model name from the Ark console',
		},
		{
			displayName: 'JSON Mode',
			name: 'jsonMode',
			type: 'boolean',
			default: true,
			description:
				'Whether to ask for response_format json_object. If the endpoint rejects it, the node falls back to a strict prompt plus validation.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '={{$credentials.apiKey ? "Bearer " + $credentials.apiKey : ""}}' } },
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}', url: '/models', method: 'GET' },
	};
}
