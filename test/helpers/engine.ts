/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test harness: runs outside n8n, needs a temp user folder */
/**
 * Runs workflow JSON on the real n8n engine (n8n-core WorkflowExecute) with our built node classes, as the
 * n8n.md §9.2 recipe describes. The credentials helper mirrors n8n's CredentialsHelper where it matters to us:
 * `preAuthentication` runs when the expirable field is empty or after a 401, and what it returns is persisted.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'dm-leads-n8n-'));
// Node errors are asserted by the tests; n8n's own logger would print each one again.
process.env.N8N_LOG_LEVEL ??= 'silent';

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeType,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { DouyinAccountApi } from '../../credentials/DouyinAccountApi.credentials';
import { DouyinAppApi } from '../../credentials/DouyinAppApi.credentials';
import { Douyin } from '../../nodes/Douyin/Douyin.node';
import { DouyinTrigger } from '../../nodes/Douyin/DouyinTrigger.node';
import { DmAiApi } from '../../credentials/DmAiApi.credentials';
import { DmAi } from '../../nodes/DmAi/DmAi.node';
import { DmGuard } from '../../nodes/DmGuard/DmGuard.node';
import { LeadExtractor } from '../../nodes/LeadExtractor/LeadExtractor.node';

const PACKAGE = 'n8n-nodes-dm-leads';

/** A minimal manual trigger that emits the items handed to runWorkflow (n8n-nodes-base is not a dependency). */
class TestInput implements INodeType {
	description = {
		displayName: 'Test Input',
		name: 'testInput',
		group: ['transform'],
		version: 1,
		description: '',
		defaults: { name: 'Test Input' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeType['description'];

	async execute(this: { getInputData(): INodeExecutionData[] }) {
		return [this.getInputData()];
	}
}

export const NODE_TYPES: Record<string, INodeType> = {
	[`${PACKAGE}.douyin`]: new Douyin(),
	[`${PACKAGE}.douyinTrigger`]: new DouyinTrigger(),
	[`${PACKAGE}.leadExtractor`]: new LeadExtractor(),
	[`${PACKAGE}.dmGuard`]: new DmGuard(),
	[`${PACKAGE}.dmAi`]: new DmAi(),
	'test.input': new TestInput(),
};

export const CREDENTIAL_TYPES: Record<string, ICredentialType> = {
	douyinAccountApi: new DouyinAccountApi(),
	douyinAppApi: new DouyinAppApi(),
	dmAiApi: new DmAiApi(),
};

/** In-memory credential store: tests read it back to see what was persisted. */
export class CredentialStore {
	readonly data = new Map<string, ICredentialDataDecryptedObject>();
	readonly preAuthentications: string[] = [];

	set(id: string, value: ICredentialDataDecryptedObject) {
		this.data.set(id, { ...value });
	}

	get(id: string): ICredentialDataDecryptedObject {
		const value = this.data.get(id);
		if (!value) throw new Error(`No test credential with id ${id}`);
		return { ...value };
	}
}

/** Resolve `={{ … }}` with n8n's own expression engine, as n8n's CredentialsHelper.resolveValue does. */
function resolveCredentialExpression(value: unknown, credentials: ICredentialDataDecryptedObject, workflow: Workflow, node: INode): unknown {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	const resolved = workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials } as never, undefined, '');
	return resolved === undefined || resolved === null ? '' : String(resolved);
}

function makeCredentialsHelper(store: CredentialStore) {
	const expirableName = (type: ICredentialType) =>
		type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true)?.name;

	return {
		async getDecrypted(_additionalData: unknown, nodeCredentials: { id: string }) {
			return store.get(nodeCredentials.id);
		},
		async authenticate(
			credentials: ICredentialDataDecryptedObject,
			typeName: string,
			requestOptions: IHttpRequestOptions,
			workflow: Workflow,
			node: INode,
		) {
			const type = CREDENTIAL_TYPES[typeName];
			const auth = type.authenticate;
			if (auth && typeof auth === 'object' && auth.type === 'generic') {
				for (const [where, values] of Object.entries(auth.properties)) {
					const target = ((requestOptions as unknown as Record<string, IDataObject>)[where] ??= {});
					for (const [key, value] of Object.entries(values as IDataObject)) {
						target[key] = resolveCredentialExpression(value, credentials, workflow, node) as string;
					}
				}
			}
			return requestOptions;
		},
		async preAuthentication(
			helpers: IHttpRequestHelper,
			credentials: ICredentialDataDecryptedObject,
			typeName: string,
			node: INode,
			expired: boolean,
		) {
			const type = CREDENTIAL_TYPES[typeName];
			const expirable = expirableName(type);
			if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
			if (credentials[expirable] !== '' && !expired) return undefined;
			const output = (await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
			if (output[expirable] === undefined) return undefined;
			const id = node.credentials?.[typeName]?.id;
			store.preAuthentications.push(typeName);
			if (id) store.set(id, { ...store.get(id), ...output });
			return Object.assign(credentials, output);
		},
		async runPreAuthentication() {
			return undefined;
		},
		isCredentialUsableByNode: () => true,
		getParentTypes: () => [],
		getCredentialsProperties: (typeName: string) => CREDENTIAL_TYPES[typeName].properties,
		async updateCredentials() {},
		async updateCredentialsOauthTokenData() {},
		async getCredentials() {
			throw new Error('not used');
		},
	};
}

export interface RunResult {
	run: IRun;
	/** Output items of a node, by output index. */
	output(nodeName: string, outputIndex?: number): IDataObject[];
	error(nodeName: string): Error | undefined;
}

let executionCounter = 0;

/**
 * Execute `workflow` starting at `startNode` with `items` as that node's input (the start node's own output when it
 * is a trigger-like test input).
 */
export async function runWorkflow(
	workflow: IWorkflowBase,
	startNode: string,
	items: INodeExecutionData[],
	store: CredentialStore,
): Promise<RunResult> {
	const nodeTypes = {
		getByName: (type: string) => NODE_TYPES[type],
		getByNameAndVersion: (type: string) => NODE_TYPES[type],
		getKnownTypes: () => ({}),
	};
	const wf = new Workflow({
		id: workflow.id ?? 'wf-test',
		name: workflow.name,
		nodes: workflow.nodes,
		connections: workflow.connections,
		nodeTypes: nodeTypes as never,
		active: false,
		settings: { executionOrder: 'v1' },
	});
	const executionId = `exec-${++executionCounter}`;
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflow);
	const finished = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)));
	const additionalData = {
		executionId,
		hooks,
		credentialsHelper: makeCredentialsHelper(store),
		variables: {},
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		userId: 'u1',
		setExecutionStatus() {},
		sendDataToUI() {},
		logAiEvent() {},
		currentNodeExecutionIndex: 0,
	} as unknown as IWorkflowExecuteAdditionalData;

	const start = wf.getNode(startNode);
	if (!start) throw new Error(`No node named ${startNode}`);
	const execution = new WorkflowExecute(additionalData, 'manual', {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			metadata: {},
			contextData: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [{ node: start, data: { main: [items] }, source: null }],
		},
	} as never);
	await execution.processRunExecutionData(wf);
	const run = await finished;
	return {
		run,
		output(nodeName, outputIndex = 0) {
			const task = run.data.resultData.runData[nodeName]?.[0];
			return (task?.data?.main?.[outputIndex] ?? []).map((item) => item.json);
		},
		error(nodeName) {
			return run.data.resultData.runData[nodeName]?.[0]?.error as Error | undefined;
		},
	};
}

/** A one-node workflow around one of our nodes (called `name`), fed by a test input. */
export function singleNodeWorkflow(type: string, name: string, parameters: IDataObject, credentials?: IDataObject): IWorkflowBase {
	return {
		id: `wf-${type}`,
		name: `${name} test`,
		active: false,
		nodes: [
			{ id: 'in', name: 'Input', type: 'test.input', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'node', name, type: `${PACKAGE}.${type}`, typeVersion: 1, position: [200, 0], parameters, credentials },
		],
		connections: { Input: { main: [[{ node: name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	} as unknown as IWorkflowBase;
}

/** A one-node workflow around our Douyin node, fed by a test input. */
export function douyinActionWorkflow(parameters: IDataObject, credentialId = 'cred-account'): IWorkflowBase {
	return singleNodeWorkflow('douyin', 'Douyin', parameters, { douyinAccountApi: { id: credentialId, name: 'Douyin account' } });
}
