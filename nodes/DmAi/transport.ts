import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** OpenAI chat-completions contract (POST {baseUrl}/chat/completions), as every supported provider implements it. */

export const DM_AI_CREDENTIAL = 'dmAiApi';

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant';
	content: string;
}

export interface Usage {
	promptTokens: number;
	completionTokens: number;
	totalTokens: number;
}

export interface ChatResult {
	content: string;
	usage: Usage;
	model: string;
}

export interface ChatSettings {
	baseUrl: string;
	model: string;
	jsonMode: boolean;
	temperature: number;
}

export async function chatSettings(ctx: IExecuteFunctions, temperature: number): Promise<ChatSettings> {
	const credentials = await ctx.getCredentials(DM_AI_CREDENTIAL);
	return {
		baseUrl: String(credentials.baseUrl ?? '').replace(/\/+$/, ''),
		model: String(credentials.model ?? ''),
		jsonMode: credentials.jsonMode !== false,
		temperature,
	};
}

const status = (error: unknown) =>
	Number((error as { httpCode?: string }).httpCode ?? (error as { cause?: { response?: { status?: number } } }).cause?.response?.status);

/** 400 answers that mean "this endpoint does not know response_format" (then we fall back to prompt-only JSON). */
function rejectsJsonMode(error: unknown): boolean {
	if (status(error) !== 400) return false;
	const text = JSON.stringify((error as { cause?: { response?: { data?: unknown } } }).cause?.response?.data ?? (error as Error).message ?? '');
	return /response_format|json_object|json mode/i.test(text);
}

function explain(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError {
	const code = status(error);
	const description =
		code === 429
			? 'The model endpoint is rate-limiting (429). Turn on "Retry On Fail" with a wait, or lower the workflow\'s concurrency.'
			: code >= 500
				? `The model endpoint failed (${code}). Turn on "Retry On Fail", or check the provider's status.`
				: code === 401 || code === 403
					? 'The API key was refused: check the DM AI credential.'
					: undefined;
	const apiError = new NodeApiError(ctx.getNode(), error as JsonObject, { itemIndex });
	// NodeApiError replaces a given message with its generic per-status text; ours names the model endpoint.
	apiError.message = `The model request failed${Number.isFinite(code) ? ` (HTTP ${code})` : ''}`;
	if (description) apiError.description = description;
	return apiError;
}

export async function chatCompletion(
	ctx: IExecuteFunctions,
	settings: ChatSettings,
	messages: ChatMessage[],
	itemIndex: number,
	wantJson: boolean,
): Promise<ChatResult> {
	const send = async (jsonMode: boolean) => {
		const body: IDataObject = { model: settings.model, messages: messages as unknown as IDataObject[], temperature: settings.temperature };
		if (jsonMode) body.response_format = { type: 'json_object' };
		return (await ctx.helpers.httpRequestWithAuthentication.call(ctx, DM_AI_CREDENTIAL, {
			method: 'POST',
			url: `${settings.baseUrl}/chat/completions`,
			headers: { 'Content-Type': 'application/json' },
			body,
			json: true,
		})) as IDataObject;
	};

	let response: IDataObject;
	const jsonMode = wantJson && settings.jsonMode;
	try {
		response = await send(jsonMode);
	} catch (error) {
		if (!(jsonMode && rejectsJsonMode(error))) throw explain(ctx, error, itemIndex);
		try {
			response = await send(false);
		} catch (retryError) {
			throw explain(ctx, retryError, itemIndex);
		}
	}

	const choice = (response.choices as IDataObject[] | undefined)?.[0];
	const content = (choice?.message as IDataObject | undefined)?.content;
	if (typeof content !== 'string') {
		throw new NodeApiError(ctx.getNode(), response as JsonObject, {
			itemIndex,
			message: 'The model endpoint answered without choices[0].message.content',
			description: 'Is the Base URL an OpenAI-compatible /v1 endpoint?',
		});
	}
	const usage = (response.usage as IDataObject | undefined) ?? {};
	return {
		content,
		model: String(response.model ?? settings.model),
		usage: {
			promptTokens: Number(usage.prompt_tokens ?? 0),
			completionTokens: Number(usage.completion_tokens ?? 0),
			totalTokens: Number(usage.total_tokens ?? 0),
		},
	};
}

export function addUsage(a: Usage, b: Usage): Usage {
	return {
		promptTokens: a.promptTokens + b.promptTokens,
		completionTokens: a.completionTokens + b.completionTokens,
		totalTokens: a.totalTokens + b.totalTokens,
	};
}
