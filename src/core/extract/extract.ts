/**
 * Stage 2: quotation spans. A line is a paragraph (the convention of news copy); marks are paired with
 * a stack so nested quotes stay inside their outer quote, and apostrophes are told from single quotes by
 * the characters around them. One pass finds the marks, one over them pairs them: no backtracking, no quadratic
 * work on pathological input such as a line of opening marks.
 */

export interface RawQuote {
  start: number;
  end: number;
  open: string;
  close: string | null;
  /** Unclosed and not continued by the next paragraph. */
  unbalanced: boolean;
  /** Unclosed, and the next paragraph re-opens it: one quotation over several paragraphs. */
  continues: boolean;
  /** This quote opens a paragraph that continues the previous paragraph's quotation. */
  continuation: boolean;
  /** Start of the line (paragraph) holding the quote. */
  lineStart: number;
  lineEnd: number;
}

type MarkType = 'double' | 'single';
interface Open {
  type: MarkType;
  pos: number;
  mark: string;
}

// Every mark the scan acts on.
const MARK = /[“”"‘’'„«»`]/g;
const isLetter = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);
const OPENERS_BEFORE = /[\s([{\u2014\u2013\-/“‘"'«„]/;
const canOpenAfter = (c: string | undefined): boolean => c === undefined || OPENERS_BEFORE.test(c);
// Words that start with an apostrophe: 'em, 'cause, 'til, '90s — not single quotes.
const ELISION = /^(?:em|cause|cos|til|tis|twas|n|bout|round|s|\d\ds?)\b/i;

/** The quotes of `text`, in order; never throws. */
export function extractQuotes(text: string): RawQuote[] {
  const quotes: RawQuote[] = [];
  // Where the marks are, found in one pass: a paragraph's scan then visits its marks only.
  const marks: number[] = [];
  MARK.lastIndex = 0;
  for (let m = MARK.exec(text); m; m = MARK.exec(text)) marks.push(m.index);
  const cursor = { mark: 0 };
  let lineStart = 0;
  let carry: { type: MarkType } | null = null;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const contentEnd = lineEnd > lineStart && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    const isBlank = text.slice(lineStart, contentEnd).trim() === '';
    if (!isBlank) {
      carry = scanLine(text, lineStart, contentEnd, carry, quotes, marks, cursor);
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  if (carry) markLastUnbalanced(quotes);
  return quotes;
}

function markLastUnbalanced(quotes: RawQuote[]): void {
  const last = quotes[quotes.length - 1];
  if (last && last.close === null) {
    last.unbalanced = last.open !== '‘' && last.open !== "'";
    last.continues = false;
  }
}

/** Scans one paragraph; returns the type of a quotation left open at its end, to be continued. */
function scanLine(
  text: string,
  from: number,
  to: number,
  carry: { type: MarkType } | null,
  out: RawQuote[],
  marks: readonly number[],
  cursor: { mark: number },
): { type: MarkType } | null {
  const stack: Open[] = [];
  let first = from;
  while (first < to && /\s/.test(text[first])) first++;
  const reopens = carry !== null && isOpening(text, first, carry.type);
  if (carry && !reopens) markLastUnbalanced(out);
  let continuation = reopens;
  const emit = (o: Open, end: number, close: string | null): void => {
    if (stack.length > 0) return; // nested: part of the outer quote's text
    if (!/[\p{L}\p{N}]/u.test(text.slice(o.pos + 1, end))) return;
    out.push({
      start: o.pos + 1, end, open: o.mark, close, unbalanced: false, continues: false,
      continuation, lineStart: from, lineEnd: to,
    });
    continuation = false;
  };
  while (cursor.mark < marks.length && marks[cursor.mark] < from) cursor.mark++;
  let i = from - 1; // the last position read (a two-mark token reads two)
  for (; cursor.mark < marks.length && marks[cursor.mark] < to; cursor.mark++) {
    if (marks[cursor.mark] <= i) continue;
    i = marks[cursor.mark];
    const c = text[i];
    const prev = i > from ? text[i - 1] : undefined;
    const next = i + 1 < to ? text[i + 1] : undefined;
    const top = stack[stack.length - 1];
    const openDouble = lastIndexOfType(stack, 'double');
    if (c === '`') {
      // Treebank-tokenised text writes ``double quotes'' with two backticks and two apostrophes.
      if (next === '`') stack.push({ type: 'double', pos: ++i, mark: '`' });
    } else if (c === "'" && next === "'" && openDouble >= 0 && stack[openDouble].mark === '`') {
      const o = stack[openDouble];
      stack.length = openDouble;
      emit(o, i++, "''");
    } else if (c === '“' || c === '„' || c === '«') {
      if (top && top.type === 'double' && top.pos === i - 1) continue; // doubled opening mark
      if (c === '“' && openDouble >= 0 && !canOpenAfter(prev) && !isLetter(next)) {
        // A wrongly curled closing mark: after a word or its punctuation, before none (“expedited
        // review“ of …, said “It's unusual,“ said Noble), as German copy closes „…“. An opening mark
        // never follows a letter.
        const o = stack[openDouble];
        stack.length = openDouble;
        emit(o, i, c);
        continue;
      }
      stack.push({ type: 'double', pos: i, mark: c });
    } else if (c === '”' || c === '»') {
      if (openDouble >= 0) {
        const o = stack[openDouble];
        stack.length = openDouble; // drops single quotes left open inside: they were apostrophes
        emit(o, i, c);
      } else if (c === '”' && canOpenAfter(prev) && isLetter(next)) {
        stack.push({ type: 'double', pos: i, mark: c }); // a wrongly curled opening mark
      }
    } else if (c === '"') {
      if (top && top.type === 'double' && top.pos === i - 1 && text[top.pos] === '"') continue; // ""
      const closes = openDouble >= 0 && (!isLetter(next) || !isSpace(prev));
      if (closes) {
        const o = stack[openDouble];
        stack.length = openDouble;
        emit(o, i, c);
      } else if (canOpenAfter(prev) || isLetter(next)) {
        stack.push({ type: 'double', pos: i, mark: c });
      }
    } else if (c === '‘' || (c === "'" && canOpenAfter(prev) && !isLetter(prev))) {
      if (top && top.type === 'single' && !isLetter(next)) {
        stack.pop();
        emit(top, i, c);
      } else if (canOpenAfter(prev) && next !== undefined && !/\s/.test(next) && !ELISION.test(text.slice(i + 1, i + 6))) {
        stack.push({ type: 'single', pos: i, mark: c });
      }
    } else {
      // ’ or a straight ' after a letter: closes an open single quote when no letter follows
      // (but not the second mark of "rock 'n' roll").
      const elided = i >= 2 && text[i - 1] === 'n' && (text[i - 2] === "'" || text[i - 2] === '’');
      if (top && top.type === 'single' && !isLetter(next) && !elided && !(lastIndexOfType(stack.slice(0, -1), 'single') < 0 && pluralPossessive(text, i, to, marks, cursor.mark))) {
        stack.pop();
        emit(top, i, c);
      }
    }
  }
  // The outermost quotation left open runs to the paragraph's end; inner ones are part of its text.
  const outer = stack.findIndex((o) => o.type === 'double');
  if (outer < 0) return null;
  const o = stack[outer];
  stack.length = 0;
  let end = to;
  while (end > o.pos + 1 && /\s/.test(text[end - 1])) end--;
  const before = out.length;
  emit(o, end, null);
  if (out.length === before) return null;
  out[out.length - 1].continues = true; // provisional: settled by the next paragraph
  return { type: o.type };
}

/**
 * Whether the mark at `i`, after an "s" and before a lower-case word, is a plural possessive inside a
 * single-quoted quotation ("‘It’s the workers’ money,’ said …"), not its closing mark: the quotation's
 * next single mark that could close it comes later in the paragraph, before any opening mark or double
 * mark. ("‘fake news’ outlets and ‘enemies’" closes: an opening mark comes first.) Asked only of a
 * single quotation with no single one open around it: inside one, a scare quote is the likelier
 * reading ("'… weakness of our 'leaders' to eradicate it!'", NYT's ''…'' for double marks). Reads at most
 * POSSESSIVE_LOOKAHEAD marks, so a paragraph of such marks stays linear.
 */
function pluralPossessive(text: string, i: number, to: number, marks: readonly number[], at: number): boolean {
  const s = text.charCodeAt(i - 1) | 0x20;
  if (s !== 115 /* s */ || text[i + 1] !== ' ' || !/\p{Ll}/u.test(text[i + 2] ?? '')) return false;
  for (let k = at + 1; k < marks.length && k <= at + POSSESSIVE_LOOKAHEAD && marks[k] < to; k++) {
    const m = marks[k];
    const c = text[m];
    if (c !== '’' && c !== "'") return false; // an opening single mark, or any double mark
    if (!isLetter(text[m - 1]) && !/[.,;:!?)\]]/.test(text[m - 1])) return false; // a straight ' opening
    if (!isLetter(m + 1 < to ? text[m + 1] : undefined)) return true; // closes there
  }
  return false;
}
const POSSESSIVE_LOOKAHEAD = 12;

function lastIndexOfType(stack: Open[], type: MarkType): number {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i].type === type) return i;
  return -1;
}

function isOpening(text: string, i: number, type: MarkType): boolean {
  const c = text[i];
  return type === 'double' ? c === '“' || c === '"' || c === '„' || c === '«' : c === '‘' || c === "'";
}
