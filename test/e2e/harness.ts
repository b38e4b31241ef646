/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-require-imports -- e2e harness: starts processes and reads the JS scripts */
import { mkdtempSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

/** Typed views of the JS start scripts (scripts/lib) that `npm start` also uses. */
export interface RecordedEntry {
	seq: number;
	at: string;
	kind: 'api' | 'webhook' | 'chat' | 'note';
	platform?: string;
	path?: string;
	body?: Record<string, unknown>;
	response?: Record<string, unknown>;
	status?: number | null;
	event?: string;
	msgId?: string;
}

export interface Sandbox {
	url: string;
	recorder: { query(filter: Record<string, string | number | undefined>): RecordedEntry[] };
	close(): Promise<void>;
}

export interface N8n {
	baseUrl: string;
	logFile: string;
	stop(): Promise<void>;
	dataTableRows(tableId: string): Promise<Array<Record<string, unknown>>>;
	executions(workflowId?: string): Promise<Array<{ id: string; status: string; workflowId: string }>>;
}

export interface Demo {
	sandbox: Sandbox;
	n8n: N8n;
	tableIds: Record<string, string>;
	webhookUrl: string;
}

const runtime = require('../../scripts/lib/runtime') as { ensureRuntime(log: (line: string) => void): string };
const demoModule = require('../../scripts/lib/demo') as {
	startDemo(options: { userFolder: string; n8nPort: number; sandboxPort: number; log?: (line: string) => void; retryDelayMs?: number }): Promise<Demo>;
	DEMO_OWNER: { email: string; password: string };
};
const chromium = require('../../scripts/lib/chromium') as { ensureChromium(log: (line: string) => void): string; CHROMIUM_ARGS: string[] };
const definitions = require('../../scripts/templates/definitions') as { IDS: { router: string; welcome: string; aiReply: string } };

export const DEMO_OWNER = demoModule.DEMO_OWNER;
export const WORKFLOW_IDS = definitions.IDS;
export const { ensureChromium, CHROMIUM_ARGS } = chromium;

async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

const log = (line: string) => process.stderr.write(`[e2e] ${line}\n`);

/** The pinned n8n (installed on first use), our built package, the templates and the sandbox. */
export async function startE2eDemo(): Promise<Demo> {
	runtime.ensureRuntime(log);
	const userFolder = mkdtempSync(join(tmpdir(), 'dm-leads-e2e-'));
	// A short pause between re-deliveries keeps the duplicate-delivery test fast; the order of events is the platform's.
	return await demoModule.startDemo({ userFolder, n8nPort: await freePort(), sandboxPort: 0, log, retryDelayMs: 300 });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Poll until `probe` returns a truthy value; fail with `what` after the timeout. */
type Maybe<T> = T | undefined | null | false;

export async function waitFor<T>(what: string, probe: () => Promise<Maybe<T>> | Maybe<T>, timeoutMs = 30_000, everyMs = 250): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await sleep(everyMs);
	}
}

export async function customer(sandbox: Sandbox, action: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
	const response = await fetch(`${sandbox.url}/__sandbox/douyin/customer/${action}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	const json = (await response.json()) as Record<string, unknown>;
	if (!response.ok) throw new Error(`sandbox ${action}: ${JSON.stringify(json)}`);
	return json;
}

/** Successful sends the platform received for one customer, oldest first. */
export function sendsTo(sandbox: Sandbox, customerId: string): RecordedEntry[] {
	return sandbox.recorder
		.query({ kind: 'api', platform: 'douyin', path: '/im/send/msg/' })
		.filter((entry) => entry.body?.to_user_id === customerId && (entry.response as { data?: { error_code?: number } })?.data?.error_code === 0);
}

export const sentText = (entry: RecordedEntry) => String(((entry.body?.content as { text?: { text?: string } }) ?? {}).text?.text ?? '');
