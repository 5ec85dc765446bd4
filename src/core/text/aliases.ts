/**
 * Names that style guides treat as one name written differently. A quote that says "ISIL" where the
 * source says "ISIS" has the same words for a reader; each entry says why it is here. Short on purpose:
 * a name belongs here only when the forms never mean different things in news copy.
 * Acronyms are matched as written (so "US" is not the pronoun "us"); longer forms ignore case.
 */
export interface Alias {
  forms: string[];
  reason: string;
}

export const ALIASES: readonly Alias[] = [
  {
    forms: ['ISIS', 'ISIL', 'IS', 'Islamic State', 'Daesh'],
    reason: 'One group: AP writes "Islamic State group" and "IS", the US government and the UN said "ISIL", others "ISIS" or the Arabic acronym "Daesh".',
  },
  {
    forms: ['US', 'USA', 'United States', 'United States of America'],
    reason: 'One country: AP and Reuters write "U.S.", the Guardian and the BBC "US", and speakers say "the United States" or "the US" interchangeably.',
  },
  {
    forms: ['UK', 'United Kingdom'],
    reason: 'One country, abbreviated by every style guide. "Britain" is left out: strictly it is Great Britain, without Northern Ireland.',
  },
  { forms: ['UN', 'United Nations'], reason: 'The abbreviation every style guide uses for the organisation.' },
  { forms: ['EU', 'European Union'], reason: 'The abbreviation every style guide uses for the union.' },
  { forms: ['NATO', 'North Atlantic Treaty Organization', 'North Atlantic Treaty Organisation'], reason: 'One alliance (Nato in British style: case is folded anyway).' },
];

const ACRONYM = /^[A-Z]+$/;
const table = new Map<string, number>();
ALIASES.forEach((a, i) => {
  for (const f of a.forms) table.set(ACRONYM.test(f) ? f : f.toLowerCase(), i);
});

/** The alias entry a written name belongs to (words as written, abbreviation dots dropped), or -1. */
export function aliasOf(words: readonly string[]): number {
  const written = words.join(' ').replace(/\./g, '');
  // Acronym keys are upper case and other keys lower case, so "us" and "Us" never find "US".
  return table.get(ACRONYM.test(written) ? written : written.toLowerCase()) ?? -1;
}
