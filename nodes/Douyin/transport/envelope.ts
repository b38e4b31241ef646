/**
 * The three Douyin response envelopes (douyin.md §11); success means HTTP 200 and every error code present is 0.
 *   1. OAuth:            {data:{error_code, description, …}, message}
 *   2. most OpenAPIs:    {data:{error_code, description, …}, extra:{logid, error_code, description, sub_error_code, sub_description}}
 *   3. newer APIs:       {err_no, err_msg, log_id, data}
 */
export interface DouyinEnvelope {
	ok: boolean;
	/** First non-zero error code found, or 0. */
	code: number;
	message: string;
	subCode?: number;
	subMessage?: string;
	logId?: string;
	data: Record<string, unknown>;
	body: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const asCode = (value: unknown): number | undefined =>
	value === undefined || value === null || value === '' ? undefined : Number(value);

export function parseEnvelope(rawBody: unknown): DouyinEnvelope {
	let body: unknown = rawBody;
	if (typeof body === 'string') {
		try {
			body = JSON.parse(body);
		} catch {
			return { ok: false, code: -1, message: 'Douyin answered with a body that is not JSON', data: {}, body: { text: rawBody } };
		}
	}
	if (!isRecord(body)) {
		return { ok: false, code: -1, message: 'Douyin answered with an empty or unexpected body', data: {}, body: {} };
	}

	const data = isRecord(body.data) ? body.data : {};
	const extra = isRecord(body.extra) ? body.extra : undefined;

	// Envelope 3: err_no at the root.
	if ('err_no' in body) {
		const code = asCode(body.err_no) ?? 0;
		return {
			ok: code === 0,
			code,
			message: String(body.err_msg ?? ''),
			logId: body.log_id === undefined ? undefined : String(body.log_id),
			data,
			body,
		};
	}

	const dataCode = asCode(data.error_code);
	const extraCode = extra ? asCode(extra.error_code) : undefined;
	if (dataCode === undefined && extraCode === undefined) {
		return {
			ok: false,
			code: -1,
			message: 'Douyin answered without an error code in any known envelope',
			data,
			body,
		};
	}
	const code = dataCode || extraCode || 0;
	const fromExtra = !dataCode && !!extraCode;
	return {
		ok: code === 0,
		code,
		message: String((fromExtra ? extra?.description : data.description) ?? body.message ?? ''),
		subCode: extra ? asCode(extra.sub_error_code) : undefined,
		subMessage: extra?.sub_description === undefined ? undefined : String(extra.sub_description),
		logId: extra?.logid === undefined ? (data.log_id === undefined ? undefined : String(data.log_id)) : String(extra.logid),
		data,
		body,
	};
}
