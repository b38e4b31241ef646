import { extractLead } from '../../../nodes/LeadExtractor/extract';
import { corpus, score } from '../../helpers/corpus';

const results = corpus.map((entry) => extractLead(entry.text));

describe('the labelled corpus (test/fixtures/leads/corpus.json)', () => {
	it('is large and hard enough: ≥300 messages, ≥⅓ obfuscated, ≥⅕ hard negatives', () => {
		const tagged = (tag: string) => corpus.filter((entry) => entry.tags.includes(tag)).length;
		expect(corpus.length).toBeGreaterThanOrEqual(300);
		expect(tagged('obfuscated') / corpus.length).toBeGreaterThanOrEqual(1 / 3);
		expect(tagged('hard-negative') / corpus.length).toBeGreaterThanOrEqual(1 / 5);
	});

	it.each(['phones', 'wechat'] as const)('%s: precision and recall ≥ 0.97', (kind) => {
		const result = score(
			corpus.map((entry) => entry[kind]),
			results.map((r) => r[kind]),
		);
		expect(result.precision).toBeGreaterThanOrEqual(0.97);
		expect(result.recall).toBeGreaterThanOrEqual(0.97);
	});

	it.each(['qq', 'email'] as const)('%s: nothing missed or invented', (kind) => {
		const result = score(
			corpus.map((entry) => entry[kind]),
			results.map((r) => r[kind]),
		);
		expect(result).toMatchObject({ fp: 0, fn: 0 });
	});

	it('intent accuracy ≥ 0.85', () => {
		const correct = corpus.filter((entry, i) => results[i].intent === entry.intent).length;
		expect(correct / corpus.length).toBeGreaterThanOrEqual(0.85);
	});

	it('no hard negative yields a contact', () => {
		const leaked = corpus
			.map((entry, i) => ({ entry, result: results[i] }))
			.filter(({ entry }) => entry.tags.includes('hard-negative'))
			.filter(({ result }) => result.phones.length + result.wechat.length + result.qq.length + result.email.length > 0)
			.map(({ entry }) => entry.text);
		expect(leaked).toEqual([]);
	});
});
