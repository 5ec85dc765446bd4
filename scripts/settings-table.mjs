#!/usr/bin/env node
// The README's settings table, made from package.json's contributed configuration so the two cannot
// drift apart (test/unit/manifest.test.ts compares them). `node scripts/settings-table.mjs --write`
// rewrites the table between the README's settings markers; without it, prints the table. The manifest's
// texts are `%key%` references into package.nls.json (VS Code's manifest localisation), resolved here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const START = '<!-- settings:start (made by scripts/settings-table.mjs) -->';
export const END = '<!-- settings:end -->';

/** `value` with every `%key%` string replaced by its text in `nls` (package.nls.json), as VS Code does. */
export function resolveNls(value, nls) {
  if (typeof value === 'string') {
    const key = /^%(.+)%$/.exec(value)?.[1];
    if (key === undefined) return value;
    if (!(key in nls)) throw new Error(`package.nls.json has no ${key}`);
    return nls[key];
  }
  if (Array.isArray(value)) return value.map((v) => resolveNls(v, nls));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveNls(v, nls)]));
  return value;
}

/** package.json with its `%key%` texts resolved through package.nls.json. */
export function readManifest(dir = root) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const nls = JSON.parse(fs.readFileSync(path.join(dir, 'package.nls.json'), 'utf8'));
  return resolveNls(manifest, nls);
}

/** The Markdown table of every `verbatim.*` setting of a resolved manifest: key, default, scope, first sentence of its description. */
export function settingsTable(manifest) {
  const rows = Object.entries(manifest.contributes.configuration.properties).map(([key, p]) => {
    const text = String(p.markdownDescription ?? p.description ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|');
    const first = /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
    return `| \`${key}\` | \`${JSON.stringify(p.default)}\` | ${p.scope ?? 'window'} | ${first} |`;
  });
  return ['| setting | default | scope | what it does |', '|---|---|---|---|', ...rows].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const table = settingsTable(readManifest());
  if (!process.argv.includes('--write')) {
    console.log(table);
  } else {
    const file = path.join(root, 'README.md');
    const readme = fs.readFileSync(file, 'utf8');
    const a = readme.indexOf(START);
    const b = readme.indexOf(END);
    if (a < 0 || b < a) throw new Error(`README.md has no ${START} … ${END} block`);
    fs.writeFileSync(file, readme.slice(0, a + START.length) + '\n' + table + '\n' + readme.slice(b));
  }
}
