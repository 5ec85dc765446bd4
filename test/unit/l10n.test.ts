/**
 * Localisation: the engine's messages are templates (src/core/rules/messageTemplates.ts) formatted by
 * one pure function, the host's texts go through vscode.l10n.t, and l10n/bundle.l10n.json lists them
 * all. A pseudo-localised bundle made from it must translate every message the engine gives on real
 * articles — so a message assembled outside the templates, or a template missing from the bundle,
 * fails here — while the English stays exactly what the CLI prints.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Engine, MESSAGE_TEMPLATES, decodeText, fatalMessage, formatMessage, parseConfig, type DocumentReport, type Message, type MessageValue, type OptionsPatch } from '../../src/core/index';
import { list, msg } from '../../src/core/rules/formatMessage';

const root = path.resolve(__dirname, '..', '..', '..');
const bundle: Record<string, string> = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8'));
type Script = { bundleText(): string; engineTemplates(): Record<string, string>; l10nCalls(text: string, bad?: string[]): string[] };
// The ES module script, import()ed from CommonJS through a file URL.
const script = (): Promise<Script> => (new Function('u', 'return import(u)'))(require('url').pathToFileURL(path.join(root, 'scripts', 'l10n-bundle.mjs')).href);
const hostFiles = [...fs.readdirSync(path.join(root, 'src', 'host')).map((f) => `src/host/${f}`), 'src/extension.ts'].filter((f) => f.endsWith('.ts'));

/** Pseudo-localisation: letters outside `{placeholders}` swapped for accented ones, the whole bracketed. */
function pseudo(template: string): string {
  const accent: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ü', A: 'Å', E: 'É', I: 'Î', O: 'Ø', U: 'Ü', n: 'ñ', c: 'ç', s: 'š', y: 'ý' };
  return `⟦${template.split(/(\{\w+\})/).map((part, i) => (i % 2 ? part : part.replace(/[a-zA-Z]/g, (ch) => accent[ch] ?? ch))).join('')}⟧`;
}
const PSEUDO = Object.fromEntries(Object.keys(bundle).map((k) => [k, pseudo(k)]));
const pseudoTranslate = (template: string): string => {
  const t = PSEUDO[template];
  if (t === undefined) throw new Error(`not in l10n/bundle.l10n.json: ${template}`);
  return t;
};

const read = (dir: string): { uri: string; text: string }[] =>
  fs.readdirSync(path.join(root, dir)).filter((f) => /\.(txt|article)$/.test(f)).sort().map((f) => ({ uri: `${dir}/${f}`, text: fs.readFileSync(path.join(root, dir, f), 'utf8') }));

/** Reports of real articles, with settings that make every kind of message appear. */
function reports(): { reports: DocumentReport[]; inputs: string[] } {
  const out: DocumentReport[] = [];
  const inputs: string[] = [];
  const run = (drafts: { uri: string; text: string }[], sources: { uri: string; text: string }[], options: OptionsPatch) => {
    const engine = new Engine(options);
    sources.forEach((s, order) => engine.setSource({ ...s, label: s.uri, order }));
    for (const d of drafts) out.push(engine.check({ ...d, label: d.uri }));
    inputs.push(...drafts.map((d) => d.text), ...sources.map((s) => s.text), ...sources.map((s) => s.uri));
  };
  const seeds = read('seeds');
  const every = { relations: { identical: 'hint', excerpt: 'hint', punctuation: 'hint', spelling: 'hint' } } as OptionsPatch;
  // Every seed against the others (the "earliest source" and "agree" reasons, sources disagreeing).
  run(seeds, seeds, every);
  // The fixture drafts against their sources, once with an authority order.
  for (const ws of ['test/fixtures/workspace', 'test/fixtures/parity']) {
    const drafts = read(`${ws}/drafts`);
    const sources = read(`${ws}/sources`);
    run(drafts, sources, every);
    run(drafts, sources, { ...every, authority: [`${ws}/sources/003*`] } as OptionsPatch);
  }
  return { reports: out, inputs };
}

/** Every message of a report, with the English text the engine gave beside it. */
function messages(r: DocumentReport): [Message, string][] {
  return r.quotes.flatMap((q) => [
    ...q.findings.flatMap((f): [Message, string][] => [[f.messageL10n, f.message], ...f.related.map((x): [Message, string] => [x.messageL10n, x.message])]),
    ...q.matches.flatMap((m): [Message, string][] => (m.changesL10n ? [[m.changesL10n, m.changes]] : [])),
    ...q.fixes.map((f): [Message, string] => [f.titleL10n, f.title]),
    ...(q.canonical ? [[q.canonical.reasonL10n, q.canonical.reason] as [Message, string]] : []),
  ]);
}

function ids(m: MessageValue, into = new Set<string>()): Set<string> {
  if (typeof m !== 'object') return into;
  into.add(m.id);
  for (const v of [...Object.values(m.values ?? {}), ...(m.items ?? [])]) ids(v, into);
  return into;
}

function leaves(m: MessageValue): string[] {
  if (typeof m === 'number') return [];
  if (typeof m === 'string') return [m];
  return [...Object.values(m.values ?? {}), ...(m.items ?? [])].flatMap(leaves);
}

describe('localisation', () => {
  describe('formatMessage', () => {
    it('fills named values, nested messages and lists, and never reads a value as a template', () => {
      const m = msg('quoteDiffers.other.changes', { sources: 2, relation: 'variant', label: 'a{label}.txt', changes: list('list.comma', [msg('change.added', { added: '{x}' }), msg('change.more', { count: 2 })]) });
      assert.strictEqual(formatMessage(m), 'Quote differs from 2 sources (variant in a{label}.txt: “{x}” added, 2 more).');
    });

    it('uses the template a translator gives, with the same values', () => {
      const m = msg('fix.source', { label: 'wire.txt' });
      assert.strictEqual(formatMessage(m, (t) => (t === 'Use the wording of {label}' ? 'Wortlaut von {label} übernehmen' : t)), 'Wortlaut von wire.txt übernehmen');
    });
  });

  describe('l10n/bundle.l10n.json', () => {
    it('is what scripts/l10n-bundle.mjs makes: not stale (run `npm run l10n` after changing a text)', async () => {
      assert.strictEqual(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8'), (await script()).bundleText());
    });

    it('has every template of the engine, read from the same table the engine uses', async () => {
      assert.deepStrictEqual((await script()).engineTemplates(), { ...MESSAGE_TEMPLATES });
      for (const t of Object.values(MESSAGE_TEMPLATES)) assert.ok(t in bundle, t);
    });

    it('has every literal the host passes to vscode.l10n.t, and no key that nothing uses', async () => {
      const { l10nCalls } = await script();
      const used = new Set<string>(Object.values(MESSAGE_TEMPLATES));
      let calls = 0;
      for (const file of hostFiles) {
        for (const s of l10nCalls(fs.readFileSync(path.join(root, file), 'utf8'))) {
          calls++;
          used.add(s);
          assert.ok(s in bundle, `${file}: “${s}” is in the bundle`);
        }
      }
      assert.ok(calls >= 60, `${calls} vscode.l10n.t calls in the host`);
      for (const key of Object.keys(bundle)) assert.ok(used.has(key), `the bundle's “${key}” is used`);
      for (const [key, text] of Object.entries(bundle)) assert.strictEqual(text, key, 'the English bundle maps each text to itself');
    });

    it('leaves no hand-built English plural in the host', () => {
      for (const file of hostFiles) {
        const text = fs.readFileSync(path.join(root, file), 'utf8');
        assert.doesNotMatch(text, /=== 1 \? '' : 's'|=== 1 \? 's' : ''/, `${file} picks a template by count instead`);
      }
    });
  });

  describe('a configuration file’s problems', () => {
    const bad = `{ "sorces": [], "sources": "x", "include": [1], "maxFileSizeKB": 0, "gitignore": "yes", "$schema": 1,
      "ignore": [{ "file": 1 }], "relations": { "variant": "loud", "spelin": "hint" }, "match": { "minDensity": 2, "minWords": 1.5 },
      "rules": { "quote-differs": { "severity": "auto", "meaningChang": "x" }, "speaker-differs": 3 }, "zzz": 1 }`;
    const problems = [...parseConfig(bad).problems, ...parseConfig('{ "sources": [').problems, ...parseConfig('[]').problems];

    it('are formatted from the templates, each in English and translated by the pseudo-localised bundle', () => {
      assert.ok(problems.length >= 15, `${problems.length} problems`);
      for (const p of [...problems.map((x) => x.messageL10n), ...problems.filter((x) => x.fatal).map((x) => fatalMessage(x.messageL10n))]) {
        const english = formatMessage(p);
        assert.ok(english.length > 10 && !/\{\w+\}/.test(english), `every placeholder filled: ${english}`);
        const shown = formatMessage(p, pseudoTranslate);
        assert.ok(shown.startsWith('⟦') && shown.endsWith('⟧') && shown !== english, shown);
      }
      for (const p of problems) assert.strictEqual(p.message, formatMessage(p.messageL10n));
      assert.ok(problems.some((p) => p.message === 'unknown key "sorces" (did you mean "sources"?); it is ignored'), problems.map((p) => p.message).join('\n'));
      assert.ok(problems.some((p) => p.message === '"relations.variant" must be one of "error", "warning", "info", "hint", "off", not "loud"; it is ignored'));
    });
  });

  describe('the read policy’s reasons and notes', () => {
    it('are formatted from the templates and translated by the pseudo-localised bundle', () => {
      const bytes = (...b: number[]) => Uint8Array.from(b);
      const results = [
        decodeText(bytes(0x41, 0, 0x42)), decodeText(new Uint8Array(3000), 2048), decodeText(bytes(0x93, 0x41, 0x94), 1024, 'windows-1252'),
        decodeText(bytes(0x93, 0x41, 0x94), 1024, 'auto'), decodeText(bytes(0x93, 0x41, 0x94)),
      ];
      const messages = results.map((d) => (d.ok ? [d.noteL10n!, d.note!] : [d.reasonL10n, d.reason]) as [Message, string]);
      assert.deepStrictEqual(messages.map(([m]) => m.id), ['read.binary', 'read.overCap', 'read.windows1252', 'read.auto1252', 'read.replaced']);
      for (const [m, english] of messages) {
        assert.strictEqual(formatMessage(m), english);
        const shown = formatMessage(m, pseudoTranslate);
        assert.ok(shown.startsWith('⟦') && shown !== english, shown);
      }
      assert.strictEqual(messages[1][1], 'is 3 KB, over the 2 KB size cap (maxFileSizeKB)');
    });
  });

  describe('the engine’s messages on real articles', () => {
    const { reports: all, inputs } = reports();
    const pairs = all.flatMap(messages);

    it('are formatted from the templates to exactly the English the CLI prints', () => {
      assert.ok(pairs.length >= 100, `${pairs.length} messages`);
      for (const [m, english] of pairs) assert.strictEqual(formatMessage(m), english);
    });

    it('are all translated by a pseudo-localised bundle made from l10n/bundle.l10n.json', () => {
      for (const [m, english] of pairs) {
        const shown = formatMessage(m, pseudoTranslate);
        assert.notStrictEqual(shown, english, `pseudo-localised: ${english}`);
        assert.ok(shown.startsWith('⟦') && shown.endsWith('⟧'), `the whole message comes from a template: ${shown}`);
      }
    });

    it('use every template of the table', () => {
      const used = new Set<string>();
      for (const [m] of pairs) ids(m, used);
      // Plural and rare forms these articles do not produce are checked by formatMessage's own tests.
      const rare = new Set(['quoteDiffers.related.unattributed', 'echo.appended', 'echo.note', 'source.more.one', 'disagree.more.other', 'change.typo', 'change.name', 'change.possibleTypo']);
      // The configuration file's problems and the read policy's notes have their own tests.
      const missing = Object.keys(MESSAGE_TEMPLATES).filter((id) => !used.has(id) && !rare.has(id) && !/^(config|read)\./.test(id));
      assert.deepStrictEqual(missing, []);
    });

    it('hold no English of their own in their values: only words of the articles, labels, speakers and relation names', () => {
      const relations = new Set(['identical', 'excerpt', 'punctuation', 'spelling', 'variant', 'paraphrase']);
      const corpus = inputs.join('\n');
      for (const [m, english] of pairs) {
        for (const v of leaves(m)) {
          const fromText = v.split(' ').every((w) => corpus.includes(w));
          assert.ok(relations.has(v) || fromText, `“${v}” in “${english}” comes from the articles`);
        }
      }
    });
  });
});
