// Builds the browser UI with Vite. With --if-stale it does nothing when dist/web is newer than
// every source file of the UI, so `npm start` is quick after the first run.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const output = path.join(root, 'dist/web/index.html');
const sources = ['web', 'src/i18n'].map((dir) => path.join(root, dir));

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const stale = !existsSync(output) || Math.max(...sources.map(newestMtime)) > statSync(output).mtimeMs;
if (process.argv.includes('--if-stale') && !stale) process.exit(0);
console.log('Bygger gränssnittet (vite build)…');
execFileSync(
  process.execPath,
  [
    path.join(root, 'node_modules/vite/bin/vite.js'),
    'build',
    '--config',
    'web/vite.config.ts',
    '--logLevel',
    'warn',
  ],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
