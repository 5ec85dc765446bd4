import type { Relation, Severity } from '../types';

/** Severity of a rule or relation, or 'off' to report nothing. */
export type Level = Severity | 'off';

/**
 * Every tunable of the engine, grouped by concern, with frozen defaults (the pattern of
 * krisk/Fuse `src/core/config.ts`). Front ends merge user settings over these with `withOptions`.
 */
export interface Options {
  match: {
    /** Quotes with fewer words are neither indexed nor checked (one-word scare quotes). */
    minWords: number;
    /** Candidates taken from the index per checked quote, best first. */
    maxCandidates: number;
    /** Lowest share of the shorter quote's content stems found in the other, for a bag-of-words link. */
    minContainment: number;
    /** Lowest aligned words in a row-ish region for an alignment link. */
    minAlignedWords: number;
    /** Lowest share of the region that must be matched words, for an alignment link. */
    minDensity: number;
    /** Words given to different named speakers link only above this share of the shorter quote. */
    otherSpeakerCoverage: number;
    /**
     * Words by which both quotes go on, differently, past the aligned part at one edge: beyond this they
     * are two sentences that share words ("You might think that …" refrains), not one with a changed word.
     */
    maxDivergentEdge: number;
    /** Longest quote, in words, that is aligned in full; longer quotes are aligned on their first words. */
    maxAlignWords: number;
  };
  /** Severity of `quote-differs` for each relation. */
  relations: Record<Relation, Level>;
  rules: {
    /** `auto`: the relations decide (and meaningChange raises); a level replaces that for every finding. */
    quoteDiffers: Level | 'auto';
    speakerDiffers: Level;
    unverifiedQuote: Level;
    unbalancedQuote: Level;
    /** A changed number, negation or name raises `quote-differs` to this level. */
    meaningChange: Level;
  };
  /** Source path globs, most authoritative first, for the canonical wording. */
  authority: readonly string[];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value as object)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export const DEFAULT_OPTIONS: Options = deepFreeze({
  match: {
    minWords: 2,
    maxCandidates: 12,
    minContainment: 0.8,
    minAlignedWords: 4,
    minDensity: 0.6,
    otherSpeakerCoverage: 0.9,
    maxDivergentEdge: 2,
    maxAlignWords: 1500,
  },
  relations: {
    identical: 'off',
    excerpt: 'off',
    punctuation: 'off',
    spelling: 'off',
    variant: 'warning',
    paraphrase: 'warning',
  },
  rules: {
    quoteDiffers: 'auto',
    speakerDiffers: 'warning',
    unverifiedQuote: 'info',
    unbalancedQuote: 'warning',
    meaningChange: 'error',
  },
  authority: [],
} as Options);

/** A partial options object: any group, any key. */
export type OptionsPatch = {
  [G in keyof Options]?: Options[G] extends readonly unknown[] ? Options[G] : Partial<Options[G]>;
};

/** Defaults with `patch` laid over them, group by group; the result is frozen. */
export function withOptions(patch: OptionsPatch = {}): Options {
  const d = DEFAULT_OPTIONS;
  return deepFreeze({
    match: { ...d.match, ...patch.match },
    relations: { ...d.relations, ...patch.relations },
    rules: { ...d.rules, ...patch.rules },
    authority: [...(patch.authority ?? d.authority)],
  });
}
