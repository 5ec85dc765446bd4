/**
 * Which files are sources, per workspace folder: the `sources` globs of the folder's configuration file
 * (or `verbatim.sources`), plus those of every configuration file further down that sets its own, each
 * relative to its file's folder. Listed with `findFiles`, in the one source order of the core (by
 * path, code unit by code unit, as the CLI orders them), without node_modules, the configuration's
 * `exclude` and `files.exclude`. A sources or include glob that matches nothing, and an authority glob
 * that names no source, are reported in their configuration file.
 */
import * as vscode from 'vscode';
import { sortBySourceOrder, laterProblem, matchGlob, msg, pathFilter, type LaterProblem } from '../core/index';
import type { ConfigFile, ConfigFiles } from './configFiles';
import type { Globs, Settings } from './settings';
import { relative } from './settings';
import { HostSlices, yieldToHost } from './files';

/** One set of source globs with the folder they are relative to and what they exclude. */
export interface SourceScope extends Globs {
  exclude: Globs;
  config: ConfigFile | undefined;
}

/** The source scopes of every workspace folder. */
export function sourceScopes(settings: Settings, configs: ConfigFiles): SourceScope[] {
  const out: SourceScope[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const root = settings.for(folder);
    if (!root.host.enable) continue; // verbatim.enable: false — nothing in the folder is a source
    out.push({ ...root.sources, exclude: root.exclude, config: root.config });
    for (const c of configs.inFolder(folder)) {
      if (c === root.config || !c.parsed.config.sources) continue;
      out.push({ globs: c.parsed.config.sources, base: c.dir, exclude: { globs: c.parsed.config.exclude ?? [], base: c.dir }, config: c });
    }
  }
  return out;
}

/** Every source file, sorted in the source order; reports globs that match nothing in their configuration file. */
export async function listSources(settings: Settings, configs: ConfigFiles, log: vscode.LogOutputChannel): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  const empty = new Map<ConfigFile, LaterProblem[]>();
  for (const scope of sourceScopes(settings, configs)) {
    const excluded = pathFilter([], scope.exclude.globs);
    for (const [i, glob] of scope.globs.entries()) {
      let n = 0;
      try {
        // No exclude argument: findFiles then applies files.exclude, as the editor's own search does.
        const slice = new HostSlices();
        for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(scope.base, glob))) {
          // Each file's exclusion is tens of microseconds (its folder, its configuration file, the globs):
          // at 10,000 files, 100 ms of the host's thread in one go without these breaks.
          if (slice.spent) await slice.pause();
          if (/\/node_modules\//.test(uri.path) || !excluded(relative(scope.exclude.base, uri)) || settings.excluded(uri)) continue;
          found.set(uri.toString(), uri);
          n++;
        }
      } catch (err) {
        log.warn(vscode.l10n.t('Could not list {0} in {1}: {2}', glob, vscode.workspace.asRelativePath(scope.base), err instanceof Error ? err.message : String(err)));
      }
      if (n === 0 && scope.config && !glob.startsWith('!')) {
        const list = empty.get(scope.config) ?? [];
        list.push(laterProblem(scope.config.parsed.locate(['sources', i]), msg('config.sourcesNoMatch', { glob })));
        empty.set(scope.config, list);
      }
    }
  }
  await yieldToHost(); // the listing's last slice, then the sort
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    for (const c of configs.inFolder(folder)) {
      configs.report(c, [...(empty.get(c) ?? []), ...(await includeProblems(c, log)), ...authorityProblems(c, [...found.values()])]);
    }
  }
  return sortBySourceOrder([...found.values()], (u) => u.path);
}

/** An authority glob of the file that names no source. */
function authorityProblems(c: ConfigFile, sources: readonly vscode.Uri[]): LaterProblem[] {
  return (c.parsed.config.authority ?? []).flatMap((g, i) =>
    sources.some((u) => matchGlob(g, u.path)) ? [] : [laterProblem(c.parsed.locate(['authority', i]), msg('config.authorityNoSource', { glob: g }))]);
}

/** An include glob of the file that matches no file in its folder. */
async function includeProblems(c: ConfigFile, log: vscode.LogOutputChannel): Promise<LaterProblem[]> {
  const out: LaterProblem[] = [];
  for (const [i, glob] of (c.parsed.config.include ?? []).entries()) {
    if (glob.startsWith('!')) continue;
    try {
      if ((await vscode.workspace.findFiles(new vscode.RelativePattern(c.dir, glob), '**/node_modules/**', 1)).length) continue;
    } catch (err) {
      log.warn(vscode.l10n.t('Could not list {0} in {1}: {2}', glob, vscode.workspace.asRelativePath(c.dir), err instanceof Error ? err.message : String(err)));
      continue;
    }
    out.push(laterProblem(c.parsed.locate(['include', i]), msg('config.includeNoMatch', { glob })));
  }
  return out;
}
