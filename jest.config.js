/**
 * One jest run for the whole monorepo, in two projects, and a third on request:
 * - unit: `*.spec.ts` beside the code, no I/O;
 * - e2e: `test/**\/*.e2e-spec.ts`, real apps against real NATS and PostgreSQL.
 * TypeScript is compiled by SWC with the decorator metadata NestJS and class-validator need.
 */
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: {
          legacyDecorator: true,
          decoratorMetadata: true,
          useDefineForClassFields: false,
        },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
    },
  ],
};

const moduleNameMapper = {
  '^@enforcement-link/(protocol|platform|messaging|client)$': '<rootDir>/libs/$1/src',
  '^@enforcement-link/(protocol|platform|messaging|client)/(.*)$': '<rootDir>/libs/$1/src/$2',
};

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  transform,
  moduleNameMapper,
};

module.exports = {
  // End-to-end hooks start and stop whole court nodes; jest reads the timeout here, not per project.
  testTimeout: 30_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/sweep-stale-test-data.ts',
      slowTestThreshold: 20,
    },
    // The fault suite runs for many minutes: only `npm run test:faults` asks for it.
    ...(process.env.TEST_FAULTS
      ? [
          {
            ...shared,
            displayName: 'faults',
            testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
          },
        ]
      : []),
  ],
};
