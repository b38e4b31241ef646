#!/usr/bin/env node
'use strict';
// Write workflows-templates/*.json from scripts/templates/definitions.js. `--check` only compares (used by tests).
const fs = require('node:fs');
const path = require('node:path');
const { TEMPLATES } = require('./definitions');

const DIR = path.resolve(__dirname, '../../workflows-templates');
const render = (workflow) => `${JSON.stringify(workflow, null, '\t')}\n`;

const check = process.argv.includes('--check');
let stale = 0;
for (const { file, workflow } of TEMPLATES) {
	const target = path.join(DIR, file);
	const text = render(workflow);
	if (check) {
		if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== text) {
			process.stderr.write(`${file} is out of date: run node scripts/templates/build.js\n`);
			stale++;
		}
	} else {
		fs.writeFileSync(target, text);
		process.stdout.write(`wrote workflows-templates/${file}\n`);
	}
}
process.exit(stale ? 1 : 0);
