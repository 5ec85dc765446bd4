/**
 * `verbatim check … --db <url>`: the drafts checked against the archive plus the local sources (the
 * archive's documents come first in "earliest source" order: it holds what was published before). If
 * the archive stops answering part-way, every draft is checked against the local sources alone and a
 * message says so: the result is then exactly what the check without --db gives.
 */
import { Archive, ArchiveError, describe } from '../archive/archive';
import type { DocumentReport } from '../core';
import type { CheckArgs } from './args';
import { prepareCheck, type CheckResult } from './run';

/** Runs the check with the archive; an ArchiveError when it cannot be opened at all (exit 2). */
export async function runArchiveCheck(args: CheckArgs & { db: string }, version?: string): Promise<CheckResult> {
  const archive = await Archive.open(args.db);
  try {
    const p = prepareCheck(args, version);
    const reports: DocumentReport[] = [];
    try {
      for (const [i, d] of p.drafts.entries()) {
        p.optionsFor(i);
        reports.push(await p.engine.checkWith(d, [archive.source]));
      }
      const archived = new Set<string>();
      for (const r of reports) for (const q of r.quotes) for (const m of q.matches) if (!p.texts.has(m.quote.uri)) archived.add(m.quote.uri);
      for (const [uri, text] of await archive.texts([...archived])) p.texts.set(uri, text);
    } catch (e) {
      if (e instanceof ArchiveError) throw e;
      p.problems.push(`${describe(e, args.db)}; checked against the local sources only`);
      return p.finish(p.drafts.map((d, i) => {
        p.optionsFor(i);
        return p.engine.check(d);
      }));
    }
    return p.finish(reports);
  } finally {
    await archive.close().catch(() => undefined);
  }
}
