/** `npx kedjan norm`: a household as JSON on stdin, the receipt as JSON on stdout. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (input: string, ...args: string[]) =>
  spawnSync(process.execPath, ['bin/kedjan.js', 'norm', ...args], { input, encoding: 'utf8' });

describe('npx kedjan norm', () => {
  it('prints riksnorm, total and lines for the household of the issue', () => {
    const result = run(
      JSON.stringify({
        year: 2026,
        members: [
          { role: 'applicant', age: 34 },
          { role: 'partner', age: 33 },
          { role: 'child', age: 4, lunchAway: true },
        ],
        costs: [{ type: 'rent', amount: 7200 }],
        incomes: [{ type: 'salary', amount: 3000 }],
      }),
    );
    expect(result.status).toBe(0);
    const receipt = JSON.parse(result.stdout);
    expect(receipt).toMatchObject({ riksnorm: 11_610, total: 15_810 });
    expect(receipt.lines).toHaveLength(5);
  });

  it('exits non-zero with a clear message on stderr for bad input and for a year without a registered norm', () => {
    const bad = run('{"year":2026,"members":[{"role":"child","age":3}]}');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('members: hushållet ska ha exakt en sökande');
    const missingYear = run('{"year":2025,"members":[{"role":"applicant","age":30}]}');
    expect(missingYear.status).toBe(2);
    expect(missingYear.stderr).toContain('year: riksnormen för det året finns inte registrerad i Kedjan');
    const notJson = run('{year:2026');
    expect(notJson.status).toBe(2);
    expect(notJson.stderr).toContain('Indata är inte giltig JSON');
  });
});
