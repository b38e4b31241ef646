#!/usr/bin/env node
'use strict';
// `npm test` on a fresh clone: install the pinned dev dependencies first (the same command CI runs).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
if (!fs.existsSync(path.join(root, 'node_modules', '.bin', 'n8n-node'))) {
	process.stdout.write('Installing the pinned dev dependencies (npm ci --ignore-scripts)…\n');
	execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
}
