/**
 * Watch a few workspace files and reload them after any change, one reload at a time. Two reads that
 * overlap can finish out of order (a slow read of the file as it was, then a quick one after it was
 * deleted): the older one would win and bring the deleted state back. So a reload never overlaps
 * another; events that arrive during one queue exactly one more, which reads what is on disk after the
 * last event.
 */
import * as vscode from 'vscode';

export interface Reloader extends vscode.Disposable {
  /** Reloads now (or right after the reload under way); resolves once what is on disk now is loaded. */
  reload(): Promise<void>;
}

/**
 * `globs` are watched for create, change and delete; give the folder that holds a file too, because a
 * folder deleted as a whole is reported for the folder only in some file systems (the web host's).
 * `load` reads everything again; `loaded` runs after each load.
 */
export function watchAndReload(globs: readonly string[], load: () => Promise<void>, loaded: () => void, log: vscode.LogOutputChannel): Reloader {
  let busy: Promise<void> | undefined;
  let again = false;
  const run = async (): Promise<void> => {
    do {
      again = false;
      try {
        await load();
      } catch (err) {
        log.warn(vscode.l10n.t('Could not reload {0}: {1}', globs.join(', '), err instanceof Error ? err.message : String(err)));
      }
      loaded();
    } while (again); // no await between this test and `busy` clearing, so no event slips through
    busy = undefined;
  };
  const reload = (): Promise<void> => {
    if (busy) {
      again = true;
      return busy;
    }
    return (busy = run());
  };
  const subscriptions: vscode.Disposable[] = [vscode.workspace.onDidChangeWorkspaceFolders(() => void reload())];
  for (const glob of globs) {
    const watcher = vscode.workspace.createFileSystemWatcher(glob);
    const onEvent = () => void reload();
    subscriptions.push(watcher, watcher.onDidCreate(onEvent), watcher.onDidChange(onEvent), watcher.onDidDelete(onEvent));
  }
  return { reload, dispose: () => { for (const d of subscriptions) d.dispose(); } };
}
