#!/usr/bin/env node
// The README's settings table, made from package.json's contributed configuration so the two cannot
// drift apart (test/unit/manifest.test.ts compares them). `node scripts/settings-table.mjs --write`
// rewrites the table between the README's settings markers; without it, prints the table.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const START = '<!-- settings:start (made by scripts/settings-table.mjs) -->';
export const END = '<!-- settings:end -->';

/** The Markdown table of every `verbatim.*` setting: key, default, scope, first sentence of its description. */
export function settingsTable(manifest) {
  const rows = Object.entries(manifest.contributes.configuration.properties).map(([key, p]) => {
    const text = String(p.markdownDescription ?? p.description ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|');
    const first = /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
    return `| \`${key}\` | \`${JSON.stringify(p.default)}\` | ${p.scope ?? 'window'} | ${first} |`;
  });
  return ['| setting | default | scope | what it does |', '|---|---|---|---|', ...rows].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const table = settingsTable(manifest);
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
