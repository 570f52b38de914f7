/**
 * The architecture, enforced: the domain core of every part is pure (no HTTP, no database, no
 * I/O); database code never reaches up into HTTP; the browser app only shares the message
 * catalogue and pure domain rules with the server.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'Rules in */domain/ are pure functions over plain data: no HTTP, database or framework code.',
      severity: 'error',
      from: { path: '^src/[^/]+/domain/' },
      to: {
        path: [
          '^src/[^/]+/(api|db)/',
          '^src/(http|db|cli|demo)/',
          '^src/(app|main|config)\\.ts$',
          'node_modules/(fastify|@fastify|kysely|pg|@electric-sql|openid-client|pino)/',
        ],
      },
    },
    {
      name: 'db-below-http',
      comment: 'Queries and commands do not know about HTTP.',
      severity: 'error',
      from: { path: '^src/([^/]+/db/|db/)' },
      to: { path: ['^src/[^/]+/api/', '^src/http/', 'node_modules/(fastify|@fastify)/'] },
    },
    {
      name: 'web-shares-only-catalogue-and-domain',
      comment:
        'The browser app may use the message catalogue and pure domain rules, nothing else of the server.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^src/', pathNot: ['^src/i18n/', '^src/[^/]+/domain/'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { pathNot: ['^src/db/schema\\.ts$'] } },
    },
    {
      name: 'no-test-code-in-product',
      severity: 'error',
      from: { path: '^(src|web/src)/', pathNot: '\\.test\\.tsx?$' },
      to: { path: ['^test/', '\\.test\\.tsx?$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
