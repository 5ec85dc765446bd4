/**
 * Messages as data: a template id (messageTemplates.ts) with named values, formatted by one pure
 * function. A front end that translates passes `translate`, which gets each English template and
 * returns the template to use (the editor: `vscode.l10n.t`); the values (quoted words, source labels,
 * counts) are filled in after, so article text is never read as a template.
 */
import { MESSAGE_TEMPLATES, type MessageId } from './messageTemplates';

export type MessageValue = string | number | Message;

/** A message: a template and its values, or (for a `list.*` id) items joined by the template. */
export interface Message {
  readonly id: MessageId;
  readonly values?: Readonly<Record<string, MessageValue>>;
  readonly items?: readonly MessageValue[];
}

/** Gives the template to use for an English one (and its id); the identity prints English. */
export type Translate = (template: string, id: MessageId) => string;

const english: Translate = (template) => template;

/** Shorthand for a message. */
export const msg = (id: MessageId, values?: Record<string, MessageValue>): Message => (values ? { id, values } : { id });

/** A list message: `items` joined by the separator template `id`. */
export const list = (id: 'list.comma' | 'list.semicolon', items: readonly MessageValue[]): Message => ({ id, items });

/** The text of `m` with every placeholder filled, nested messages formatted the same way. */
export function formatMessage(m: Message, translate: Translate = english): string {
  const template = translate(MESSAGE_TEMPLATES[m.id], m.id);
  const text = (v: MessageValue): string => (typeof v === 'object' ? formatMessage(v, translate) : String(v));
  if (m.items) return m.items.map(text).join(template);
  // One pass over the template: a value's own braces are never read as placeholders.
  return template.replace(/\{(\w+)\}/g, (all, name: string) => {
    const v = m.values?.[name];
    return v === undefined ? all : text(v);
  });
}
