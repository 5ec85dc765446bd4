/**
 * The engine's messages in the editor's display language. The core words every finding, fix and reason
 * as a template id with values (core/rules/messageTemplates.ts); here each English template goes
 * through `vscode.l10n.t`, which looks it up in the extension's bundle (l10n/bundle.l10n.json holds
 * every template as a key) and gives it back unchanged in English — so the editor says exactly what the
 * CLI says (the parity test holds them to it). The host's own texts call `vscode.l10n.t` with literal
 * strings where they are written, so scripts/l10n-bundle.mjs can list them.
 */
import * as vscode from 'vscode';
import { formatMessage, type Message } from '../core/index';

// Called with the template alone, vscode.l10n.t fills in nothing: formatMessage fills the named values.
const translate = (template: string): string => vscode.l10n.t(template);

/** `m` as the user reads it. */
export const localize = (m: Message): string => formatMessage(m, translate);
