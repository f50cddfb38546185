// What the output-schema tests share: a small JSON Schema checker (the subset n8n's schemas use:
// type, properties, required, items, const, enum) and the operations a built node declares.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

import { projectRoot } from '../../scripts/lib/n8n-versions.mjs';

const typeOf = (value) => {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (Number.isInteger(value)) return 'integer';
	return typeof value;
};
const matchesType = (type, value) => type === typeOf(value) || (type === 'number' && typeOf(value) === 'integer');

/**
 * The ways `value` breaks `schema`, as `path: problem` lines (none = valid). With `complete`, a field
 * the value has but a non-empty `properties` does not declare is a problem too, so a schema cannot
 * silently miss what the answer carries.
 */
export function schemaErrors(schema, value, { complete = false, at = '$' } = {}) {
	const errors = [];
	if (schema.type !== undefined) {
		const types = [schema.type].flat();
		if (!types.some((type) => matchesType(type, value))) {
			return [`${at}: expected ${types.join(' or ')}, got ${typeOf(value)} ${JSON.stringify(value)?.slice(0, 60)}`];
		}
	}
	if ('const' in schema && value !== schema.const) errors.push(`${at}: expected ${JSON.stringify(schema.const)}`);
	if (schema.enum && !schema.enum.includes(value)) errors.push(`${at}: ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`);
	if (typeOf(value) === 'object') {
		const properties = schema.properties ?? {};
		for (const field of schema.required ?? []) {
			if (!(field in value)) errors.push(`${at}: required field "${field}" is missing`);
		}
		for (const [field, fieldValue] of Object.entries(value)) {
			if (properties[field]) errors.push(...schemaErrors(properties[field], fieldValue, { complete, at: `${at}.${field}` }));
			else if (complete && Object.keys(properties).length > 0) errors.push(`${at}: field "${field}" is not in the schema`);
		}
	}
	if (typeOf(value) === 'array' && schema.items) {
		value.forEach((element, index) => errors.push(...schemaErrors(schema.items, element, { complete, at: `${at}[${index}]` })));
	}
	return errors;
}

const require = createRequire(import.meta.url);

/** The built node class's description (run `npm run build` first). */
export function builtDescription(nodeFolder, className) {
	const file = path.join(projectRoot, 'dist', 'nodes', nodeFolder, `${className}.node.js`);
	const NodeClass = require(file)[className];
	return new NodeClass().description;
}

const shownFor = (property, conditions) =>
	Object.entries(property.displayOptions?.show ?? {}).every(
		([name, values]) => !(name in conditions) || values.includes(conditions[name]),
	) &&
	!Object.entries(property.displayOptions?.hide ?? {}).some(
		([name, values]) => name in conditions && values.includes(conditions[name]),
	);

/** `{ version: ['resource/operation', …] }` for every version a node description declares. */
export function declaredOperations(description) {
	const declared = {};
	for (const version of [description.version].flat()) {
		const resources = description.properties
			.filter((property) => property.name === 'resource' && shownFor(property, { '@version': version }))
			.flatMap((property) => property.options.map((option) => option.value));
		declared[version] = resources.flatMap((resource) =>
			description.properties
				.filter((property) => property.name === 'operation' && shownFor(property, { '@version': version, resource }))
				.flatMap((property) => property.options.map((option) => `${resource}/${option.value}`)),
		);
	}
	return declared;
}

/** The folder n8n reads a node version's schemas from: `__schema__/v<major.minor.patch>`. */
export const schemaVersionFolder = (version) => `v${String(version).split('.').concat(['0', '0']).slice(0, 3).join('.')}`;

/** The schema files under a built node folder, as `v2.0.0/ticket/verify.json` paths. */
export function builtSchemaFiles(nodeFolder) {
	const root = path.join(projectRoot, 'dist', 'nodes', nodeFolder, '__schema__');
	if (!fs.existsSync(root)) return [];
	return fs.readdirSync(root, { recursive: true }).filter((file) => file.endsWith('.json')).map((file) => file.split(path.sep).join('/'));
}

export function readBuiltSchema(nodeFolder, file) {
	return JSON.parse(fs.readFileSync(path.join(projectRoot, 'dist', 'nodes', nodeFolder, '__schema__', file), 'utf8'));
}
