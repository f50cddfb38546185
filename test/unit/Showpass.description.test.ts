import {
	NodeHelpers,
	type INodeProperties,
	type INodePropertyCollection,
	type INodePropertyOptions,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { routerOf } from '../../nodes/Showpass/helpers/router';
import { RESOURCES } from '../../nodes/Showpass/resources';
import { Showpass } from '../../nodes/Showpass/Showpass.node';

const node = new Showpass();
const description: INodeTypeDescription = node.description;
const properties = description.properties;
const versions = (
	Array.isArray(description.version) ? description.version : [description.version]
).map(Number);

type Child = INodeProperties | INodePropertyOptions | INodePropertyCollection;
const isProperty = (child: Child): child is INodeProperties =>
	'type' in child && 'displayName' in child;

/** Every parameter, including those inside collections and fixed collections. */
function allParameters(list: INodeProperties[] = properties): INodeProperties[] {
	return list.flatMap((property) => {
		const nested = (property.options ?? []).flatMap((child: Child) => {
			if (isProperty(child)) return allParameters([child]);
			if ('values' in child) return allParameters(child.values);
			return [];
		});
		return [property, ...nested];
	});
}

const resourceValues = (
	properties.find((property) => property.name === 'resource')?.options ?? []
).map((option) => (option as INodePropertyOptions).value as string);

function operationOptions(resource: string): INodePropertyOptions[] {
	const parameter = properties.find(
		(property) =>
			property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource),
	);
	return (parameter?.options ?? []) as INodePropertyOptions[];
}

/** The values a parameter of this name can hold (options, booleans), or undefined when free. */
function valuesOf(name: string): unknown[] | undefined {
	const definitions = properties.filter((property) => property.name === name);
	if (definitions.length === 0) return undefined;
	const values: unknown[] = [];
	for (const definition of definitions) {
		if (definition.type === 'boolean') values.push(true, false);
		else if (definition.type === 'options')
			values.push(...(definition.options as INodePropertyOptions[]).map((option) => option.value));
		else return undefined;
	}
	return values;
}

const combinations = resourceValues.flatMap((resource) =>
	operationOptions(resource).map((option) => [resource, option.value as string] as const),
);

/** The parameters n8n shows (with their defaults) for a resource and operation in a node version. */
function shownParameters(version: number, resource: string, operation: string): INodeProperties[] {
	const values = NodeHelpers.getNodeParameters(
		properties,
		{ resource, operation },
		true,
		false,
		{ typeVersion: version },
		description,
	);
	return properties.filter(
		(property) =>
			property.name !== 'resource' &&
			property.name !== 'operation' &&
			values !== null &&
			NodeHelpers.displayParameter(values, property, { typeVersion: version }, description),
	);
}

describe('Showpass node description', () => {
	it('is versions 1 and 2, 2 by default', () => {
		expect(versions).toEqual([1, 2]);
		expect(description.defaultVersion).toBe(2);
	});

	it('every resource has operations, and the Resource list is the resource modules', () => {
		expect(resourceValues.sort()).toEqual(RESOURCES.map((resource) => resource.value).sort());
		for (const resource of resourceValues)
			expect(operationOptions(resource).length).toBeGreaterThan(0);
	});

	it('every operation option has a handler and every handler an option', () => {
		const handlerOf = routerOf(RESOURCES);
		for (const [resource, operation] of combinations) {
			expect([resource, operation, typeof handlerOf(resource, operation)]).toEqual([
				resource,
				operation,
				'function',
			]);
		}
		const handled = RESOURCES.flatMap((resource) =>
			Object.keys(resource.handlers).map((operation) => `${resource.value}:${operation}`),
		);
		expect(handled.sort()).toEqual(combinations.map(([r, o]) => `${r}:${o}`).sort());
	});

	it('every operation option has an action and a description', () => {
		for (const resource of resourceValues) {
			for (const option of operationOptions(resource)) {
				expect([resource, option.value, typeof option.action, typeof option.description]).toEqual([
					resource,
					option.value,
					'string',
					'string',
				]);
			}
		}
	});

	it('every displayOptions names an existing parameter (or @version) and only values it can take', () => {
		const problems: string[] = [];
		for (const parameter of allParameters()) {
			for (const kind of ['show', 'hide'] as const) {
				const conditions = parameter.displayOptions?.[kind] ?? {};
				for (const [key, wanted] of Object.entries(conditions)) {
					const where = `${parameter.name}.displayOptions.${kind}.${key}`;
					if (key === '@version') {
						for (const version of wanted ?? []) {
							if (!versions.includes(Number(version)))
								problems.push(`${where}: no version ${String(version)}`);
						}
						continue;
					}
					if (!properties.some((property) => property.name === key)) {
						problems.push(`${where}: no parameter "${key}"`);
						continue;
					}
					if (key === 'operation') {
						const resources = (conditions.resource ?? resourceValues) as string[];
						for (const operation of wanted ?? []) {
							for (const resource of resources) {
								if (!operationOptions(resource).some((option) => option.value === operation))
									problems.push(
										`${where}: resource "${resource}" has no operation "${String(operation)}"`,
									);
							}
						}
						continue;
					}
					const possible = valuesOf(key);
					if (possible === undefined) continue;
					for (const value of wanted ?? []) {
						if (!possible.includes(value))
							problems.push(`${where}: "${String(value)}" is not a value of ${key}`);
					}
				}
			}
		}
		expect(problems).toEqual([]);
	});

	it("every options parameter's default is one of its options", () => {
		const problems = allParameters()
			.filter((parameter) => parameter.type === 'options')
			.filter(
				(parameter) =>
					!(parameter.options as INodePropertyOptions[]).some(
						(option) => option.value === parameter.default,
					),
			)
			.map((parameter) => `${parameter.name}: ${String(parameter.default)}`);
		expect(problems).toEqual([]);
	});

	it('every list method a resource locator names exists', () => {
		const listSearch = node.methods.listSearch as Record<string, unknown>;
		const named = allParameters()
			.flatMap((parameter) => parameter.modes ?? [])
			.map((mode) => mode.typeOptions?.searchListMethod)
			.filter((method): method is string => method !== undefined);
		expect(named.length).toBeGreaterThan(0);
		for (const method of named)
			expect([method, typeof listSearch[method]]).toEqual([method, 'function']);
	});

	it('every loadOptions method a field names exists, and a dependent list names its field', () => {
		const loadOptions = node.methods.loadOptions as Record<string, unknown>;
		const named = allParameters().filter(
			(parameter) => parameter.typeOptions?.loadOptionsMethod !== undefined,
		);
		// Discount Create and Update each show both.
		expect(named.map((parameter) => parameter.name).sort()).toEqual([
			'eventIds',
			'eventIds',
			'ticketTypeIds',
			'ticketTypeIds',
		]);
		for (const parameter of named) {
			const method = parameter.typeOptions?.loadOptionsMethod as string;
			expect([method, typeof loadOptions[method]]).toEqual([method, 'function']);
			for (const dependency of parameter.typeOptions?.loadOptionsDependsOn ?? []) {
				expect(properties.some((property) => property.name === dependency.split('.')[0])).toBe(
					true,
				);
			}
		}
	});

	it('door statistics and the public listing are operations of both versions, the event a locator from version 2', () => {
		const added = [
			['ticket', 'getScanStats', ['eventId', 'breakdownByType', 'createdAfter', 'createdBefore']],
			['ticket', 'getScanTimeline', ['eventId']],
			['event', 'getManyPublic', ['returnAll', 'limit', 'filters', 'options']],
		] as const;
		for (const [resource, operation, names] of added) {
			expect(operationOptions(resource).map((option) => option.value)).toContain(operation);
			for (const version of versions) {
				const shown = shownParameters(version, resource, operation);
				expect([version, operation, shown.map((parameter) => parameter.name)]).toEqual([
					version,
					operation,
					names,
				]);
				const eventId = shown.find((parameter) => parameter.name === 'eventId');
				if (eventId)
					expect([version, eventId.type]).toEqual([
						version,
						version === 1 ? 'string' : 'resourceLocator',
					]);
			}
		}
		const publicFilters = shownParameters(2, 'event', 'getManyPublic')
			.filter((parameter) => parameter.type === 'collection')
			.flatMap((collection) =>
				(collection.options as INodeProperties[]).map((option) => option.name),
			);
		expect(publicFilters.sort()).toEqual(
			[
				'categories',
				'includeRecurringInstances',
				'ordering',
				'search',
				'startsAfter',
				'startsBefore',
				'tags',
			].sort(),
		);
	});

	it('discount restrictions appear from version 2: Create defaults to All Events, Update to Keep Current', () => {
		for (const operation of ['create', 'update']) {
			const names = shownParameters(2, 'discount', operation).map((parameter) => parameter.name);
			expect(names).toContain('appliesTo');
			expect(shownParameters(1, 'discount', operation).map((p) => p.name)).not.toContain(
				'appliesTo',
			);
		}
		const appliesTo = properties.filter((property) => property.name === 'appliesTo');
		const defaultFor = (operation: string) =>
			appliesTo.find((property) => property.displayOptions?.show?.operation?.includes(operation))
				?.default;
		expect([defaultFor('create'), defaultFor('update')]).toEqual(['all', 'unchanged']);
		const shownFor = (appliesToValue: string) =>
			properties
				.filter((property) => ['eventIds', 'eventId', 'ticketTypeIds'].includes(property.name))
				.filter((property) => property.displayOptions?.show?.resource?.includes('discount'))
				.filter((property) =>
					(property.displayOptions?.show?.appliesTo ?? []).includes(appliesToValue),
				)
				.map((property) => property.name)
				.sort();
		expect(shownFor('all')).toEqual([]);
		expect(shownFor('events')).toEqual(['eventIds', 'eventIds']);
		expect(shownFor('ticketTypes')).toEqual([
			'eventId',
			'eventId',
			'ticketTypeIds',
			'ticketTypeIds',
		]);
		expect(shownFor('allExceptTicketTypes')).toEqual([
			'eventId',
			'eventId',
			'ticketTypeIds',
			'ticketTypeIds',
		]);
	});

	it('version 1 shows no resource locator; version 2 shows each record ID as one', () => {
		for (const [resource, operation] of combinations) {
			const v1 = shownParameters(1, resource, operation);
			expect(
				v1.filter((parameter) => parameter.type === 'resourceLocator').map((p) => p.name),
			).toEqual([]);
		}
		for (const parameter of allParameters().filter((p) => p.type === 'resourceLocator')) {
			expect([parameter.name, parameter.displayOptions?.show?.['@version']]).toEqual([
				parameter.name,
				[2],
			]);
		}
		const v2Ids = combinations.flatMap(([resource, operation]) =>
			shownParameters(2, resource, operation)
				.filter((parameter) => /Id$/.test(parameter.name) && parameter.type !== 'resourceLocator')
				.map((parameter) => `${resource}:${operation}:${parameter.name}`),
		);
		// Ticket and invoice IDs have no list to pick from; password create takes a ticket type.
		expect(v2Ids.sort()).toEqual([
			'invoice:get:transactionId',
			'invoice:getTickets:transactionId',
			'password:create:ticketTypeId',
			'ticket:get:ticketId',
			'ticket:scan:ticketId',
		]);
	});

	it('no parameter name is shown twice for one operation in any version', () => {
		for (const version of versions) {
			for (const [resource, operation] of combinations) {
				const names = shownParameters(version, resource, operation).map(
					(parameter) => parameter.name,
				);
				expect([version, resource, operation, names]).toEqual([
					version,
					resource,
					operation,
					[...new Set(names)],
				]);
			}
		}
	});

	it('version 1 shows the parameters workflows saved before version 2 have, with the same types', () => {
		// What the node showed (with defaults) before version 2, from the released description.
		const before: Record<string, string[]> = {
			'discount:create': [
				'code:string',
				'valueType:options',
				'value:number',
				'additionalFields:collection',
			],
			'discount:delete': ['discountId:string'],
			'discount:get': ['discountId:string'],
			'discount:getAll': ['returnAll:boolean', 'limit:number', 'filters:collection'],
			'discount:update': ['discountId:string', 'updateFields:collection'],
			'event:get': ['eventId:string'],
			'event:getAll': ['returnAll:boolean', 'limit:number', 'filters:collection'],
			'invoice:get': ['transactionId:string'],
			'invoice:getAll': ['returnAll:boolean', 'limit:number', 'filters:collection'],
			'invoice:getTickets': ['transactionId:string', 'options:collection'],
			'ticket:get': ['ticketId:string'],
			'ticket:getAll': ['returnAll:boolean', 'limit:number', 'filters:collection'],
			// Scan gained "Find Ticket By", whose default ("id") is the behaviour it always had.
			'ticket:scan': [
				'ticketBy:options',
				'ticketId:string',
				'scanAction:options',
				'barcode:string',
				'options:collection',
			],
			'trackingLink:create': ['via:options', 'additionalFields:collection'],
			'trackingLink:delete': ['trackingLinkId:string'],
			'trackingLink:get': ['trackingLinkId:string'],
			'trackingLink:getAll': ['returnAll:boolean', 'limit:number', 'filters:collection'],
			'trackingLink:update': [
				'updateNotice:notice',
				'trackingLinkId:string',
				'basketItems:fixedCollection',
				'updateFields:collection',
			],
		};
		for (const [combination, expected] of Object.entries(before)) {
			const [resource, operation] = combination.split(':');
			const shown = shownParameters(1, resource, operation).map(
				(parameter) => `${parameter.name}:${parameter.type}`,
			);
			expect([combination, shown]).toEqual([combination, expected]);
		}
		const scanBy = properties.find((property) => property.name === 'ticketBy');
		expect(scanBy?.default).toBe('id');
	});
});
