// Regenerates docs/openapi.json from the route schemas (`npm run openapi`).
import { writeFile } from 'node:fs/promises';
import { generateOpenApi } from '../src/http/openapi.ts';

await writeFile('docs/openapi.json', await generateOpenApi());
console.log('docs/openapi.json written');
