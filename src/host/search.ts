/**
 * `Verbatim: Search Quotes`: a live QuickPick over every quote in the sources and the open articles,
 * fuzzy-matched with fuse.js on the words and the speaker. Choosing an item opens the quote; the item's
 * button inserts it, with its marks, at the cursor of the editor that was active. Article text reaches
 * the QuickPick only as plain labels with `$(icon)` syntax escaped.
 */
import Fuse from 'fuse.js';
import * as vscode from 'vscode';
import type { Checker } from './checker';
import type { Corpus } from './corpus';
import { excerpt } from './diagnostics';
import { escapeIcons } from './markdown';

/** One searchable quote. */
export interface QuoteEntry {
  uri: string;
  label: string;
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  open: string;
  close: string | null;
}

const MAX_RESULTS = 50;
const TYPING_DELAY_MS = 60;

/** The items of the search: index built lazily, rebuilt when the sources or open articles change. */
export class QuoteCatalog implements vscode.Disposable {
  private fuse: Fuse<QuoteEntry> | undefined;
  private entries: QuoteEntry[] = [];
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly corpus: Corpus, private readonly checker: Checker) {
    const stale = () => (this.fuse = undefined);
    this.subscriptions = [corpus.onDidChange(stale), checker.onDidCheck(stale), checker.onDidForget(stale)];
  }

  /** Quotes matching `query`, best first; with an empty query, the first quotes in path order. */
  search(query: string, limit = MAX_RESULTS): QuoteEntry[] {
    const fuse = this.index();
    const q = query.trim();
    if (!q) return this.entries.slice(0, limit);
    return fuse.search(q, { limit }).map((r) => r.item);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }

  private index(): Fuse<QuoteEntry> {
    if (this.fuse) return this.fuse;
    const byUri = new Map<string, QuoteEntry[]>();
    const toEntry = (q: QuoteEntry): QuoteEntry => ({ uri: q.uri, label: q.label, start: q.start, end: q.end, text: q.text, speaker: q.speaker, open: q.open, close: q.close });
    for (const doc of this.corpus.documents()) byUri.set(doc.uri, doc.quotes.map(toEntry));
    // An open article's own (possibly unsaved) quotes, replacing its indexed version if it is a source too.
    for (const doc of vscode.workspace.textDocuments) {
      const c = this.checker.published(doc.uri);
      if (c && c.version === doc.version) byUri.set(c.report.uri, c.report.quotes.map((qr) => toEntry(qr.quote)));
    }
    this.entries = [...byUri.keys()].sort().flatMap((uri) => byUri.get(uri)!);
    this.fuse = new Fuse(this.entries, {
      keys: [{ name: 'text', weight: 0.75 }, { name: 'speaker', weight: 0.25 }],
      ignoreLocation: true,
      threshold: 0.3,
      minMatchCharLength: 2,
    });
    return this.fuse;
  }
}

interface EntryItem extends vscode.QuickPickItem {
  entry: QuoteEntry;
}

const INSERT_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('insert'), tooltip: 'Insert this quote at the cursor' };

/** What the open search shows, for tests and the status of a running search. */
export interface SearchState {
  value: string;
  busy: boolean;
  items: QuoteEntry[];
}

export class QuoteSearch {
  private state: SearchState | undefined;

  constructor(private readonly catalog: QuoteCatalog, private readonly open: (entry: QuoteEntry) => Promise<void>) {}

  /** The QuickPick currently shown by `show`, if any. */
  get current(): SearchState | undefined {
    return this.state;
  }

  /** Shows the QuickPick, optionally with a query already typed; resolves with the chosen quote. */
  show(initial = ''): Promise<QuoteEntry | undefined> {
    const target = vscode.window.activeTextEditor;
    const pick = vscode.window.createQuickPick<EntryItem>();
    pick.title = 'Verbatim: Search Quotes';
    pick.placeholder = 'Words or speaker of a quote, in the sources and open articles';
    pick.matchOnDescription = false;
    pick.matchOnDetail = false;
    const state: SearchState = { value: initial, busy: false, items: [] };
    this.state = state;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let request = 0;
    const update = (value: string) => {
      const mine = ++request;
      pick.busy = state.busy = true;
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (mine !== request) return; // a newer keystroke supersedes this search
        const results = this.catalog.search(value);
        state.value = value;
        state.items = results;
        pick.items = results.map(toItem);
        pick.busy = state.busy = false;
      }, TYPING_DELAY_MS);
    };
    return new Promise((resolve) => {
      let chosen: QuoteEntry | undefined;
      pick.onDidChangeValue(update);
      pick.onDidAccept(() => {
        chosen = pick.selectedItems[0]?.entry ?? pick.activeItems[0]?.entry;
        pick.hide();
        if (chosen) void this.open(chosen);
      });
      pick.onDidTriggerItemButton(async (e) => {
        pick.hide();
        chosen = e.item.entry;
        await insertAtCursor(target, e.item.entry);
      });
      pick.onDidHide(() => {
        clearTimeout(timer);
        request++;
        if (this.state === state) this.state = undefined;
        pick.dispose();
        resolve(chosen);
      });
      pick.value = initial;
      update(initial);
      pick.show();
    });
  }
}

function toItem(entry: QuoteEntry): EntryItem {
  return {
    // VS Code's own filter must not hide what fuse.js found.
    alwaysShow: true,
    label: escapeIcons(`“${excerpt(entry.text, 110)}”`),
    description: escapeIcons(entry.speaker ?? 'unattributed'),
    detail: escapeIcons(entry.label),
    buttons: [INSERT_BUTTON],
    entry,
  };
}

/** Inserts the quote with its own marks at the cursor (replacing the selection) of `editor`. */
async function insertAtCursor(editor: vscode.TextEditor | undefined, entry: QuoteEntry): Promise<void> {
  if (!editor || editor.document.isClosed) {
    void vscode.window.showInformationMessage('Verbatim: open an article to insert a quote into.');
    return;
  }
  const text = `${entry.open}${entry.text}${entry.close ?? closingMark(entry.open)}`;
  await editor.edit((b) => b.replace(editor.selection, text));
}

function closingMark(open: string): string {
  return ({ '“': '”', '‘': '’', '«': '»', '„': '“' } as Record<string, string>)[open] ?? open;
}
