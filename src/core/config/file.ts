/**
 * The configuration file `.verbatim.json` / `.verbatim.jsonc` (JSON with comments), read by the CLI and
 * the editor alike: parsed with jsonc-parser, checked key by key against the engine's tables, and turned
 * into an options patch plus the input keys (sources, include, exclude, ignore). Every problem carries
 * its line and column; a file that cannot be parsed gives no settings at all (the defaults stand), a bad
 * key is dropped and the rest still apply.
 */
import { parseTree, printParseErrorCode, findNodeAtLocation, type Node, type ParseError } from 'jsonc-parser';
import { RULES, ruleById } from '../rules/registry';
import { formatMessage, list, msg, type Message } from '../rules/formatMessage';
import { LineMap } from '../text/lines';
import type { Relation } from '../types';
import type { IgnoreEntry } from './ignoreList';
import { withoutPassword } from './archiveUrl';
import { DEFAULT_OPTIONS, type Level, type OptionsPatch } from './options';

/** The configuration file names, in the order they are looked for in one folder. */
export const CONFIG_FILES: readonly string[] = Object.freeze(['.verbatim.json', '.verbatim.jsonc']);

export const LEVELS: readonly Level[] = Object.freeze(['error', 'warning', 'info', 'hint', 'off']);
export const RELATIONS: readonly Relation[] = Object.freeze(Object.keys(DEFAULT_OPTIONS.relations) as Relation[]);
/** Match thresholds that are shares (0–1); the others are counts. */
export const SHARES: ReadonlySet<string> = new Set(['minContainment', 'minDensity', 'otherSpeakerCoverage']);
export const GLOB_KEYS = ['sources', 'include', 'exclude', 'authority'] as const;
/** Every top-level key, for the schema and the "unknown key" message. */
export const TOP_KEYS: readonly string[] = Object.freeze(['$schema', ...GLOB_KEYS, 'rules', 'relations', 'match', 'ignore', 'maxFileSizeKB', 'gitignore', 'archive']);

export interface VerbatimConfig {
  sources?: string[];
  include?: string[];
  exclude?: string[];
  authority?: string[];
  ignore: IgnoreEntry[];
  maxFileSizeKB?: number;
  /** The CLI skips what .gitignore ignores unless this is false (or --no-gitignore). */
  gitignore?: boolean;
  /** The shared archive's PostgreSQL URL, without a password (the editor reads it; the CLI takes --db). */
  archive?: string;
  /** Rules, relations, thresholds and authority, to lay over the defaults. */
  options: OptionsPatch;
}

export interface Place {
  /** 1-based, as editors and compilers print them. */
  line: number;
  column: number;
  offset: number;
  length: number;
}

export interface ConfigProblem extends Place {
  /** In English, as the CLI prints it. */
  message: string;
  /** `message` as a message id and values, for a front end that translates it. */
  messageL10n: Message;
  /** The file could not be parsed: nothing in it was used. */
  fatal: boolean;
}

export interface ParsedConfig {
  config: VerbatimConfig;
  problems: ConfigProblem[];
  fatal: boolean;
  /** Where a key (`['sources', 2]`) is written, for messages found later (a glob that matches nothing). */
  locate(path: (string | number)[]): Place;
}

/** Parses and checks a configuration file's text. */
export function parseConfig(text: string): ParsedConfig {
  const lines = new LineMap(text);
  const place = (offset: number, length: number): Place => {
    const p = lines.position(offset);
    return { line: p.line + 1, column: p.column + 1, offset, length };
  };
  const problems: ConfigProblem[] = [];
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const config: VerbatimConfig = { ignore: [], options: {} };
  const locate = (path: (string | number)[]): Place => {
    const n = root && findNodeAtLocation(root, path);
    return n ? place(n.offset, n.length) : place(0, 0);
  };
  const problem = (at: Place, m: Message, fatal: boolean): ConfigProblem => ({ ...at, message: formatMessage(m), messageL10n: m, fatal });
  for (const e of errors) problems.push(problem(place(e.offset, e.length), msg('config.cannotParse', { error: describeError(printParseErrorCode(e.error)) }), true));
  if (!errors.length && root?.type !== 'object') problems.push(problem(place(root?.offset ?? 0, root?.length ?? 0), msg('config.notObject'), true));
  if (problems.length) return { config, problems, fatal: true, locate };
  const bad = (n: Node, m: Message): void => { problems.push(problem(place(n.offset, n.length), m, false)); };
  for (const prop of root!.children ?? []) {
    const [keyNode, value] = prop.children ?? [];
    if (!keyNode || !value) continue;
    const key = String(keyNode.value);
    if (!TOP_KEYS.includes(key)) {
      const near = suggest(key, TOP_KEYS);
      bad(keyNode, near ? msg('config.unknownKey.near', { key, near }) : msg('config.unknownKey', { key }));
      continue;
    }
    readKey(key, value, config, bad);
  }
  return { config, problems, fatal: false, locate };
}

type Bad = (n: Node, m: Message) => void;

function readKey(key: string, value: Node, config: VerbatimConfig, bad: Bad): void {
  const v = nodeValue(value);
  switch (key) {
    case '$schema': if (typeof v !== 'string') bad(value, msg('config.schema')); return;
    case 'sources': case 'include': case 'exclude': case 'authority': {
      if (!Array.isArray(v) || !v.every((g) => typeof g === 'string' && g.length > 0)) { bad(value, msg('config.globs', { key })); return; }
      config[key] = v as string[];
      if (key === 'authority') config.options.authority = v as string[];
      return;
    }
    case 'maxFileSizeKB':
      if (typeof v !== 'number' || !(v >= 1)) { bad(value, msg('config.maxFileSizeKB')); return; }
      config.maxFileSizeKB = v;
      return;
    case 'gitignore':
      if (typeof v !== 'boolean') { bad(value, msg('config.gitignore')); return; }
      config.gitignore = v;
      return;
    case 'archive': {
      if (typeof v !== 'string' || !/^postgres(?:ql)?:\/\/./i.test(v)) { bad(value, msg('config.archive')); return; }
      const bare = withoutPassword(v);
      // A configuration file is shared (committed, synced): a password in it is refused, not used.
      if (bare.hadPassword) bad(value, msg('config.archivePassword'));
      config.archive = bare.url;
      return;
    }
    case 'ignore': {
      if (!Array.isArray(v)) { bad(value, msg('config.ignore')); return; }
      (value.children ?? []).forEach((n, i) => {
        const e = nodeValue(n) as Partial<IgnoreEntry> | null;
        if (e && typeof e === 'object' && typeof e.file === 'string' && typeof e.text === 'string' && Object.keys(e).every((k) => k === 'file' || k === 'text')) config.ignore.push({ file: e.file, text: e.text });
        else bad(n, msg('config.ignoreEntry', { index: i }));
      });
      return;
    }
    case 'relations': return readTable(key, value, RELATIONS, bad, (k, n) => {
      const level = asLevel(n, `relations.${k}`, bad, false);
      if (level) (config.options.relations ??= {})[k as Relation] = level as Level;
    });
    case 'match': return readTable(key, value, Object.keys(DEFAULT_OPTIONS.match), bad, (k, n) => {
      const x = nodeValue(n);
      const share = SHARES.has(k);
      if (typeof x !== 'number' || x < 0 || (share && x > 1) || (!share && !Number.isInteger(x))) {
        bad(n, msg(share ? 'config.share' : 'config.whole', { key: k }));
        return;
      }
      (config.options.match ??= {})[k as keyof typeof DEFAULT_OPTIONS.match] = x;
    });
    case 'rules': return readTable(key, value, RULES.map((r) => r.id), bad, (id, n) => readRule(id, n, config, bad));
  }
}

/** A rule's value: a level (`quote-differs` also `auto`), or `{ "severity": level, <option>: … }`. */
function readRule(id: string, n: Node, config: VerbatimConfig, bad: Bad): void {
  const rule = ruleById(id)!;
  const rules = (config.options.rules ??= {}) as Record<string, Level | 'auto'>;
  if (n.type !== 'object') {
    const level = asLevel(n, `rules.${id}`, bad, id === 'quote-differs');
    if (level) rules[rule.optionKey] = level;
    return;
  }
  readTable(`rules.${id}`, n, ['severity', ...rule.options.map((o) => o.key)], bad, (k, m) => {
    const level = asLevel(m, `rules.${id}.${k}`, bad, k === 'severity' && id === 'quote-differs');
    if (level) rules[k === 'severity' ? rule.optionKey : k] = level;
  });
}

function readTable(name: string, value: Node, keys: readonly string[], bad: Bad, each: (key: string, n: Node) => void): void {
  if (value.type !== 'object') { bad(value, msg('config.table', { table: name, keys: list('list.comma', keys) })); return; }
  for (const prop of value.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (!k || !v) continue;
    const key = String(k.value);
    const near = keys.includes(key) ? undefined : suggest(key, keys);
    if (near) bad(k, msg('config.unknownKeyIn.near', { key, table: name, near }));
    else if (near === '') bad(k, msg('config.unknownKeyIn', { key, table: name }));
    else each(key, v);
  }
}

function asLevel(n: Node, name: string, bad: Bad, auto: boolean): Level | 'auto' | undefined {
  const v = nodeValue(n);
  if (typeof v === 'string' && ((LEVELS as readonly string[]).includes(v) || (auto && v === 'auto'))) return v as Level | 'auto';
  const levels = list('list.comma', [...(auto ? ['auto'] : []), ...LEVELS].map((l) => msg('config.quoted', { value: l })));
  bad(n, msg('config.level', { key: name, levels, value: String(JSON.stringify(v)) }));
  return undefined;
}

function nodeValue(n: Node): unknown {
  if (n.type === 'object') return Object.fromEntries((n.children ?? []).map((p) => [String(p.children?.[0]?.value), p.children?.[1] ? nodeValue(p.children[1]) : undefined]));
  if (n.type === 'array') return (n.children ?? []).map(nodeValue);
  return n.value;
}

/** The known key one or two edits from `key` (for "did you mean"), or '' when there is none. */
function suggest(key: string, known: readonly string[]): string {
  return known.find((k) => distance(k.toLowerCase(), key.toLowerCase()) <= 2) ?? '';
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]++;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

function describeError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A problem as compilers print it: `file:line:column: message`. */
export function formatProblem(file: string, p: Place & { message: string }): string {
  return `${file}:${p.line}:${p.column}: ${p.message}`;
}

/** A problem found after parsing, by a front end that lists files. */
export type LaterProblem = Place & { message: string; messageL10n: Message };

/** A problem a front end finds later at `at` (a glob that matches nothing), in English and as a message. */
export function laterProblem(at: Place, m: Message): LaterProblem {
  return { ...at, message: formatMessage(m), messageL10n: m };
}

/** A fatal problem's message: the file's defaults are used instead. */
export const fatalMessage = (m: Message): Message => msg('config.fatal', { message: m });
