/**
 * Contact normalisation and masking shared by every node (see wecom-call-import.md, normalisation section).
 * Mainland China mobiles become E.164 (`+86` + 11 digits starting 1[3-9]); anything else is returned unchanged or null.
 */

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** Full-width digits (０-９) to ASCII, so a customer's "１３８…" reads as a number. */
export function toAsciiDigits(text: string): string {
	return text.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));
}

/**
 * Normalise a mainland mobile number to E.164. Accepts `+86`, `0086` and `86` prefixes and separators
 * (spaces, dashes, dots, brackets). Returns null for anything that is not a complete mainland mobile —
 * including masked numbers such as `138****5678`.
 */
export function normalizeMainlandMobile(input: string): string | null {
	let digits = toAsciiDigits(String(input)).replace(/[\s\-.()（）]/g, '');
	if (digits.startsWith('+86')) digits = digits.slice(3);
	else if (digits.startsWith('0086')) digits = digits.slice(4);
	else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
	return MAINLAND_MOBILE.test(digits) ? `+86${digits}` : null;
}

/** `+8613812345678` → `+86138****5678`; other strings keep their first 3 and last 4 characters. */
export function maskPhone(phone: string): string {
	const value = String(phone);
	const national = value.startsWith('+86') ? value.slice(3) : value;
	const prefix = value.startsWith('+86') ? '+86' : '';
	if (national.length <= 7) return prefix + '*'.repeat(national.length);
	return `${prefix}${national.slice(0, 3)}${'*'.repeat(national.length - 7)}${national.slice(-4)}`;
}

/** Keep only enough of a secret to recognise it: `act.abcdef…` → `act.***(17)`. Never log the rest. */
export function maskSecret(secret: string | undefined | null): string {
	if (!secret) return '(empty)';
	const value = String(secret);
	const visible = value.length > 8 ? value.slice(0, 4) : '';
	return `${visible}***(${value.length})`;
}

/** Mask every mainland mobile and long digit run inside free text (for error messages and summaries). */
export function maskPhonesInText(text: string): string {
	return toAsciiDigits(text).replace(/(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}/g, (match) => {
		const digits = match.replace(/\D/g, '');
		return maskPhone(digits.length > 11 ? `+${digits}` : digits);
	});
}
