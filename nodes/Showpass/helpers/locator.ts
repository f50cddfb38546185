import type { IExecuteFunctions, INodeProperties, INodePropertyMode } from 'n8n-workflow';

/** Node versions whose record IDs are plain text boxes (workflows saved before the pickers). */
export const PLAIN_ID_VERSIONS = [1];
/** Node versions whose record IDs are resource locators: From List, By ID (and By URL for events). */
export const LOCATOR_VERSIONS = [2];

/**
 * `https://www.showpass.com/<slug>/` or the demo host → the slug Showpass's `events/{slug}/` takes.
 * `/o/<slug>/` is an organization's page, not an event's.
 */
export const EVENT_URL_REGEX = '^https?://(?:www\\.|demo\\.)?showpass\\.com/(?!o/)([^/?#\\s]+)';
/** The whole address an event's By URL box accepts (n8n anchors mode validation at both ends). */
export const EVENT_URL_VALIDATION =
	'https?://(?:www\\.|demo\\.)?showpass\\.com/(?!o/)[^/?#\\s]+(?:[/?#]\\S*)?';

export interface LocatorSpec {
	/** The `listSearch` method that lists the records. */
	searchListMethod: string;
	/** What the By ID box takes, for its placeholder and validation message. */
	idPlaceholder: string;
	/** The By ID mode's label when it takes more than an ID (events also take a slug). */
	idModeName?: string;
	/** A regex the whole By ID value must match (numeric IDs unless the record also takes a slug). */
	idRegex?: string;
	idError?: string;
	/** Modes after From List and By ID, e.g. By URL for events. */
	modes?: INodePropertyMode[];
}

/**
 * A record ID as two fields of the same name: version 1's text box exactly as it was, and from
 * version 2 a resource locator. Handlers read either with `recordIdOf`.
 */
export function versionedIdField(
	plainField: INodeProperties,
	spec: LocatorSpec,
): INodeProperties[] {
	return [
		{
			...plainField,
			displayOptions: {
				...plainField.displayOptions,
				show: { ...plainField.displayOptions?.show, '@version': PLAIN_ID_VERSIONS },
			},
		},
		locatorField(plainField, spec),
	];
}

/**
 * The resource locator version 2 shows for a record ID described as `plainField` (alone, for fields
 * that version 1 never had).
 */
export function locatorField(plainField: INodeProperties, spec: LocatorSpec): INodeProperties {
	// The modes carry their own placeholders and input options instead of the text box's.
	const locator: INodeProperties = { ...plainField };
	delete locator.placeholder;
	delete locator.typeOptions;
	return {
		...locator,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select from the list…',
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: spec.idModeName ?? 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.idPlaceholder,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: spec.idRegex ?? '\\s*\\d+\\s*',
							errorMessage: spec.idError ?? 'Enter a numeric ID',
						},
					},
				],
			},
			...(spec.modes ?? []),
		],
		displayOptions: {
			...plainField.displayOptions,
			show: { ...plainField.displayOptions?.show, '@version': LOCATOR_VERSIONS },
		},
	};
}

/** The ID a versioned field holds: the text of version 1, or the value a locator resolves to. */
export function recordIdOf(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	fallback?: string,
): string {
	const value = context.getNodeParameter(name, itemIndex, fallback, { extractValue: true });
	return String(value ?? '').trim();
}
