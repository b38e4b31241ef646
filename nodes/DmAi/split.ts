/**
 * Split reply messages to a platform's limits: each part at most `maxChars`, cut after sentence ends where possible,
 * and at most `maxMessages` parts in all (the rest is reported, never silently sent).
 */
export function splitMessages(messages: string[], maxChars: number, maxMessages: number): { parts: string[]; dropped: string[] } {
	const parts: string[] = [];
	for (const message of messages) {
		let rest = message.trim();
		while (rest.length > maxChars) {
			const window = rest.slice(0, maxChars);
			const cut = Math.max(...['。', '！', '？', '!', '?', '\n', '；', ';', '，', ','].map((mark) => window.lastIndexOf(mark)));
			const at = cut >= maxChars / 3 ? cut + 1 : maxChars;
			parts.push(rest.slice(0, at).trim());
			rest = rest.slice(at).trim();
		}
		if (rest) parts.push(rest);
	}
	return { parts: parts.slice(0, maxMessages), dropped: parts.slice(maxMessages) };
}
