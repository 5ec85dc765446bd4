/** The archive benchmark's table for `npm run bench -- --archive` (bench/archive.ts runs it in a child). */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fmt } from './stats';

export interface ArchiveResult {
  articles: number; quotes: number; ingestMs: number; generateMs: number; analysisWaitMs: number; packMs: number; packsBeside: number; packBesideMs: number; vacuumMs: number; checkpointMs: number; ingestRate: number; written: number; writeMs: number; writeRate: number;
  dbBytes: number; diskBytes: number; chunks: number; relations: Record<string, number>;
  queries: number; sameCandidates: number; candidateMedian: number; candidateP95: number; coldMedian: number; coldP95: number; coldCheckMs: number; memCandidateMedian: number; memCandidateP95: number;
  draftQuotes: number; checkMs: number; memCheckMs: number; sameReport: boolean; settings: Record<string, string>;
}

/** Runs bench/archive.ts for `size` articles in a fresh process. */
export function runArchive(size: number): ArchiveResult {
  process.stderr.write(`bench: archive, ${size} articles…\n`);
  const r = spawnSync(process.execPath, ['--max-old-space-size=6144', path.join(__dirname, 'archive.js'), String(size)],
    { encoding: 'utf8', maxBuffer: 64 * 2 ** 20, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = r.stdout.split('\n').find((l) => l.startsWith('ARCHIVE '));
  if (r.status !== 0 || !line) throw new Error(`archive bench failed (${r.status})`);
  return JSON.parse(line.slice('ARCHIVE '.length)) as ArchiveResult;
}

const mb = (b: number): string => fmt(b / 2 ** 20, 0);

/** A Markdown table of the archive beside the in-memory index on the same corpus. */
export function archiveTable(r: ArchiveResult): string {
  const rows = [
    ['', 'archive (PostgreSQL)', 'in-memory index'],
    ['ingest (articles/s)', `${fmt(r.ingestRate, 0)} (${fmt(r.ingestMs / 1000, 0)} s; waiting for the analysis workers ${fmt(r.analysisWaitMs / 1000, 0)} s and the last pack ${fmt(r.packMs / 1000, 0)} s of it; ${r.packsBeside} packs beside the writes, ${fmt(r.packBesideMs / 1000, 0)} s in all; generating the articles, ${fmt(r.generateMs / 1000, 0)} s, and the in-memory index, built afterwards, not counted)`, '–'],
    [`writes alone (articles/s; ${r.written} analysed articles, 4 connections)`, fmt(r.writeRate, 0), '–'],
    ['size (MB)', `${mb(r.dbBytes)} database (quotes ${mb(r.relations.quotes ?? 0)}, documents ${mb(r.relations.documents ?? 0)}, postings ${mb(r.relations.chunks ?? 0)} in ${r.chunks} chunks); ${mb(r.diskBytes)} on disk with WAL`, '–'],
    [`candidate query ms, median / p95 (${r.queries} queries)`, `${fmt(r.coldMedian, 2)} / ${fmt(r.coldP95, 2)} cold (no chunk cache); ${fmt(r.candidateMedian, 2)} / ${fmt(r.candidateP95, 2)} with the reader's cache`, `${fmt(r.memCandidateMedian, 2)} / ${fmt(r.memCandidateP95, 2)}`],
    [`full draft check ms (${r.draftQuotes} quotes)`, `${fmt(r.coldCheckMs, 0)} first (a fresh reader); ${fmt(r.checkMs, 0)} again (median)`, fmt(r.memCheckMs, 1)],
    ['same candidates / same report', `${r.sameCandidates} of ${r.queries} / ${r.sameReport ? 'yes' : 'NO'}`, ''],
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row: string[]): string => '| ' + row.map((cell, c) => cell.padEnd(widths[c])).join(' | ') + ' |';
  return [line(rows[0]), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.slice(1).map(line)].join('\n');
}

/** The RESULTS.md section: replaces the one between the archive markers, or is added at the end. */
export function withArchiveSection(previous: string, r: ArchiveResult, machine: string): string {
  const settings = Object.entries(r.settings).map(([k, v]) => `${k}=${v}`).join(', ');
  const body = `<!-- archive -->\n## Archive on PostgreSQL\n\nLatest \`npm run bench -- --archive --archive-size ${r.articles}\`, ${new Date().toISOString().slice(0, 10)}, on ${machine}; ` +
    `PostgreSQL from Debian in a throwaway cluster (${settings}; ingest with synchronous_commit=off, 4 connections, packed every 10,000 articles beside the writes on a fifth; then VACUUM ANALYZE, ${fmt(r.vacuumMs / 1000, 0)} s, and a CHECKPOINT, ${fmt(r.checkpointMs / 1000, 0)} s, before the queries), ` +
    `${r.articles} generated articles, ${r.quotes} quotes.\n\n${archiveTable(r)}\n<!-- /archive -->`;
  const at = previous.indexOf('<!-- archive -->');
  const end = previous.indexOf('<!-- /archive -->');
  if (at >= 0 && end > at) return previous.slice(0, at) + body + previous.slice(end + '<!-- /archive -->'.length);
  return previous.replace(/\s*$/, '\n\n') + body + '\n';
}
