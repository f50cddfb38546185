import { config } from '@n8n/node-cli/eslint';

// n8n's community-node rules as n8n's verification scanner applies them, unchanged.
export default [
	{ ignores: ['dist/**', 'node_modules/**', '.cache/**', 'coverage/**', 'scripts/**', 'test/**', '*.js', '*.mjs'] },
	...config,
];
