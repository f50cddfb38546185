import { dirname } from 'path';

/**
 * n8n-core's own copies of its `@n8n/*` helpers. The top-level `@n8n/di` and
 * `@n8n/backend-common` belong to @n8n/node-cli's (older) tree, and n8n-core's dependency
 * container only knows classes from its own copies.
 */
const coreDirectory = dirname(require.resolve('n8n-core/package.json'));
const fromCore = <T>(name: string) => require(require.resolve(name, { paths: [coreDirectory] })) as T;

/** The part of n8n-core's dependency container the harness uses. */
export const Container: {
	set<T>(type: abstract new (...args: never[]) => T, instance: T): void;
} = fromCore<typeof import('@n8n/di')>('@n8n/di').Container;
export const { Logger } = fromCore<typeof import('@n8n/backend-common')>('@n8n/backend-common');
export const { parseIncomingMessage } = fromCore<typeof import('@n8n/backend-network')>('@n8n/backend-network');
