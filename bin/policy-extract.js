#!/usr/bin/env node
// The command-line entry: plain JavaScript, so that `node` runs it without a TypeScript loader.
// The code lives in dist/cli.js, built by `npm run build` (run automatically by `npm ci`).
import { run } from '../dist/cli.js';

await run();
