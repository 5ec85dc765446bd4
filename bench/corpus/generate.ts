/**
 * A deterministic, lazily generated corpus of news articles built from real text. Article `i` depends only
 * on the seed, the corpus size and `i`, so a corpus of 100,000 articles is streamed, never held.
 *
 * Utterances (what somebody said) have ids; an article quotes some of them, each through a version
 * (edits.ts). The draft quotes 24 real utterances that are also planted, in 2–8 versions each, across the
 * corpus, and 6 that appear nowhere else. Everything else is background: utterances quoted by one
 * article, and utterances shared by many (a skewed choice, so a few are quoted very often).
 */
import { corpusVersion, draftVersion, type Version } from './edits';
import { loadMaterial, trainChain, type Material } from './material';
import { hash32, Rng } from './rng';

/** Where one quotation span sits in an article and which utterance words it stands for. */
export interface QuoteTruth {
  start: number;
  end: number;
  utterance: number;
  from: number;
  to: number;
}

export interface GenArticle {
  uri: string;
  text: string;
  truths: QuoteTruth[];
}

export interface Draft extends GenArticle {
  /** Index into `truths` of the quote the incremental edit changes. */
  editQuote: number;
}

const FIRST = ('Maria James Aisha Robert Linda Wei Carlos Priya John Fatima David Elena Michael Sarah Kwame Olga Daniel Grace ' +
  'Ahmed Laura Thomas Mei Peter Ana Samuel Julia Victor Nadia George Helen Omar Rachel Paul Irene Luis Chloe Martin Rosa').split(' ');
const LAST = ('Lopez Carter Okafor Schmidt Nguyen Patel Walsh Romero Fischer Tanaka Brennan Mensah Kowalski Haddad Larsen Moreau ' +
  'Silva Novak Reyes Duffy Hartmann Osei Lindqvist Ferreira Quinn Abbott Castillo Yilmaz Sorensen Whitaker Baptiste Keller ' +
  'Delgado Petrov Ahmadi Gallagher Ortega Mwangi Becker Holloway').split(' ');
const TITLES = ['', '', '', 'Senator ', 'Governor ', 'Minister ', 'Mayor ', 'Representative ', 'Secretary '];
const VERBS = ['said', 'said', 'said', 'told reporters', 'added', 'wrote', 'said in a statement'];

export const DRAFT_RELATED = 24;
export const DRAFT_UNRELATED = 6;
const BACKGROUND = 1000;
const FRESH = 100_000_000;
/** Follow-up quotes said nowhere else (ids apart from FRESH + i·16 + s), after this share of quotes. */
const FOLLOW_UPS = FRESH + 500_000_000;
const FOLLOW_UP = 0.35;

export class Corpus {
  private readonly m: Material;
  /** Real quotes not reserved for the draft, used as the most-quoted background utterances. */
  private readonly realBackground: string[][];
  private readonly draftUtterances: string[][];
  /** article index → planted draft utterances (utterance id, version index). */
  private readonly plants = new Map<number, { utterance: number; k: number }[]>();
  readonly planted: number;

  constructor(readonly size: number, readonly seed = 'verbatim') {
    this.m = loadMaterial();
    const rng = new Rng(`${seed}:draft-pool`);
    const pool = rng.shuffle(this.m.quotes.filter((q) => q.length >= 10 && q.length <= 45));
    this.draftUtterances = pool.slice(0, DRAFT_RELATED + DRAFT_UNRELATED);
    const reserved = new Set(this.draftUtterances);
    this.realBackground = this.m.quotes.filter((q) => !reserved.has(q));
    trainChain(this.m, this.realBackground);
    let planted = 0;
    for (let u = 0; u < DRAFT_RELATED; u++) {
      const copies = rng.int(2, 8);
      for (let k = 0; k < copies; k++) {
        const at = rng.int(0, size - 1);
        const list = this.plants.get(at) ?? [];
        list.push({ utterance: u, k });
        this.plants.set(at, list);
        planted++;
      }
    }
    this.planted = planted;
  }

  /** The words of utterance `id`. */
  utterance(id: number): string[] {
    if (id < BACKGROUND) return this.draftUtterances[id];
    if (id < FRESH && id - BACKGROUND < this.realBackground.length) return this.realBackground[id - BACKGROUND];
    const rng = new Rng(`${this.seed}:u:${id}`);
    return this.m.chain.sentence(rng, 8, rng.int(12, 40)).map((w, i, a) => (i === a.length - 1 ? w.replace(/[,.;:]+$/, '') : w));
  }

  /** Who said utterance `id` (the same in every version of it). */
  speaker(id: number): string {
    const h = hash32(`${this.seed}:speaker:${id}`);
    return TITLES[h % TITLES.length] + FIRST[(h >>> 4) % FIRST.length] + ' ' + LAST[(h >>> 12) % LAST.length];
  }

  /** Every article, in order. */
  *articles(): Generator<GenArticle> {
    for (let i = 0; i < this.size; i++) yield this.article(i);
  }

  /** Article `i`: narrative paragraphs around 3–7 background quotes (a third of them followed by a pronoun-attributed one) and any planted draft quotes. */
  article(i: number): GenArticle {
    const rng = new Rng(`${this.seed}:${this.size}:article:${i}`);
    const w = new Writer(rng.chance(0.3) ? 'straight' : 'curly');
    const quotes: { id: number; v: Version }[] = [];
    const n = rng.int(3, 7);
    for (let s = 0; s < n; s++) {
      const id = rng.chance(0.45) ? FRESH + i * 16 + s : BACKGROUND + Math.floor(this.size * rng.next() ** 2);
      quotes.push({ id, v: this.version(rng, id, s) });
    }
    for (const p of this.plants.get(i) ?? []) {
      quotes.splice(rng.int(0, quotes.length), 0, { id: p.utterance, v: this.version(new Rng(`${this.seed}:plant:${p.utterance}:${p.k}`), p.utterance, 99) });
    }
    this.narrative(rng, w, rng.int(2, 3));
    // Its own stream, so that adding the follow-ups left the rest of every article as it was.
    const follow = new Rng(`${this.seed}:${this.size}:follow:${i}`);
    quotes.forEach((q, s) => {
      this.quoteParagraph(rng, w, q.id, q.v);
      if (follow.chance(FOLLOW_UP)) this.pronounParagraph(follow, w, FOLLOW_UPS + i * 64 + s);
      this.narrative(rng, w, rng.int(1, 4));
    });
    if (rng.chance(0.3)) this.scareQuote(rng, w);
    return { uri: `corpus/${String(i).padStart(6, '0')}.txt`, text: w.text, truths: w.truths };
  }

  /** The draft: about 2,000 words with 30 quotes, 24 of them quoted elsewhere in the corpus. */
  draft(): Draft {
    const rng = new Rng(`${this.seed}:draft`);
    const w = new Writer('curly');
    const ids = rng.shuffle([...Array(DRAFT_RELATED + DRAFT_UNRELATED).keys()]);
    this.narrative(rng, w, 3);
    ids.forEach((id, n) => {
      const v = draftVersion(rng, this.draftUtterances[id], this.m.vocabulary);
      this.quoteParagraph(rng, w, id, v);
      if (n < ids.length - 1) this.narrative(rng, w, 1);
    });
    while (w.words < 2000) this.narrative(rng, w, 1);
    const middle = w.truths.findIndex((t, k) => k >= 14 && t.utterance < DRAFT_RELATED && t.to - t.from >= 10);
    return { uri: 'drafts/draft.txt', text: w.text, truths: w.truths, editQuote: middle };
  }

  private version(rng: Rng, id: number, slot: number): Version {
    const other = (): { utterance: number; words: string[] } => {
      const oid = FRESH - 1 - (hash32(`${this.seed}:merge:${id}:${slot}:${rng.next()}`) % 50_000_000);
      return { utterance: oid, words: this.utterance(oid) };
    };
    return corpusVersion(rng, this.utterance(id), this.m.vocabulary, other);
  }

  private narrative(rng: Rng, w: Writer, sentences: number): void {
    const out: string[] = [];
    for (let s = 0; s < sentences; s++) {
      out.push(rng.chance(0.5) ? rng.pick(this.m.sentences) : capitalise(this.m.chain.sentence(rng, 10, 35).join(' ')));
    }
    w.paragraph([[out.join(' ')]]);
  }

  private scareQuote(rng: Rng, w: Writer): void {
    const words = rng.pick(this.m.sentences).split(' ');
    const i = rng.int(1, words.length - 2);
    const word = words[i].replace(/\W+$/, '');
    w.paragraph([[words.slice(0, i).join(' ') + ' '], [word, -1, 0, 0], [words[i].slice(word.length) + ' ' + words.slice(i + 1).join(' ')]]);
  }

  /**
   * `“…,” he said.`: news goes on quoting the person just named with a pronoun, which the engine
   * resolves by who spoke last (the costlier part of attribution, which a corpus naming every speaker
   * would never exercise).
   */
  private pronounParagraph(rng: Rng, w: Writer, id: number): void {
    const words = this.utterance(id);
    const body = capitalise(words.join(' '));
    w.paragraph([[''], [body + (/[?!]$/.test(body) ? '' : ','), id, 0, words.length], [` ${rng.chance(0.5) ? 'he' : 'she'} ${rng.chance(0.7) ? 'said' : 'added'}.`]]);
  }

  private quoteParagraph(rng: Rng, w: Writer, id: number, v: Version): void {
    const name = this.speaker(id);
    const verb = rng.pick(VERBS);
    const text = (ws: string[]): string => ws.join(' ');
    const ends = (t: string): boolean => /[?!]$/.test(t);
    const first = v.parts[0];
    let body = text(first.words);
    if (v.merged) body += '. ' + capitalise(text(v.merged.words));
    const truthOf = (from: number, to: number): [number, number, number][] => {
      const t: [number, number, number][] = [[id, from, to]];
      if (v.merged) t.push([v.merged.utterance, 0, v.merged.words.length]);
      return t;
    };
    if (v.parts.length === 2) {
      const second = v.parts[1];
      const a = text(first.words);
      w.paragraph([[''], [a + (ends(a) ? '' : ','), id, first.from, first.to], [` ${name} ${verb}. `], [capitalise(text(second.words)) + '.', id, second.from, second.to]]);
      return;
    }
    const style = rng.int(0, 3);
    const t = truthOf(first.from, first.to);
    if (style === 0) w.paragraph([[`${name} ${verb}: `], [capitalise(body) + (ends(body) ? '' : '.'), ...t[0]], ...extra(t)]);
    else if (style === 1) w.paragraph([[''], [capitalise(body) + (ends(body) ? '' : ','), ...t[0]], ...extra(t), [` ${name} ${verb}.`]]);
    else if (style === 2) w.paragraph([[''], [capitalise(body) + (ends(body) ? '' : ','), ...t[0]], ...extra(t), [` said ${name}.`]]);
    else w.paragraph([[`${name} ${verb} that `], [body, ...t[0]], ...extra(t), ['.']]);
  }
}

/** Extra truths for the same span (a merged quote stands for two utterances). */
function extra(t: [number, number, number][]): [string, number, number, number][] {
  return t.slice(1).map(([u, f, to]) => ['\u0000', u, f, to]);
}

const capitalise = (s: string): string => (s ? s[0].toUpperCase() + s.slice(1) : s);

/**
 * Builds an article's text paragraph by paragraph. A paragraph is a list of pieces: `[text]` is plain,
 * `[text, utterance, from, to]` a quotation (wrapped in marks, recorded as a truth), and
 * `['\0', utterance, from, to]` another truth for the quotation just written.
 */
class Writer {
  text = '';
  words = 0;
  readonly truths: QuoteTruth[] = [];

  constructor(private readonly marks: 'curly' | 'straight') {}

  paragraph(pieces: ([string] | [string, number, number, number])[]): void {
    if (this.text) this.text += '\n\n';
    let last: QuoteTruth | undefined;
    for (const piece of pieces) {
      if (piece.length === 1) { this.text += this.style(piece[0]); continue; }
      const [body, utterance, from, to] = piece;
      if (body === '\u0000' && last) { this.truths.push({ ...last, utterance, from, to }); continue; }
      const styled = this.style(body);
      this.text += this.marks === 'curly' ? '“' : '"';
      const start = this.text.length;
      this.text += styled;
      last = { start, end: this.text.length, utterance, from, to };
      if (utterance >= 0) this.truths.push(last);
      this.text += this.marks === 'curly' ? '”' : '"';
    }
    for (const p of pieces) this.words += p[0] === '\u0000' ? 0 : p[0].split(/\s+/).filter(Boolean).length;
  }

  private style(s: string): string {
    return this.marks === 'curly' ? s.replace(/(\p{L})'(\p{L})/gu, '$1’$2') : s.replace(/’/g, "'").replace(/[“”]/g, '"');
  }
}
