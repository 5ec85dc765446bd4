/**
 * The table from `verbatim.*` settings to engine options and host settings. Kept free of `vscode` so a
 * plain-Node unit test can check it against package.json: every contributed key is read here, and
 * every key here is contributed. To add a setting: add a row, add it to package.json, run the tests.
 */
import { DEFAULT_OPTIONS, ENCODINGS, type Encoding, type Level, type Options, type OptionsPatch } from '../core/index';

/** When documents are checked: as the editor types (debounced) or when they are saved. */
export type RunMode = 'onType' | 'onSave';

/** Settings the host reads itself; the engine never sees them. */
export interface HostSettings {
  /** False switches Verbatim off for the folder: nothing in it is checked or indexed. */
  enable: boolean;
  run: RunMode;
  debounceMs: number;
  include: readonly string[];
  sources: readonly string[];
  maxFileSizeKB: number;
  /** How source and article files are decoded (see the core's read policy). */
  encoding: Encoding;
  /** The shared archive's PostgreSQL URL (`verbatim.archive.url`); empty for none. */
  archiveUrl: string;
}

export const HOST_DEFAULTS: Readonly<HostSettings> = Object.freeze({
  enable: true,
  run: 'onType',
  debounceMs: 300,
  include: Object.freeze(['**/*.article', '**/*.md', '**/*.markdown', '**/*.txt']),
  sources: Object.freeze(['sources/**', 'seeds/**']),
  maxFileSizeKB: 10240,
  encoding: 'utf-8',
  archiveUrl: '',
});

type Kind = 'level' | 'ruleLevel' | 'number' | 'share' | 'globs' | 'run' | 'boolean' | 'encoding' | 'archiveUrl';
type OptionGroup = 'match' | 'relations' | 'rules' | 'attribute';
type OptionTarget = { [G in OptionGroup]: { group: G; key: keyof Options[G] } }[OptionGroup];
type Target = OptionTarget | { group: 'authority' } | { group: 'host'; key: keyof HostSettings };

/** One row of the table: the key after `verbatim.`, how to validate it, and where it lands. */
export interface SettingRow {
  key: string;
  kind: Kind;
  target: Target;
}

const LEVELS: readonly Level[] = ['error', 'warning', 'info', 'hint', 'off'];
const relation = (key: keyof Options['relations']): SettingRow => ({ key: `relations.${key}`, kind: 'level', target: { group: 'relations', key } });
const rule = (key: keyof Options['rules'], kind: Kind = 'level'): SettingRow => ({ key: `rules.${key}`, kind, target: { group: 'rules', key } });
const match = (key: keyof Options['match'], kind: Kind = 'number'): SettingRow => ({ key: `match.${key}`, kind, target: { group: 'match', key } });
const attribute = (key: keyof Options['attribute']): SettingRow => ({ key: `attribute.${key}`, kind: 'share', target: { group: 'attribute', key } });
const host = (key: keyof HostSettings, kind: Kind): SettingRow => ({ key, kind, target: { group: 'host', key } });

export const SETTINGS: readonly SettingRow[] = Object.freeze([
  host('enable', 'boolean'),
  host('run', 'run'),
  host('debounceMs', 'number'),
  host('include', 'globs'),
  host('sources', 'globs'),
  host('maxFileSizeKB', 'number'),
  host('encoding', 'encoding'),
  { key: 'archive.url', kind: 'archiveUrl', target: { group: 'host', key: 'archiveUrl' } },
  { key: 'authority', kind: 'globs', target: { group: 'authority' } },
  relation('identical'),
  relation('excerpt'),
  relation('punctuation'),
  relation('spelling'),
  relation('variant'),
  relation('paraphrase'),
  rule('quoteDiffers', 'ruleLevel'),
  rule('speakerDiffers'),
  rule('unverifiedQuote'),
  rule('unbalancedQuote'),
  rule('meaningChange'),
  match('minWords'),
  match('maxCandidates'),
  match('minContainment', 'share'),
  match('minAlignedWords'),
  match('minDensity', 'share'),
  match('otherSpeakerCoverage', 'share'),
  match('maxAlignWords'),
  attribute('minConfidence'),
]);

/** Every contributed setting, with its `verbatim.` prefix. */
export const SETTING_KEYS: readonly string[] = Object.freeze(SETTINGS.map((r) => `verbatim.${r.key}`));

/** The default of a row, from the engine's frozen options or the host defaults. */
export function defaultOf(row: SettingRow): unknown {
  const t = row.target;
  if (t.group === 'host') return HOST_DEFAULTS[t.key];
  if (t.group === 'authority') return DEFAULT_OPTIONS.authority;
  return (DEFAULT_OPTIONS[t.group] as Record<string, unknown>)[t.key];
}

function valid(kind: Kind, value: unknown): boolean {
  switch (kind) {
    case 'level': return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
    case 'ruleLevel': return value === 'auto' || valid('level', value);
    case 'run': return value === 'onType' || value === 'onSave';
    case 'boolean': return typeof value === 'boolean';
    case 'encoding': return typeof value === 'string' && (ENCODINGS as readonly string[]).includes(value);
    case 'number': return typeof value === 'number' && Number.isFinite(value) && value >= 0;
    case 'share': return typeof value === 'number' && value >= 0 && value <= 1;
    case 'archiveUrl': return typeof value === 'string' && (value === '' || /^postgres(?:ql)?:\/\/./i.test(value));
    case 'globs': return Array.isArray(value) && value.every((v) => typeof v === 'string');
  }
}

export interface ReadSettings {
  options: OptionsPatch;
  host: HostSettings;
  /** One line per ignored value, for the log. */
  problems: string[];
}

/**
 * Reads every row through `get` (given the key without `verbatim.`; undefined means "use the default")
 * and returns the engine options patch and the host settings. Invalid values fall back to the default.
 */
export function readSettings(get: (key: string) => unknown): ReadSettings {
  const patch = { match: {}, relations: {}, rules: {}, attribute: {} } as { [G in OptionGroup]: Record<string, unknown> } & { authority?: string[] };
  const hostOut: Record<string, unknown> = { ...HOST_DEFAULTS };
  const problems: string[] = [];
  for (const row of SETTINGS) {
    const raw = get(row.key);
    if (raw === undefined || raw === null) continue;
    if (!valid(row.kind, raw)) {
      problems.push(`verbatim.${row.key}: ignoring invalid value ${JSON.stringify(raw)}; using ${JSON.stringify(defaultOf(row))}`);
      continue;
    }
    const t = row.target;
    if (t.group === 'host') hostOut[t.key] = raw;
    else if (t.group === 'authority') patch.authority = [...(raw as string[])];
    else patch[t.group][t.key] = raw;
  }
  return { options: patch as OptionsPatch, host: hostOut as unknown as HostSettings, problems };
}
