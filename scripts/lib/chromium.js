'use strict';
// Debian's Chromium for the browser tests (playwright-core drives it; no browser download).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');

const CHROMIUM = '/usr/bin/chromium';
/** Without CJK fonts the chat page's Chinese renders as boxes in screenshots. */
const CJK_FONT_DIR = '/usr/share/fonts/opentype/noto';

/** Install Debian's `chromium` (and CJK fonts) when missing and we are root (CI machines); otherwise say how. */
function ensureChromium(log = () => {}) {
	const missing = [...(fs.existsSync(CHROMIUM) ? [] : ['chromium']), ...(fs.existsSync(CJK_FONT_DIR) ? [] : ['fonts-noto-cjk'])];
	if (missing.length && typeof process.getuid === 'function' && process.getuid() === 0 && fs.existsSync('/usr/bin/apt-get')) {
		log(`Installing ${missing.join(' and ')} from Debian for the browser tests (apt-get)…`);
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'ignore' });
		execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { env, stdio: 'ignore' });
	}
	if (fs.existsSync(CHROMIUM)) return CHROMIUM;
	throw new Error(`The browser tests need Debian's Chromium at ${CHROMIUM}: sudo apt-get install chromium`);
}

const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'];

module.exports = { ensureChromium, CHROMIUM_ARGS };
