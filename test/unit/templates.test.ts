/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-require-imports -- reads the template files and the generator */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { INode, INodeParameters, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { DmAi } from '../../nodes/DmAi/DmAi.node';
import { DmGuard } from '../../nodes/DmGuard/DmGuard.node';
import { Douyin } from '../../nodes/Douyin/Douyin.node';
import { DouyinTrigger } from '../../nodes/Douyin/DouyinTrigger.node';
import { LeadExtractor } from '../../nodes/LeadExtractor/LeadExtractor.node';
import packageJson from '../../package.json';

/**
 * Every file in workflows-templates/ is checked the way n8n would see it: node types exist in this package (or are
 * n8n built-ins of the pinned n8n, which the end-to-end test imports and runs), parameters are valid for the node
 * version, connections point at existing nodes and outputs, credentials are placeholders, Data tables exist.
 */

const DIR = join(__dirname, '..', '..', 'workflows-templates');
const PREFIX = `${packageJson.name}.`;

const OUR_NODES: Record<string, INodeType> = Object.fromEntries(
	[new Douyin(), new DouyinTrigger(), new LeadExtractor(), new DmGuard(), new DmAi()].map((node) => [node.description.name, node]),
);

/** Built-in node types and versions the templates use; all exist in the pinned n8n (scripts/n8n-runtime). */
const BUILT_IN_VERSIONS: Record<string, number[]> = {
	'n8n-nodes-base.stickyNote': [1],
	'n8n-nodes-base.removeDuplicates': [2],
	'n8n-nodes-base.if': [2.2],
	'n8n-nodes-base.switch': [3.2],
	'n8n-nodes-base.set': [3.4],
	'n8n-nodes-base.splitOut': [1],
	'n8n-nodes-base.noOp': [1],
	'n8n-nodes-base.dataTable': [1],
	'n8n-nodes-base.executeWorkflow': [1.2],
	'n8n-nodes-base.executeWorkflowTrigger': [1.1],
};

interface TemplateNode extends INode {
	alwaysOutputData?: boolean;
}
interface Template {
	id: string;
	name: string;
	nodes: TemplateNode[];
	connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }>;
	settings: Record<string, unknown>;
}

const tables = (JSON.parse(readFileSync(join(DIR, 'data-tables.json'), 'utf8')) as { tables: Array<{ name: string; columns: Array<{ name: string }> }> }).tables;
const files = readdirSync(DIR).filter((file) => file.endsWith('.json') && file !== 'data-tables.json');
const templates: Array<[string, Template]> = files.map((file) => [file, JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Template]);

/** Number of main outputs, evaluating the package's output expressions for the node's parameters. */
function outputCount(description: INodeTypeDescription, parameters: INodeParameters): number {
	if (Array.isArray(description.outputs)) return description.outputs.length;
	const twoWhen: Record<string, (p: INodeParameters) => boolean> = {
		douyin: (p) => p.resource === 'message' && p.operation === 'send' && p.onNotSent !== 'fail',
		leadExtractor: (p) => p.routeByContact === true,
		dmAi: (p) => (p.operation ?? 'reply') === 'reply',
	};
	return twoWhen[description.name]?.(parameters) ? 2 : 1;
}

function optionValues(property: INodeProperties): unknown[] {
	return (property.options ?? []).map((option) => ('value' in option ? option.value : undefined));
}

describe.each(templates)('%s', (_file, template) => {
	const names = template.nodes.map((node) => node.name);

	it('has a fixed id, unique node names and ids, v1 execution order', () => {
		expect(template.id).toMatch(/^[A-Za-z0-9]{16}$/);
		expect(new Set(names).size).toBe(names.length);
		expect(new Set(template.nodes.map((node) => node.id)).size).toBe(names.length);
		expect(template.settings.executionOrder).toBe('v1');
	});

	it.each(template.nodes.map((node) => [node.name, node] as const))('node %s: type, version and parameters are valid', (_name, node) => {
		if (!node.type.startsWith(PREFIX)) {
			expect(BUILT_IN_VERSIONS[node.type]).toContain(node.typeVersion);
			expect(node.type.startsWith('CUSTOM.')).toBe(false);
			return;
		}
		const nodeType = OUR_NODES[node.type.slice(PREFIX.length)];
		expect(nodeType).toBeDefined();
		const { description } = nodeType;
		expect(([] as number[]).concat(description.version)).toContain(node.typeVersion);

		// Every parameter the template sets is a property shown for these values, and fixed option values exist.
		for (const [key, value] of Object.entries(node.parameters)) {
			const shown = description.properties.filter((p) => p.name === key && NodeHelpers.displayParameter(node.parameters, p, node, description));
			expect({ key, shown: shown.length > 0 }).toEqual({ key, shown: true });
			for (const property of shown) {
				if (property.type === 'options' && typeof value === 'string' && !value.startsWith('=')) expect(optionValues(property)).toContain(value);
				if (property.type === 'multiOptions' && Array.isArray(value)) for (const v of value) expect(optionValues(property)).toContain(v);
			}
		}
		// n8n finds no issue with the parameters (required values present, types right).
		const resolved = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node, description);
		expect(NodeHelpers.getNodeParametersIssues(description.properties, { ...node, parameters: resolved ?? {} }, description)).toBeNull();

		// Credentials are the placeholders `npm start` imports, for a credential type the node declares.
		for (const [type, reference] of Object.entries(node.credentials ?? {})) {
			expect((description.credentials ?? []).map((c) => c.name)).toContain(type);
			expect(reference).toEqual({ id: expect.stringMatching(/^dmLeads/), name: expect.any(String) });
		}
		if (description.webhooks?.length) expect(node.webhookId).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('connects only existing nodes, on outputs they have', () => {
		for (const [source, { main }] of Object.entries(template.connections)) {
			const node = template.nodes.find((n) => n.name === source);
			expect(node).toBeDefined();
			if (node!.type.startsWith(PREFIX)) {
				const description = OUR_NODES[node!.type.slice(PREFIX.length)].description;
				expect(main.length).toBeLessThanOrEqual(outputCount(description, node!.parameters));
			}
			for (const target of main.flat()) {
				expect(names).toContain(target.node);
				expect(target.type).toBe('main');
			}
		}
		// Every node except triggers and notes receives input.
		const targets = new Set(Object.values(template.connections).flatMap(({ main }) => main.flat().map((t) => t.node)));
		for (const node of template.nodes) {
			const isStart = /trigger|stickyNote/i.test(node.type);
			expect({ node: node.name, connected: isStart || targets.has(node.name) }).toEqual({ node: node.name, connected: true });
		}
	});

	it('reads and writes only Data tables and columns listed in data-tables.json', () => {
		for (const node of template.nodes.filter((n) => n.type === 'n8n-nodes-base.dataTable')) {
			const locator = node.parameters.dataTableId as { mode: string; value: string };
			expect(locator.mode).toBe('name');
			const table = tables.find((t) => t.name === locator.value);
			expect(table).toBeDefined();
			const columns = table!.columns.map((c) => c.name);
			const filters = (node.parameters.filters as { conditions: Array<{ keyName: string }> }).conditions;
			for (const condition of filters) expect(columns).toContain(condition.keyName);
			const values = (node.parameters.columns as { value?: Record<string, unknown> } | undefined)?.value ?? {};
			for (const column of Object.keys(values)) expect(columns).toContain(column);
		}
	});

	it('contains no secrets', () => {
		const text = JSON.stringify(template);
		expect(text).not.toMatch(/sk-[A-Za-z0-9]|client_secret|clientSecret|refresh_token|rft\.|act\./i);
		expect(text).not.toMatch(/"pinData":\{[^}]/);
	});
});

it('the JSON files are what scripts/templates/definitions.js builds (no hand edits that drift)', () => {
	const { TEMPLATES } = require('../../scripts/templates/definitions') as { TEMPLATES: Array<{ file: string; workflow: unknown }> };
	expect(TEMPLATES.map((t) => t.file).sort()).toEqual([...files].sort());
	for (const { file, workflow } of TEMPLATES) {
		expect(JSON.parse(readFileSync(join(DIR, file), 'utf8'))).toEqual(JSON.parse(JSON.stringify(workflow)));
	}
});
