'use strict';
// Small builders for n8n workflow JSON (../shared/specs/n8n.md §11), so every template spells node parameters,
// conditions and Data table calls the same way. Ids are derived from names: stable across rebuilds.
const { createHash } = require('node:crypto');
const TABLES = require('../../workflows-templates/data-tables.json').tables;

const PKG = 'n8n-nodes-dm-leads';

/** Placeholder credentials: `npm start` imports sandbox credentials with these ids; elsewhere pick your own. */
const CREDENTIALS = {
	douyinAppApi: { id: 'dmLeadsDyApp0001', name: 'Douyin App (sandbox)' },
	douyinAccountApi: { id: 'dmLeadsDyAcct001', name: 'Douyin Account (sandbox)' },
	dmAiApi: { id: 'dmLeadsAiModel01', name: 'DM AI model (sandbox stand-in)' },
};

function stableUuid(...parts) {
	const hex = createHash('sha1').update(parts.join('/')).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** One condition of n8n's filter parameter (If v2, Switch v3). */
function condition(left, operator, right = '') {
	const operators = {
		isTrue: { type: 'boolean', operation: 'true', singleValue: true },
		equals: { type: 'string', operation: 'equals' },
	};
	return { id: stableUuid(left, operator, right), leftValue: left, rightValue: right, operator: operators[operator] };
}

function filter(conditions, combinator = 'and') {
	return { options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 }, conditions, combinator };
}

function table(name) {
	const found = TABLES.find((t) => t.name === name);
	if (!found) throw new Error(`Unknown data table ${name}: add it to workflows-templates/data-tables.json`);
	return found;
}

const byName = (name) => ({ __rl: true, mode: 'name', value: name });

/** Data table filter "key = <expression>" (the templates' tables are keyed by platform:account:customer). */
const keyFilter = (expression, column = 'key') => ({
	matchType: 'allConditions',
	filters: { conditions: [{ keyName: column, condition: 'eq', keyValue: expression }] },
});

function dataTableGet(tableName, filterExpression, column = 'key') {
	table(tableName);
	return { resource: 'row', operation: 'get', dataTableId: byName(tableName), ...keyFilter(filterExpression, column), limit: 1 };
}

function dataTableUpsert(tableName, keyExpression, values) {
	const spec = table(tableName);
	for (const column of Object.keys(values)) {
		if (!spec.columns.some((c) => c.name === column)) throw new Error(`${tableName} has no column ${column}`);
	}
	return {
		resource: 'row',
		operation: 'upsert',
		dataTableId: byName(tableName),
		...keyFilter(keyExpression),
		columns: {
			mappingMode: 'defineBelow',
			value: values,
			matchingColumns: [],
			schema: spec.columns.map((c) => ({
				id: c.name,
				displayName: c.name,
				required: false,
				defaultMatch: false,
				display: true,
				type: c.type === 'date' ? 'dateTime' : c.type,
				readOnly: false,
				removed: !(c.name in values),
			})),
			attemptToConvertTypes: false,
			convertFieldsToString: false,
		},
		options: {},
	};
}

/** A workflow: nodes laid out left to right by their `at` column/row; connections by node name. */
function workflow({ id, name, nodes, connections, description }) {
	return {
		id,
		name,
		nodes: nodes.map((node) => {
			const { at, ...rest } = node;
			return { id: stableUuid(id, node.name), ...rest, position: [at[0] * 240, at[1] * 200] };
		}),
		connections: Object.fromEntries(
			Object.entries(connections).map(([source, outputs]) => [
				source,
				{ main: outputs.map((targets) => (targets ?? []).map((target) => ({ node: target, type: 'main', index: 0 }))) },
			]),
		),
		settings: { executionOrder: 'v1', timezone: 'Asia/Shanghai', callerPolicy: 'workflowsFromSameOwner' },
		pinData: {},
		meta: { templateCredsSetupCompleted: false, description },
		tags: [],
	};
}

function sticky(name, content, at, size = [480, 300]) {
	return { name, type: 'n8n-nodes-base.stickyNote', typeVersion: 1, parameters: { content, width: size[0], height: size[1] }, at };
}

/** Call a sub-workflow by its fixed id and wait for it. */
function runSubWorkflow(name, workflowId, workflowName, at) {
	return {
		name,
		type: 'n8n-nodes-base.executeWorkflow',
		typeVersion: 1.2,
		parameters: {
			workflowId: { __rl: true, mode: 'id', value: workflowId, cachedResultName: workflowName },
			workflowInputs: { mappingMode: 'defineBelow', value: {}, matchingColumns: [], schema: [], attemptToConvertTypes: false, convertFieldsToString: true },
			options: {},
		},
		at,
	};
}

const subWorkflowTrigger = (at) => ({
	name: 'When Called by the Router',
	type: 'n8n-nodes-base.executeWorkflowTrigger',
	typeVersion: 1.1,
	parameters: { inputSource: 'passthrough' },
	at,
});

/** The customer key every table shares. `source` is an expression for the DmEvent, e.g. `$json`. */
const customerKey = (source = '$json') => `={{ ${source}.platform }}:{{ ${source}.account.id }}:{{ ${source}.customer.id }}`;

/** The columns that identify a customer row in every table keyed by customerKey(), read from the DmEvent in $json. */
const customerColumns = () => ({
	key: customerKey(),
	platform: '={{ $json.platform }}',
	accountId: '={{ $json.account.id }}',
	customerId: '={{ $json.customer.id }}',
});

/** Text messages → one item each (Split Out), then Douyin Send on the given conversation. */
function sendTexts(prefix, messagesExpression, conversationExpression, at) {
	return [
		{
			name: `${prefix} Messages`,
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: {
				assignments: {
					assignments: [
						{ id: stableUuid(prefix, 'messages'), name: 'messages', value: messagesExpression, type: 'array' },
						{ id: stableUuid(prefix, 'conversation'), name: 'conversation', value: conversationExpression, type: 'object' },
					],
				},
				options: {},
			},
			at,
		},
		{
			name: `One Item per ${prefix} Message`,
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			parameters: { fieldToSplitOut: 'messages', include: 'selectedOtherFields', fieldsToInclude: 'conversation', options: { destinationFieldName: 'text' } },
			at: [at[0] + 1, at[1]],
		},
		{
			name: `Send ${prefix}`,
			type: `${PKG}.douyin`,
			typeVersion: 1,
			parameters: {
				resource: 'message',
				operation: 'send',
				replyTo: 'conversation',
				conversation: '={{ $json.conversation }}',
				messageType: 'text',
				text: '={{ $json.text }}',
				onNotSent: 'route',
				options: {},
			},
			credentials: { douyinAccountApi: CREDENTIALS.douyinAccountApi },
			at: [at[0] + 2, at[1]],
		},
	];
}

module.exports = { PKG, CREDENTIALS, condition, filter, dataTableGet, dataTableUpsert, workflow, sticky, runSubWorkflow, subWorkflowTrigger, customerKey, customerColumns, sendTexts, stableUuid };
