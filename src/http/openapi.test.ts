import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateOpenApi } from './openapi.ts';

describe('the committed OpenAPI document', () => {
  it('matches the routes (run `npm run openapi` after changing an endpoint)', async () => {
    const committed = await readFile('docs/openapi.json', 'utf8');
    expect(JSON.parse(committed)).toEqual(JSON.parse(await generateOpenApi()));
  });

  it('names the action and permission of every endpoint', async () => {
    const document = JSON.parse(await generateOpenApi()) as {
      paths: Record<string, Record<string, { 'x-action'?: string; 'x-permission'?: string }>>;
    };
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));
    expect(operations.length).toBeGreaterThan(10);
    for (const operation of operations) {
      expect(operation['x-action']).toMatch(/^[a-z]+\.[a-z-]+$/);
      expect(operation['x-permission']).toBeTruthy();
    }
  });
});
