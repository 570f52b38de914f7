/**
 * Summarises a V8 CPU profile (from `BENCH_CPU_PROF=1 npm run bench`, or `node --cpu-prof`):
 * self time by package/folder and the top functions by self time.
 *
 *   node --import tsx bench/profile-summary.ts <file.cpuprofile> [top] [skip-seconds]
 *
 * skip-seconds leaves out the start of the profile (module loading, the server's start), so that
 * the figures are those of serving requests. The main thread's profile is the largest file in
 * bench/results/prof-<timestamp>/<server>/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg, skipArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: bench/profile-summary.ts <file.cpuprofile> [top] [skip-seconds]');
  process.exit(2);
}
const top = Number(topArg ?? 30);
const skipUs = Number(skipArg ?? 0) * 1e6;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const root = path.resolve(import.meta.dirname, '..');

// Self time per node from the samples and their time deltas (µs).
const selfUs = new Map<number, number>();
let elapsedUs = 0;
for (let i = 0; i < profile.samples.length; i++) {
  elapsedUs += profile.timeDeltas[i] ?? 0;
  if (elapsedUs < skipUs) continue;
  const id = profile.samples[i]!;
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);

function where(url: string): string {
  if (!url) return '(native/V8)';
  const local = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
  const nm = local.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = local.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (local.startsWith('node:')) return 'node: (core)';
  if (local.startsWith(root)) return path.dirname(path.relative(root, local));
  return local;
}

const idle = new Set(['(idle)', '(program)', '(garbage collector)']);
const byWhere = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const [id, us] of selfUs) {
  const node = nodes.get(id)!;
  const name = node.callFrame.functionName || '(anonymous)';
  const key = idle.has(name) ? name : where(node.callFrame.url);
  byWhere.set(key, (byWhere.get(key) ?? 0) + us);
  const fn = idle.has(name)
    ? name
    : `${name}  ${where(node.callFrame.url)}${node.callFrame.url && !node.callFrame.url.includes('node_modules') ? `/${path.basename(node.callFrame.url)}` : ''}:${node.callFrame.lineNumber + 1}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
}

const busyUs = totalUs - (byWhere.get('(idle)') ?? 0);
const pct = (us: number, of: number) => `${((100 * us) / of).toFixed(1).padStart(5)} %`;
console.log(
  `${path.basename(file)}: ${(totalUs / 1e6).toFixed(1)} s sampled, ${(busyUs / 1e6).toFixed(1)} s busy (not idle)\n`,
);
console.log('self time by package / folder (share of busy time):');
for (const [key, us] of [...byWhere]
  .filter(([k]) => k !== '(idle)')
  .sort((a, b) => b[1] - a[1])
  .slice(0, top)) {
  console.log(`  ${pct(us, busyUs)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`);
}
console.log('\ntop functions by self time (share of busy time):');
for (const [key, us] of [...byFunction]
  .filter(([k]) => k !== '(idle)')
  .sort((a, b) => b[1] - a[1])
  .slice(0, top)) {
  console.log(`  ${pct(us, busyUs)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`);
}
