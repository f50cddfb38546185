/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/unit'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	moduleFileExtensions: ['ts', 'js', 'json'],
	// Not jest's default (jest_<uid> in the system's temporary folder): a test run leaves nothing there.
	cacheDirectory: '<rootDir>/node_modules/.cache/jest',
	// Every test ends with its requests closed and answers used, and each file unpatches Node's http.
	setupFilesAfterEnv: ['<rootDir>/test/unit/isolation.ts'],
	// Workflows run through n8n's engine; on a busy machine the first run in a file loads much of n8n-core.
	testTimeout: 30_000,
};
