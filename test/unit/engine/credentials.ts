import { Credentials } from 'n8n-core';
import {
	ICredentialsHelper,
	isExpression,
	NodeHelpers,
	UnexpectedError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeParameters,
	type INodeProperties,
	type Workflow,
} from 'n8n-workflow';

import { PACKAGE_CREDENTIALS } from './package';

/** Stored credential data by credential type, as a user saves it in n8n's credential dialog. */
export type CredentialsByType = Record<string, IDataObject>;

function credentialType(name: string) {
	const type = PACKAGE_CREDENTIALS[name];
	if (type === undefined) throw new UnexpectedError(`Unknown credential type "${name}"`);
	return type;
}

/**
 * n8n's credentials helper lives in the n8n server package (it decrypts from the database), so
 * this one follows its steps on stored data instead: `getDecrypted` fills in the credential
 * type's defaults (n8n's `applyDefaultsAndOverwrites`), and `authenticate` applies a generic
 * `authenticate` by resolving each key and value with the workflow's own expression engine
 * and `$credentials`, as n8n's `CredentialsHelper.authenticate` does.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly stored: CredentialsByType) {
		super();
	}

	async getDecrypted(
		_additionalData: unknown,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.stored[type];
		if (data === undefined) {
			throw new UnexpectedError(`No "${type}" credential stored for "${nodeCredentials.name}"`);
		}
		const properties = this.getCredentialsProperties(type);
		return NodeHelpers.getNodeParameters(properties, data as INodeParameters, true, false, null, null) as ICredentialDataDecryptedObject;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incoming: IHttpRequestOptions,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = credentialType(typeName);
		if (authenticate === undefined) return incoming;
		if (typeof authenticate === 'function') return await authenticate(credentials, incoming);
		if (workflow === undefined || node === undefined) {
			throw new UnexpectedError('Workflow and node are required for declarative credential authentication');
		}
		const request = incoming as IHttpRequestOptions & Record<string, IDataObject | undefined>;
		request.headers ??= {};
		const resolve = (value: string) =>
			isExpression(value)
				? String(
						workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }) ?? '',
					)
				: value;
		for (const [part, entries] of Object.entries(authenticate.properties)) {
			for (const [key, value] of Object.entries(entries as Record<string, string>)) {
				request[part] ??= {};
				(request[part] as IDataObject)[resolve(key)] = resolve(value);
			}
		}
		return request;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialType(type).properties;
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string) {
		return new Credentials({ id: nodeCredentials.id, name: nodeCredentials.name }, type, '');
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}
}
