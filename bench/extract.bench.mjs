#!/usr/bin/env node
// Lead Extractor benchmark: throughput on one core and phone precision / recall on the labelled corpus,
// side by side in one run against two baselines:
//   - a naive regex /1[3-9]\d{9}/g
//   - libphonenumber-js (max metadata) findPhoneNumbersInText(text, 'CN')  [devDependency only]
// Usage: npm run build && node bench/extract.bench.mjs [--seconds 2] [--markdown]
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { extractLead } = require(join(root, 'dist/nodes/LeadExtractor/extract.js'));
const { findPhoneNumbersInText } = require('libphonenumber-js/max');

const args = process.argv.slice(2);
const seconds = Number(args[args.indexOf('--seconds') + 1]) || 2;
const markdown = args.includes('--markdown');
const corpus = JSON.parse(readFileSync(join(root, 'test/fixtures/leads/corpus.json'), 'utf8'));
const texts = corpus.map((entry) => entry.text);

const NAIVE = /1[3-9]\d{9}/g;
const contenders = {
	'extractLead (this package)': (text) => extractLead(text).phones,
	'naive regex 1[3-9]\\d{9}': (text) => [...new Set((text.match(NAIVE) ?? []).map((n) => `+86${n}`))],
	'libphonenumber-js findPhoneNumbersInText': (text) => [...new Set(findPhoneNumbersInText(text, 'CN').map((m) => m.number.number))],
};

function quality(find) {
	let tp = 0, fp = 0, fn = 0;
	corpus.forEach((entry) => {
		const got = new Set(find(entry.text));
		const want = new Set(entry.phones);
		for (const value of got) want.has(value) ? tp++ : fp++;
		for (const value of want) if (!got.has(value)) fn++;
	});
	return { precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1) };
}

/** Messages per second: whole passes over the corpus for about `budgetMs`. */
function throughput(find, budgetMs) {
	let messages = 0;
	const start = process.hrtime.bigint();
	const deadline = start + BigInt(Math.round(budgetMs * 1e6));
	let now = start;
	while (now < deadline) {
		for (const text of texts) find(text);
		messages += texts.length;
		now = process.hrtime.bigint();
	}
	return messages / (Number(now - start) / 1e9);
}

// Warm up each contender, then interleave rounds so that machine noise hits all of them alike.
for (const find of Object.values(contenders)) throughput(find, 200);
const rounds = 5;
const rates = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
for (let round = 0; round < rounds; round++) {
	for (const [name, find] of Object.entries(contenders)) rates[name].push(throughput(find, (seconds * 1000) / rounds));
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const rows = Object.entries(contenders).map(([name, find]) => ({ name, rate: median(rates[name]), ...quality(find) }));
const ours = rows[0].rate;
const lines = [
	`Corpus: ${corpus.length} messages (test/fixtures/leads/corpus.json); Node ${process.version}; ${rounds} interleaved rounds, median.`,
	'',
	'| extractor | messages/s (one core) | ratio to extractLead | phone precision | phone recall |',
	'|---|---:|---:|---:|---:|',
	...rows.map(
		(row) =>
			`| ${row.name} | ${Math.round(row.rate).toLocaleString('en-US')} | ${(row.rate / ours).toFixed(2)}× | ${row.precision.toFixed(3)} | ${row.recall.toFixed(3)} |`,
	),
];
// The rest of the extractor's quality on the same corpus (the baselines read phones only).
const results = corpus.map((entry) => extractLead(entry.text));
const kindQuality = (kind) => {
	let tp = 0, fp = 0, fn = 0;
	corpus.forEach((entry, i) => {
		const got = new Set(results[i][kind]);
		const want = new Set(entry[kind]);
		for (const value of got) want.has(value) ? tp++ : fp++;
		for (const value of want) if (!got.has(value)) fn++;
	});
	return `precision ${(tp / (tp + fp || 1)).toFixed(3)}, recall ${(tp / (tp + fn || 1)).toFixed(3)}`;
};
const intentAccuracy = corpus.filter((entry, i) => results[i].intent === entry.intent).length / corpus.length;
lines.push(
	'',
	`extractLead on the same corpus — WeChat: ${kindQuality('wechat')}; QQ: ${kindQuality('qq')}; e-mail: ${kindQuality('email')}; intent accuracy ${intentAccuracy.toFixed(3)}.`,
);
console.log(markdown ? lines.join('\n') : lines.join('\n').replace(/\|/g, ' ').replace(/ +/g, ' '));
