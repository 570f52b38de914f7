// Installs what the tests need that npm cannot: Debian's Chromium for the browser tests.
// Runs before `npm test`; does nothing when Chromium is already there.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.KEDJAN_CHROMIUM ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  console.log(`Installerar Chromium för webbläsartesterna (${sudo}apt-get install chromium)…`);
  try {
    execSync(
      `${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`,
      {
        stdio: 'inherit',
      },
    );
  } catch {
    console.error(
      'Kunde inte installera Chromium. Installera paketet "chromium" (Debian/Ubuntu) och kör igen.',
    );
    process.exit(1);
  }
}
