import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// Integration tests run once per database engine: always PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set (as .ci/run does).
const integration = ['test/integration/**/*.test.ts', 'src/**/*.int.test.ts'];
const engines = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

const projects: TestProjectInlineConfiguration[] = [
  { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: integration } },
  ...engines.map((engine) => ({
    extends: true as const,
    test: { name: engine, include: integration, env: { KEDJAN_TEST_DB: engine } },
  })),
  {
    extends: true,
    test: { name: 'browser', include: ['test/e2e/**/*.e2e.test.ts'], fileParallelism: false },
  },
];

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects,
  },
});
