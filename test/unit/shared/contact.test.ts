import { maskPhone, maskPhonesInText, maskSecret, normalizeMainlandMobile } from '../../../nodes/shared/contact';

describe('normalizeMainlandMobile', () => {
	it.each([
		['13800138000', '+8613800138000'],
		['138 0013 8000', '+8613800138000'],
		['138-0013-8000', '+8613800138000'],
		['+86 138 0013 8000', '+8613800138000'],
		['008613800138000', '+8613800138000'],
		['8613800138000', '+8613800138000'],
		['１３８００１３８０００', '+8613800138000'],
		['19912345678', '+8619912345678'],
	])('%s → %s', (input, expected) => {
		expect(normalizeMainlandMobile(input)).toBe(expected);
	});

	it.each(['138****8000', '12800138000', '1380013800', '138001380001', '010-12345678', 'abc', ''])(
		'rejects %s',
		(input) => {
			expect(normalizeMainlandMobile(input)).toBeNull();
		},
	);
});

describe('masking', () => {
	it('masks phones keeping prefix and last four', () => {
		expect(maskPhone('+8613800138000')).toBe('+86138****8000');
		expect(maskPhone('13800138000')).toBe('138****8000');
	});
	it('masks phones inside text', () => {
		expect(maskPhonesInText('电话 13800138000，或 +86 139 1234 5678')).toBe('电话 138****8000，或 +86139****5678');
	});
	it('never shows a secret', () => {
		expect(maskSecret('act.1234567890abcdef')).toBe('act.***(20)');
		expect(maskSecret('short')).toBe('***(5)');
		expect(maskSecret('')).toBe('(empty)');
	});
});
