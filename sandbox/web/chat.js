// The chat page: a person plays the Douyin customer. Everything goes through the sandbox's control API, which sends
// the same signed webhooks the platform would; the business side's replies arrive over server-sent events.
(() => {
	const $ = (id) => document.getElementById(id);
	const state = { accounts: [], accountId: null, customerId: null, shown: new Set() };

	const randomId = () => `sandbox-c-${Math.random().toString(16).slice(2, 6)}-${Date.now().toString(16).slice(-4)}`;
	state.customerId = sessionStorage.getItem('customerId') || randomId();
	sessionStorage.setItem('customerId', state.customerId);

	async function call(path, body) {
		const response = await fetch(path, { method: body ? 'POST' : 'GET', headers: { 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
		const json = await response.json();
		if (!response.ok) throw new Error(json.error || response.statusText);
		return json;
	}

	const customerAction = (action, extra) =>
		call(`/__sandbox/douyin/customer/${action}`, { accountId: state.accountId, customerId: state.customerId, nickname: $('nickname').value.trim(), ...extra });

	function bubble(message) {
		if (state.shown.has(message.id + message.kind)) return;
		state.shown.add(message.id + message.kind);
		$('empty')?.remove();
		const box = $('messages');
		let node;
		if (message.direction === 'event') {
			node = document.createElement('div');
			node.className = 'event';
			node.textContent = message.text;
		} else if (message.kind === 'lead_card' && message.direction === 'out') {
			node = leadCard(message);
		} else {
			node = document.createElement('div');
			node.className = `msg ${message.direction} ${message.via === 'app' ? 'app' : ''}`;
			node.dataset.testid = message.direction === 'out' ? 'business-message' : 'customer-message';
			node.textContent = message.kind === 'lead_card_filled' ? `📋 已提交留资卡\n${message.text}` : message.text;
		}
		box.appendChild(node);
		box.scrollTop = box.scrollHeight;
	}

	/** A lead card (留资卡片) the business sent: the customer can fill it in right here. */
	function leadCard(message) {
		const card = document.createElement('div');
		card.className = 'card';
		card.dataset.testid = 'lead-card';
		card.innerHTML = '<h3></h3><form><input name="name" placeholder="称呼" required><input name="phone" placeholder="手机号" inputmode="tel" required><button type="submit">提交</button></form>';
		card.querySelector('h3').textContent = `📋 ${message.text}`;
		card.querySelector('form').addEventListener('submit', async (event) => {
			event.preventDefault();
			const form = new FormData(event.target);
			await customerAction('leadCard', { cardId: message.cardId, fields: { 姓名: form.get('name'), 电话: form.get('phone') } });
			event.target.outerHTML = '<div class="done">已提交，商家会尽快联系你</div>';
		});
		return card;
	}

	function logLine(entry) {
		const li = document.createElement('li');
		const time = `<span class="t">${entry.at.slice(11, 19)}</span>`;
		const esc = (text) => String(text).replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);
		if (entry.kind === 'api') {
			const code = entry.response?.data?.error_code ?? entry.response?.err_no ?? entry.response?.extra?.error_code ?? '';
			const bad = entry.status >= 400 || (code !== '' && code !== 0);
			li.innerHTML = `${time}<span class="api ${bad ? 'bad' : ''}">${entry.platform} ← ${entry.method} ${esc(entry.path)} ${bad ? `✗ ${code || entry.status}` : '✓'}</span>`;
			if (entry.path === '/im/send/msg/' && entry.body?.content) li.innerHTML += `<span class="detail">${esc(JSON.stringify(entry.body.content))}</span>`;
		} else if (entry.kind === 'webhook') {
			const ok = entry.status >= 200 && entry.status < 300;
			li.innerHTML = `${time}<span class="webhook ${ok ? '' : 'bad'}">webhook → n8n ${esc(entry.event)} #${entry.attempt} ${entry.status ?? esc(entry.error)}</span><span class="detail">Msg-Id ${esc(entry.msgId)}</span>`;
		} else {
			return;
		}
		$('log').prepend(li);
	}

	function refreshHeader() {
		const account = state.accounts.find((a) => a.openId === state.accountId);
		$('accountName').textContent = account ? account.nickname : '商家';
		$('customerLine').textContent = `${$('nickname').value || '客户'} · ${state.customerId}`;
	}

	async function loadConversation() {
		state.shown.clear();
		$('messages').innerHTML = '<div class="empty" id="empty">点击下方「进入私信页」，像客户一样打开商家的私信。</div>';
		const snapshot = await call('/__sandbox/state');
		const conversation = snapshot.douyin.conversations.find((c) => c.accountId === state.accountId && c.customerId === state.customerId);
		for (const message of conversation?.messages ?? []) bubble(message);
		refreshHeader();
	}

	async function init() {
		const snapshot = await call('/__sandbox/state');
		state.accounts = snapshot.douyin.accounts;
		state.accountId = state.accounts[0]?.openId;
		$('account').innerHTML = state.accounts.map((a) => `<option value="${a.openId}">${a.nickname}</option>`).join('');
		$('account').addEventListener('change', (e) => {
			state.accountId = e.target.value;
			loadConversation();
		});
		$('nickname').addEventListener('input', refreshHeader);
		$('newCustomer').addEventListener('click', () => {
			state.customerId = randomId();
			sessionStorage.setItem('customerId', state.customerId);
			loadConversation();
		});
		$('enter').addEventListener('click', () => customerAction('enter').catch(alert));
		/** A text form: send its trimmed text as one customer action, then clear the input. */
		const onText = (formId, inputId, action) =>
			$(formId).addEventListener('submit', (event) => {
				event.preventDefault();
				const text = $(inputId).value.trim();
				if (!text) return;
				$(inputId).value = '';
				customerAction(action, { text }).catch(alert);
			});
		onText('send', 'text', 'message');
		onText('appReply', 'appText', 'appReply');
		for (const entry of (await call('/__sandbox/calls')).slice(-60)) logLine(entry);
		const stream = new EventSource('/__sandbox/stream');
		stream.onmessage = (event) => {
			const entry = JSON.parse(event.data);
			if (entry.kind === 'chat' && entry.accountId === state.accountId && entry.customerId === state.customerId) bubble(entry.message);
			logLine(entry);
		};
		setInterval(() => ($('clock').textContent = new Date().toTimeString().slice(0, 5)), 10_000);
		await loadConversation();
	}

	init().catch((error) => {
		document.body.insertAdjacentHTML('afterbegin', `<p style="color:#fe2c55;padding:1rem">沙盒未连接：${error.message}</p>`);
	});
})();
