import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';

import { searchRecords } from '../../helpers/listSearch';
import { versionedIdField } from '../../helpers/locator';
import type { RecordAddress } from '../../helpers/records';
import { decimalText, withoutEmpty } from '../../helpers/values';

export const DISCOUNTS_PATH = '/financials/discounts/';

export const discountAddress: RecordAddress = {
	collectionPath: DISCOUNTS_PATH,
	idName: 'discountId',
	idLabel: 'Discount ID',
	idFields: versionedIdField(
		{
			displayName: 'Discount ID',
			name: 'discountId',
			type: 'string',
			required: true,
			default: '',
			description: "The discount's numeric ID (its ID in the output of Create or Get Many)",
		},
		{ searchListMethod: 'searchDiscounts', idPlaceholder: 'e.g. 4401' },
	),
};

/** Lists the organization's discounts for the Discount picker, by code (and description). */
export async function searchDiscounts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchRecords(
		this,
		{
			path: DISCOUNTS_PATH,
			nameOf: (discount) => {
				const code = String(discount.code ?? `Discount ${String(discount.id)}`);
				const description = String(discount.description ?? '').trim();
				return description === '' || description === code ? code : `${code} — ${description}`;
			},
		},
		filter,
		paginationToken,
	);
}

/** Settings a discount can have beside its code and value; used by Create and Update. */
export const discountSettings: INodeProperties[] = [
	{
		displayName: 'Active',
		name: 'isPublic',
		type: 'boolean',
		default: true,
		description: 'Whether customers can redeem the code',
	},
	{
		displayName: 'Allowed Checkouts',
		name: 'allowedCheckouts',
		type: 'multiOptions',
		default: [],
		options: [
			{ name: 'Box Office', value: 'disc_allowed_box_office' },
			{ name: 'Public Checkout', value: 'disc_allowed_public' },
		],
		description: 'Where the code can be used. Showpass allows both when none is chosen.',
	},
	{
		displayName: 'Apply Method',
		name: 'applyMethod',
		type: 'options',
		default: 1,
		options: [
			{ name: 'Each Eligible Item', value: 1 },
			{ name: 'Once per Basket', value: 2 },
		],
	},
	{
		displayName: 'Basket Limit',
		name: 'basketLimit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		description: 'Max number of times the discount applies within one basket',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'Shown to staff in Showpass; defaults to the code',
	},
	{
		displayName: 'Ends On',
		name: 'endsOn',
		type: 'dateTime',
		default: '',
		description: 'When the code stops working; must be after Starts On',
	},
	{
		displayName: 'Per Customer Limit',
		name: 'perUserLimit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		description: 'Max number of redemptions per customer',
	},
	{
		displayName: 'Per Event Limit',
		name: 'perEventLimit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		description: 'Max number of redemptions per event',
	},
	{
		displayName: 'Reference',
		name: 'reference',
		type: 'string',
		default: '',
		description: 'Your own reference, e.g. the refund or CRM record this code is for',
	},
	{
		displayName: 'Starts On',
		name: 'startsOn',
		type: 'dateTime',
		default: '',
		description: 'When the code starts working',
	},
	{
		displayName: 'Total Redemption Limit',
		name: 'totalLimit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		description: 'Max number of redemptions in total',
	},
];

const SHOWPASS_FIELD_NAMES: Record<string, string> = {
	code: 'code',
	description: 'description',
	isPublic: 'is_public',
	allowedCheckouts: 'allowed_checkouts',
	applyMethod: 'apply_method',
	basketLimit: 'basket_limit',
	endsOn: 'ends_on',
	totalLimit: 'limit',
	perEventLimit: 'per_event_limit',
	perUserLimit: 'per_user_limit',
	reference: 'reference',
	startsOn: 'starts_on',
};

/** Editor values → the discount body Showpass expects (decimals as "25.00" text, empty fields left out). */
export function discountBody(values: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [field, showpassName] of Object.entries(SHOWPASS_FIELD_NAMES)) {
		if (values[field] !== undefined) body[showpassName] = values[field];
	}
	if (typeof body.code === 'string') body.code = body.code.trim();
	if (values.percentage !== undefined && values.percentage !== '')
		body.percentage = decimalText(values.percentage);
	if (values.amount !== undefined && values.amount !== '') body.amount = decimalText(values.amount);
	return withoutEmpty(body);
}
