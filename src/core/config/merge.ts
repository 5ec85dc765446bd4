/**
 * Which source wins, for every key: the configuration file over the editor's `verbatim.*` settings over
 * the defaults (the file is the team's, and CI reads it too); in the CLI, flags over the file over the
 * defaults. Patches are laid over each other group by group, key by key.
 */
import type { OptionsPatch } from './options';

/** `patches` laid over each other, later ones winning key by key. */
export function layerOptions(...patches: (OptionsPatch | undefined)[]): OptionsPatch {
  const out: OptionsPatch = {};
  for (const p of patches) {
    if (!p) continue;
    if (p.match) out.match = { ...out.match, ...p.match };
    if (p.relations) out.relations = { ...out.relations, ...p.relations };
    if (p.rules) out.rules = { ...out.rules, ...p.rules };
    if (p.authority) out.authority = [...p.authority];
  }
  return out;
}

/** The candidate configuration files for a document in `dir` (a path with `/`), nearest first, up to `stop` if given. */
export function configCandidates(dir: string, names: readonly string[], stop?: string): string[] {
  const out: string[] = [];
  let d = dir.replace(/\\/g, '/').replace(/\/+$/, '');
  const end = stop?.replace(/\\/g, '/').replace(/\/+$/, '');
  for (;;) {
    for (const n of names) out.push(`${d}/${n}`);
    if (d === end) break;
    const up = d.slice(0, d.lastIndexOf('/'));
    if (d.lastIndexOf('/') < 0 || up === d || (end !== undefined && !up.startsWith(end))) break;
    d = up;
  }
  return out;
}
