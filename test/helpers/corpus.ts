/**
 * The labelled lead corpus (built by scripts/build-lead-corpus.mjs) and the metrics the issue sets targets on.
 * bench/extract.bench.mjs computes the same metrics for the baselines.
 */
import corpusJson from '../fixtures/leads/corpus.json';

export interface CorpusEntry {
	text: string;
	phones: string[];
	wechat: string[];
	qq: string[];
	email: string[];
	intent: 'high' | 'medium' | 'low' | 'none';
	tags: string[];
}

export const corpus = corpusJson as CorpusEntry[];

export interface Score {
	tp: number;
	fp: number;
	fn: number;
	precision: number;
	recall: number;
}

export function score(expected: string[][], actual: string[][]): Score {
	let tp = 0;
	let fp = 0;
	let fn = 0;
	expected.forEach((want, i) => {
		const got = new Set(actual[i]);
		const wanted = new Set(want);
		for (const value of got) if (wanted.has(value)) tp++;
		else fp++;
		for (const value of wanted) if (!got.has(value)) fn++;
	});
	return { tp, fp, fn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1 };
}
