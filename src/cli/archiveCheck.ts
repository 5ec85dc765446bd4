/**
 * `verbatim check … --db <url>`: the drafts checked against the archive plus the local sources. The
 * local sources come after the archive in "earliest source" order (the archive holds what was
 * published before). If the archive stops answering part-way, every draft is checked against the local
 * sources alone and a message says so: the result is then exactly what the check without --db gives.
 */
import { Archive, ArchiveError, describe } from '../archive/archive';
import type { DocumentReport } from '../core';
import type { CheckArgs } from './args';
import { prepareCheck, type CheckResult } from './run';

/** Local sources' orders start here, after any archived document's. */
const LOCAL_ORDER_BASE = 2 ** 40;

/** Runs the check with the archive; an ArchiveError when it cannot be opened at all (exit 2). */
export async function runArchiveCheck(args: CheckArgs & { db: string }): Promise<CheckResult> {
  const archive = await Archive.open(args.db);
  try {
    const { engine, drafts, texts, problems } = prepareCheck(args, LOCAL_ORDER_BASE);
    let reports: DocumentReport[] = [];
    try {
      for (const d of drafts) reports.push(await engine.checkWith(d, [archive.source]));
      const archived = new Set<string>();
      for (const r of reports) for (const q of r.quotes) for (const m of q.matches) if (!texts.has(m.quote.uri)) archived.add(m.quote.uri);
      for (const [uri, text] of await archive.texts([...archived])) texts.set(uri, text);
    } catch (e) {
      if (e instanceof ArchiveError) throw e;
      problems.push(`${describe(e, args.db)}; checked against the local sources only`);
      reports = drafts.map((d) => engine.check(d));
    }
    return { reports, texts, problems, anyInput: drafts.length > 0 };
  } finally {
    await archive.close().catch(() => undefined);
  }
}
