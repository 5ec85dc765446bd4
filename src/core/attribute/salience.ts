/**
 * Who a pronoun refers to: the most recent person mentioned as a speaker or as a sentence's subject
 * whose gender agrees ("she said" skips a man named in between). Gender comes from honorifics
 * (Mr./Ms.) or from the first he/she that follows a mention of the person; unknown agrees with both.
 */
import { surnameOf } from './identity';
import { partitionPoint } from '../sorted';

export type Gender = 'm' | 'f';

export interface Mention {
  at: number;
  name: string;
}

const HONORIFIC = /\b(Mr|Mrs|Ms|Miss)\.?\s+(?:[A-Z][\p{L}’'\-]*\.?\s+){0,2}([A-Z][\p{L}’'\-]+)/gu;
const PRONOUN = /\b(he|she)\b/gi;
const RECENT_PEOPLE = 4;

/** The number of mentions before `at` (mentions strictly before it, in text order). */
function upperBound(list: readonly Mention[], at: number): number {
  return partitionPoint(list, (m) => m.at < at);
}

export class Salience {
  private readonly gender = new Map<string, Gender>();

  /** `mentions` in text order, names already resolved to full names. */
  constructor(private readonly mentions: readonly Mention[], masked: string) {
    HONORIFIC.lastIndex = 0;
    for (let m = HONORIFIC.exec(masked); m; m = HONORIFIC.exec(masked)) {
      this.gender.set(m[2].toLowerCase(), m[1] === 'Mr' ? 'm' : 'f');
    }
    for (let i = 0; i < mentions.length; i++) {
      const key = surnameOf(mentions[i].name);
      if (this.gender.has(key)) continue;
      // The first he/she after the mention, before the next person is mentioned, is about this person.
      const from = mentions[i].at;
      const window = masked.slice(from, Math.min(mentions[i + 1]?.at ?? masked.length, from + 300));
      PRONOUN.lastIndex = 0;
      let p = PRONOUN.exec(window);
      // "…,” she said" is what we are trying to resolve, not evidence: skip pronouns right after a quote.
      while (p && /[\u2063”"’']\W*$/.test(masked.slice(Math.max(0, from + p.index - 4), from + p.index))) p = PRONOUN.exec(window);
      if (p) this.gender.set(key, p[1].toLowerCase() === 'he' ? 'm' : 'f');
    }
  }

  /** True unless `name`'s known gender disagrees with `pronoun`. */
  agrees(name: string, pronoun: string | undefined): boolean {
    const want = pronoun === 'he' ? 'm' : pronoun === 'she' ? 'f' : undefined;
    const g = this.gender.get(surnameOf(name));
    return !want || !g || g === want;
  }

  /** The latest mention before `at`, among the mentions and `extra`, whoever it is; or null. */
  nearest(at: number, extra: readonly Mention[] = []): Mention | null {
    const i = upperBound(this.mentions, at) - 1;
    const j = upperBound(extra, at) - 1;
    if (i < 0 && j < 0) return null;
    return j < 0 || (i >= 0 && this.mentions[i].at >= extra[j].at) ? this.mentions[i] : extra[j];
  }

  /**
   * The latest person mentioned before `at` who agrees with `pronoun`, counting `extra` mentions too.
   * For "she", a woman among the last few people mentioned beats a more recent person of unknown gender:
   * most people quoted in news copy are men, so unknown mostly means "he".
   */
  latest(at: number, pronoun: string | undefined, extra: readonly Mention[] = []): string | null {
    // Both lists are in text order: walk them backwards from `at` together, newest first.
    let i = upperBound(this.mentions, at) - 1;
    let j = upperBound(extra, at) - 1;
    const next = (): string | null => {
      if (i < 0 && j < 0) return null;
      if (j < 0 || (i >= 0 && this.mentions[i].at >= extra[j].at)) return this.mentions[i--].name;
      return extra[j--].name;
    };
    const recent: string[] = [];
    let fallback: string | null = null;
    for (let name = next(); name !== null; name = next()) {
      const agrees = this.agrees(name, pronoun);
      // For "she", a woman among the last few people beats a more recent person of unknown gender.
      if (pronoun === 'she' && agrees && this.gender.has(surnameOf(name))) return name;
      if (agrees && fallback === null) {
        if (pronoun !== 'she') return name;
        fallback = name;
      }
      if (!recent.includes(name)) recent.push(name);
      if (recent.length >= RECENT_PEOPLE && fallback !== null) return fallback;
    }
    return fallback;
  }
}
