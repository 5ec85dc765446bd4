/**
 * `Verbatim: Search Quotes`: a live QuickPick over every quote in the sources and the open articles.
 * The search itself is the core's (src/core/quoteSearch.ts: index candidates ranked by fuse.js on the
 * words and the speaker); this module adds the open articles' unsaved quotes and the editor UI.
 * Choosing an item opens the quote; the item's button inserts it, with its marks, at the cursor of the
 * editor that was active. Article text reaches the QuickPick only as plain labels with `$(icon)` syntax
 * escaped.
 */
import * as vscode from 'vscode';
import type { Engine, QuoteIndex } from '../core/index';
import { QuoteSearch, SEARCH_FUSE_OPTIONS, quoteEntry, type QuoteEntry } from '../core/index/quoteSearch';
import type { Checker } from './checker';
import { excerpt } from './diagnostics';
import { escapeIcons } from './markdown';

export type { QuoteEntry } from '../core/index/quoteSearch';

const MAX_RESULTS = 50;
const TYPING_DELAY_MS = 60;

/** The searchable quotes: the source index, with each open article's checked (possibly unsaved) text in place of its saved one. */
export class QuoteCatalog {
  private core: { index: QuoteIndex; search: QuoteSearch } | undefined;

  constructor(private readonly engine: Engine, private readonly checker: Checker) {}

  /** Quotes matching `query`, best first; with an empty query, the first quotes in path order. */
  search(query: string, limit = MAX_RESULTS): QuoteEntry[] {
    const extra: QuoteEntry[] = [];
    const open = new Set<string>();
    for (const doc of vscode.workspace.textDocuments) {
      const c = this.checker.published(doc.uri);
      if (!c || c.version !== doc.version) continue;
      open.add(c.report.uri);
      for (const qr of c.report.quotes) extra.push(quoteEntry(qr.quote));
    }
    return this.quoteSearch().search(query, { limit, extra, skip: (uri) => open.has(uri) });
  }

  /** The core search over the engine's current index (a stored index taken back replaces it). */
  private quoteSearch(): QuoteSearch {
    const index = this.engine.index;
    // Source quotes keep the short name their article used; list and match them by the full one.
    if (this.core?.index !== index) this.core = { index, search: new QuoteSearch(index, SEARCH_FUSE_OPTIONS, (name) => this.engine.resolveSpeaker(name)) };
    return this.core.search;
  }
}

interface EntryItem extends vscode.QuickPickItem {
  entry: QuoteEntry;
}

const INSERT_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('insert'), tooltip: vscode.l10n.t('Insert this quote at the cursor') };

/** What the open search shows, for tests and the status of a running search. */
export interface SearchState {
  value: string;
  busy: boolean;
  items: QuoteEntry[];
  /** The same results as the QuickPick holds them: the label, description and detail it renders. */
  shown: readonly vscode.QuickPickItem[];
}

/** The QuickPick of `Verbatim: Search Quotes`. */
export class SearchPalette {
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
    pick.title = vscode.l10n.t('Verbatim: Search Quotes');
    pick.placeholder = vscode.l10n.t('Words or speaker of a quote, in the sources and open articles');
    pick.matchOnDescription = false;
    pick.matchOnDetail = false;
    const state: SearchState = { value: initial, busy: false, items: [], shown: [] };
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
        state.shown = pick.items;
        // Set here, not left to the workbench's echo: Enter right after the results arrive takes the first.
        pick.activeItems = pick.items.slice(0, 1);
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
    description: escapeIcons(entry.speaker ?? vscode.l10n.t('unattributed')),
    detail: escapeIcons(entry.label),
    buttons: [INSERT_BUTTON],
    entry,
  };
}

/** Inserts the quote with its own marks at the cursor (replacing the selection) of `editor`. */
async function insertAtCursor(editor: vscode.TextEditor | undefined, entry: QuoteEntry): Promise<void> {
  if (!editor || editor.document.isClosed) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Verbatim: open an article to insert a quote into.'));
    return;
  }
  const text = `${entry.open}${entry.text}${entry.close ?? closingMark(entry.open)}`;
  await editor.edit((b) => b.replace(editor.selection, text));
}

function closingMark(open: string): string {
  return ({ '“': '”', '‘': '’', '«': '»', '„': '“' } as Record<string, string>)[open] ?? open;
}
