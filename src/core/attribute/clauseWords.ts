/** What the clause readers (reporting.ts, sentenceSubject.ts, speakerLabel.ts) share: their result and their word lists. */

export const MASK = '\u2063'; // stands in for a quotation's text so its words are not taken for attribution

/** A named subject, a pronoun or description pointing back (`pronoun` when it has a gender), or nobody. */
export type Found = { kind: 'name'; name: string; organisation?: boolean } | { kind: 'anaphor'; pronoun?: string; head?: string } | { kind: 'unknown' };

export const DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight)';
// A few description words, none of them a preposition or conjunction, then a capitalised name.
export const DESCRIBED_NAME = /^(?:the\s+)?(?:(?![Ii]n\b|[Oo]n\b|[Aa]t\b|[Ww]ith\b|[Tt]o\b|[Ff]or\b|[Oo]f\b|[Ff]rom\b|[Bb]y\b|[Aa]bout\b|[Aa]fter\b|[Bb]efore\b|[Dd]uring\b|[Aa]s\b|[Tt]hat\b|[Aa]nd\b|[Ii]f\b|[Ww]hen\b|\p{Lu})[\p{L}\d/’'\-.]+\s+|\p{Lu}[\p{Lu}\d]+\s+){1,3}(\p{Lu}[^,.;:!?()]*?)(?=[,.;:!?(]|$)/u;
// Words that make a clause or a phrase of a subject rather than a name's titles: determiners past the
// first word, prepositions, conjunctions, relative and personal pronouns, auxiliaries.
export const CLAUSE_WORD = /^(?:a|an|the|this|that|these|those|of|in|on|at|to|for|from|by|with|about|after|before|during|over|under|into|as|and|but|or|nor|while|when|where|who|whom|whose|which|is|was|were|are|be|been|being|has|have|had|do|does|did|not|it|he|she|they|we|i|you|his|her|their|its|our|my|your|than|if|because|so|then|there)$/;
