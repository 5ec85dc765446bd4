/**
 * Who a pronoun refers to: the most recent person mentioned as a speaker or as a sentence's subject
 * whose gender agrees ("she said" skips a man named in between). Gender comes from honorifics
 * (Mr./Ms.) or from the first he/she that follows a mention of the person; unknown agrees with both.
 */
import { surnameOf } from './names';

export type Gender = 'm' | 'f';

export interface Mention {
  at: number;
  name: string;
}

const HONORIFIC = /\b(Mr|Mrs|Ms|Miss)\.?\s+(?:[A-Z][\p{L}’'\-]*\.?\s+){0,2}([A-Z][\p{L}’'\-]+)/gu;
const PRONOUN = /\b(he|she)\b/gi;
const RECENT_PEOPLE = 4;

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
      const until = Math.min(mentions[i + 1]?.at ?? masked.length, mentions[i].at + 300);
      PRONOUN.lastIndex = mentions[i].at;
      let p = PRONOUN.exec(masked);
      // "…,” she said" is what we are trying to resolve, not evidence: skip pronouns right after a quote.
      while (p && p.index < until && /[\u2063”"’']\W*$/.test(masked.slice(Math.max(0, p.index - 4), p.index))) p = PRONOUN.exec(masked);
      if (p && p.index < until) this.gender.set(key, p[1].toLowerCase() === 'he' ? 'm' : 'f');
    }
  }

  /** True unless `name`'s known gender disagrees with `pronoun`. */
  agrees(name: string, pronoun: string | undefined): boolean {
    const want = pronoun === 'he' ? 'm' : pronoun === 'she' ? 'f' : undefined;
    const g = this.gender.get(surnameOf(name));
    return !want || !g || g === want;
  }

  /**
   * The latest person mentioned before `at` who agrees with `pronoun`, counting `extra` mentions too.
   * For "she", a woman among the last few people mentioned beats a more recent person of unknown gender:
   * most people quoted in news copy are men, so unknown mostly means "he".
   */
  latest(at: number, pronoun: string | undefined, extra: readonly Mention[] = []): string | null {
    const all = [...this.mentions.filter((m) => m.at < at), ...extra.filter((m) => m.at < at)].sort((x, y) => x.at - y.at);
    const recent: string[] = [];
    for (let i = all.length - 1; i >= 0 && recent.length < RECENT_PEOPLE; i--) if (!recent.includes(all[i].name)) recent.push(all[i].name);
    if (pronoun === 'she') {
      const known = recent.find((n) => this.gender.has(surnameOf(n)) && this.agrees(n, pronoun));
      if (known) return known;
    }
    for (let i = all.length - 1; i >= 0; i--) if (this.agrees(all[i].name, pronoun)) return all[i].name;
    return null;
  }
}
