/** A speaker's label before the colon that opens a quotation, as transcripts and press digests set it. */
import type { Found } from './clauseWords';
import { tagsOf } from './lexicon';
import { nameAtEnd, namesIn } from './names';
import { codeAt } from '../text/codeAt';

// What may come before a label: the start of the sentence or line, or a dash after a heading.
// (A full stop inside is an initial's or a title's: "Jeffrey M. Jones", "Sen. Tim Kaine".)
// (Not an abbreviation's full stop: "said of Mr. Rubio:" is no label. After another quotation, its closing
// mark: "Clinton: "…" Bush: "…"".)
const LABEL = /(?:^|(?<!\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Jr|Sr|\p{Lu}))[.!?]["”’']*\s+|\u2063["”’']+\s+|\s[-\u2013\u2014]\s*)((?:[^.!?:;,\-\u2013\u2014]|(?<=(?:^|\s)\p{Lu}\p{Ll}{0,3})\.){3,80}):\s*$/u;
// A word that makes what holds it a clause, not a label: "Trump told them:", "The question is:" (a
// present tense only with its -s: "state" in "secretary of state" is a noun).
const FINITE = ['PastTense', 'Copula', 'Modal', 'Auxiliary', 'Gerund'];
const finite = (w: string): boolean => {
  const tags = tagsOf(w);
  return FINITE.some((t) => tags.has(t)) || (tags.has('PresentTense') && /[^s]s$/.test(w));
};

/**
 * A speaker's label, as transcripts and press digests set it: a person's full name, perhaps after a
 * description, alone before the colon that opens the quotation ("Pollsters agree - Carl Bialik: “…”",
 * "Donald Trump: "…"", "Former secretary of state Hillary Rodham Clinton:"…""). A title-case heading
 * ("Bottom Line:", "Editor's Note:") is no name: the first name must be one the lexicon knows, or the
 * surname end more than one of the text's `names` (its multi-word mentions, every one, in order). A surname alone
 * ("Bush: "…"") labels once `names` hold the person's full name.
 */
export function speakerLabel(left: string, names: readonly string[]): Found | null {
  if (codeAt(left, left.length - 1) !== 58 /* : */ && !/:\s+$/.test(left)) return null;
  const m = LABEL.exec(left);
  if (!m) return null;
  const label = m[1].trim();
  const name = nameAtEnd(label);
  // (No possessive inside the name: "by Times' Michael Paulson:" is a byline.)
  if (!name || /[’']s?\s/.test(name)) return null;
  // A surname alone labels when it is all the label is and the text names the person in full
  // ("Clinton: "…" Bush: "…"", a debate's exchange, after "Jeb Bush" was named).
  if (!name.includes(' ')) return label === name && names.some((n) => n.endsWith(` ${name}`)) ? { kind: 'name', name } : null;
  // (A title-case headline runs words on: "Elizabeth Warren Hammers Wells Fargo CEO: ‘…’".)
  if (name.split(' ').filter((w) => w.length > 1).length > 3 || /^\p{Lu}+$/u.test(name.slice(name.lastIndexOf(' ') + 1))) return null;
  const first = name.slice(0, name.indexOf(' '));
  const surname = name.slice(name.lastIndexOf(' ') + 1);
  const from = label.indexOf(first);
  if (from < 0 || !label.endsWith(surname)) return null;
  // A description may come first, not a clause: no verb, no possessive, no other name ("Donald Trump
  // Praises Breitbart’s Editor Matthew Boyle: ‘…’" is a headline about Trump's words), but "Frank
  // Newport and Jim Harter:" is a label of two.
  const before = label.slice(0, from);
  if (before.includes('s ') && /[’']s\s/.test(before)) return null;
  if (before.split(/\s+/).filter(Boolean).some(finite)) return null;
  if (!/\sand\s+$/.test(before) && namesIn(before).length > 0) return null;
  // (The text's names are read once for the whole text: a transcript has a label a line.)
  const known = tagsOf(first).has('FirstName') || names.filter((n) => n.endsWith(` ${surname}`)).length > 1;
  return known ? { kind: 'name', name } : null;
}
