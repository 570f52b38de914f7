#!/usr/bin/env node
// The operator's command line. Runs the TypeScript sources through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/kedjan.ts');
