/** `npm start`: Kedjan on its configured database (embedded PGlite unless DATABASE_URL is set). */
import { createKedjan } from './app.ts';
import { loadConfig } from './config.ts';

const started = performance.now();
const config = loadConfig();
const kedjan = await createKedjan(config);
await kedjan.app.listen({ port: config.port, host: config.host });
const where = config.database.kind === 'pglite' ? `PGlite i ${config.database.dataDir}` : 'PostgreSQL';
console.log(
  `Kedjan körs på ${config.publicUrl} (${where}, start ${Math.round(performance.now() - started)} ms)`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void kedjan.close().then(() => process.exit(0));
  });
}
