#!/usr/bin/env node
// l10n/bundle.l10n.json, the English bundle a translator copies to bundle.l10n.<locale>.json: every
// string the host passes to `vscode.l10n.t` as a literal (src/host, src/extension.ts) and every
// template of the engine's messages (src/core/rules/messageTemplates.ts, which the host translates
// through vscode.l10n.t by their English text). `node scripts/l10n-bundle.mjs --write` rewrites it;
// without `--write`, it prints it. test/unit/l10n.test.ts fails when the file is stale.
// (What @vscode/l10n-dev's `export` does for the literals, plus the engine's table, without its parser.)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = 'l10n/bundle.l10n.json';
const HOST_FILES = () => [
  ...fs.readdirSync(path.join(root, 'src/host')).filter((f) => f.endsWith('.ts')).map((f) => `src/host/${f}`),
  'src/extension.ts',
];
// The one module allowed to pass a non-literal: it forwards the engine's templates.
const FORWARDER = 'src/host/l10n.ts';

/** A JS string literal's value ('…', "…" or a template literal without `${}`). */
function literal(source) {
  if (source.startsWith('`')) {
    if (source.includes('${')) return null;
    return JSON.parse(`"${source.slice(1, -1).replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
  }
  if (source.startsWith("'")) source = `"${source.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`;
  return JSON.parse(source);
}

/** Every `l10n.t(<literal>` in `text`; `bad` gets each call whose first argument is not a literal. */
export function l10nCalls(text, bad = []) {
  const found = [];
  for (const m of text.matchAll(/\bl10n\.t\(\s*/g)) {
    const rest = text.slice(m.index + m[0].length);
    const lit = /^('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`)\s*[,)]/.exec(rest);
    const value = lit ? literal(lit[1]) : null;
    if (value === null) bad.push(rest.slice(0, 60));
    else found.push(value);
  }
  return found;
}

/** The engine's English templates, read from the TypeScript table (an object of string literals). */
export function engineTemplates() {
  const text = fs.readFileSync(path.join(root, 'src/core/rules/messageTemplates.ts'), 'utf8');
  const body = text.slice(text.indexOf('Object.freeze({') + 'Object.freeze({'.length, text.indexOf('} as const)'));
  const out = {};
  for (const m of body.matchAll(/^\s*'([\w.]+)':\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"),\s*$/gm)) out[m[1]] = literal(m[2]);
  return out;
}

/** The bundle: each key its own English text, sorted; throws on a non-literal call outside FORWARDER. */
export function makeBundle() {
  const keys = new Set(Object.values(engineTemplates()));
  for (const file of HOST_FILES()) {
    const bad = [];
    for (const s of l10nCalls(fs.readFileSync(path.join(root, file), 'utf8'), bad)) keys.add(s);
    if (bad.length && file !== FORWARDER) throw new Error(`${file}: vscode.l10n.t needs a string literal, not ${bad[0]}…`);
  }
  return Object.fromEntries([...keys].sort().map((k) => [k, k]));
}

export const bundleText = () => JSON.stringify(makeBundle(), null, 2) + '\n';

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--write')) {
    fs.mkdirSync(path.join(root, 'l10n'), { recursive: true });
    fs.writeFileSync(path.join(root, BUNDLE), bundleText());
  } else process.stdout.write(bundleText());
}
