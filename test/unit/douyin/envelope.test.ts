import { parseEnvelope } from '../../../nodes/Douyin/transport/envelope';

describe('Douyin response envelopes (douyin.md §11)', () => {
	it('1: OAuth {data:{error_code}, message}', () => {
		expect(parseEnvelope({ data: { error_code: 0, description: '', access_token: 'act.x' }, message: 'success' })).toMatchObject({
			ok: true,
			code: 0,
			data: { access_token: 'act.x' },
		});
		expect(parseEnvelope({ data: { error_code: 10010, description: 'refresh_token过期' }, message: 'error' })).toMatchObject({
			ok: false,
			code: 10010,
			message: 'refresh_token过期',
		});
	});

	it('2: {data:{error_code}, extra:{error_code, logid, sub_error_code}} — success needs both 0', () => {
		expect(
			parseEnvelope({ msg_id: 'm1', data: { error_code: 0, description: '' }, extra: { error_code: 0, logid: 'L1', description: '' } }),
		).toMatchObject({ ok: true, code: 0, logId: 'L1' });
		expect(
			parseEnvelope({
				data: { error_code: 0 },
				extra: { error_code: 28003070, description: '超出频控限制次数', logid: 'L2', sub_error_code: 7, sub_description: 'sub' },
			}),
		).toMatchObject({ ok: false, code: 28003070, message: '超出频控限制次数', subCode: 7, subMessage: 'sub', logId: 'L2' });
		expect(parseEnvelope({ data: { error_code: 2190008, description: 'access_token过期' }, extra: { error_code: 2190008 } })).toMatchObject(
			{ ok: false, code: 2190008 },
		);
	});

	it('3: {err_no, err_msg, log_id, data}', () => {
		expect(parseEnvelope({ err_no: 0, err_msg: '', log_id: 'L3', data: { has_more: false } })).toMatchObject({
			ok: true,
			logId: 'L3',
			data: { has_more: false },
		});
		expect(parseEnvelope({ err_no: 28001008, err_msg: 'access_token expired', log_id: 'L4' })).toMatchObject({
			ok: false,
			code: 28001008,
		});
	});

	it('a body without any error code, a string body and a non-JSON body are failures', () => {
		expect(parseEnvelope({ hello: 'world' })).toMatchObject({ ok: false, code: -1 });
		expect(parseEnvelope('{"err_no":0,"data":{}}')).toMatchObject({ ok: true });
		expect(parseEnvelope('<html>')).toMatchObject({ ok: false, code: -1 });
		expect(parseEnvelope(undefined)).toMatchObject({ ok: false, code: -1 });
	});
});
