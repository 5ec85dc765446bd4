/**
 * Every text the engine words (findings, fixes, reasons, a configuration file's problems, the read
 * policy's notes), by message id: English templates with named `{placeholders}`. Findings,
 * fixes, canonical reasons and change lists are built as `{ id, values }` (see formatMessage.ts) and
 * formatted from this table, so no English grammar is assembled in code: the CLI prints these
 * templates, and the editor passes each through `vscode.l10n.t`, whose bundle (l10n/bundle.l10n.json,
 * made by scripts/l10n-bundle.mjs) holds them as keys for a translator. Plurals are separate ids chosen
 * by count (`.one` / `.other`), as vscode.l10n has no plural rules. Changing a template changes the
 * CLI's output: the parity and CLI tests hold the English wording.
 */
export const MESSAGE_TEMPLATES = Object.freeze({
  // quote-differs: how many sources differ and, for the closest, which words.
  'quoteDiffers.one': 'Quote differs from {sources} source ({relation} in {label}).',
  'quoteDiffers.other': 'Quote differs from {sources} sources ({relation} in {label}).',
  'quoteDiffers.one.changes': 'Quote differs from {sources} source ({relation} in {label}: {changes}).',
  'quoteDiffers.other.changes': 'Quote differs from {sources} sources ({relation} in {label}: {changes}).',
  'quoteDiffers.related': '{relation} ({speaker})',
  'quoteDiffers.related.unattributed': '{relation} (unattributed)',
  // quote-differs when the quote has the canonical wording and other sources differ.
  'disagree.follows': 'Sources disagree: {sources}; this quote follows {label}, the canonical wording.',
  'disagree.canonical': 'Sources disagree: {sources}; this quote has the canonical wording ({reason}).',
  'disagree.source': '{label} {what}',
  'disagree.paraphrases': 'paraphrases it',
  'disagree.differsIn': 'differs in {relation}',
  'disagree.more.one': '{count} more source differs',
  'disagree.more.other': '{count} more sources differ',
  // What a source does to the quote's words, as its own action.
  'source.has': 'has “{added}” for “{removed}”',
  'source.adds': 'adds “{added}”',
  'source.drops': 'drops “{removed}”',
  'source.more.one': '{changes} and {count} more change',
  'source.more.other': '{changes} and {count} more changes',
  // The changed words of a match, the draft's first.
  'change.replaced': '“{removed}” → “{added}”',
  'change.name': '“{removed}” → “{added}” (check the spelling of the name)',
  'change.typo': '“{removed}” → “{added}” (probable typo)',
  'change.possibleTypo': '“{removed}” → “{added}” (possible typo)',
  'change.added': '“{added}” added',
  'change.dropped': '“{removed}” dropped',
  'change.more': '{count} more',
  // A quote that repeats words quoted unchanged elsewhere in the article.
  'echo.appended': '{message} {note}',
  'echo.note': 'The article quotes these words unchanged elsewhere: this may be the same words said on another occasion.',
  // speaker-differs
  'speakerDiffers': 'Attributed here to {speaker}, but to {other} in {sources}.',
  'speakerDiffers.related': '{speaker}’s version',
  // unverified-quote, unbalanced-quote
  'unverifiedQuote': 'No source in the workspace has this quote.',
  'unbalancedQuote': 'This quotation mark is never closed: the quote runs to the end of the paragraph.',
  // Fixes and why a wording is canonical.
  'fix.canonical': 'Use the canonical wording ({reason})',
  'fix.source': 'Use the wording of {label}',
  'canonical.authority': '{label} comes first in the authority order',
  'canonical.majority': '{count} of {total} sources agree on it',
  'canonical.all': 'all {total} sources agree on it',
  'canonical.earliest': 'the earliest source, {label}, has it',
  // Problems in a configuration file (config/file.ts), each at its place in the file.
  'config.cannotParse': 'cannot parse: {error}',
  'config.notObject': 'the configuration must be an object ({ … })',
  'config.unknownKey': 'unknown key "{key}"; it is ignored',
  'config.unknownKey.near': 'unknown key "{key}" (did you mean "{near}"?); it is ignored',
  'config.unknownKeyIn': 'unknown key "{key}" in "{table}"; it is ignored',
  'config.unknownKeyIn.near': 'unknown key "{key}" in "{table}" (did you mean "{near}"?); it is ignored',
  'config.schema': '"$schema" must be a string',
  'config.globs': '"{key}" must be a list of globs (strings); it is ignored',
  'config.maxFileSizeKB': '"maxFileSizeKB" must be a number of at least 1; it is ignored',
  'config.gitignore': '"gitignore" must be true or false; it is ignored',
  'config.archive': '"archive" must be a postgresql://user@host:port/database URL; it is ignored',
  'config.archivePassword': '"archive" must not hold a password (this file is shared): the password in it is ignored; use Verbatim: Set Archive Password, PGPASSWORD or ~/.pgpass',
  'config.ignore': '"ignore" must be a list of { "file": …, "text": … }; it is ignored',
  'config.ignoreEntry': 'ignore[{index}] must be { "file": "<path>", "text": "<the quote\'s words>" }; it is ignored',
  'config.share': '"match.{key}" must be a number from 0 to 1; it is ignored',
  'config.whole': '"match.{key}" must be a whole number of at least 0; it is ignored',
  'config.table': '"{table}" must be an object of {keys}; it is ignored',
  'config.level': '"{key}" must be one of {levels}, not {value}; it is ignored',
  'config.quoted': '"{value}"',
  'config.fatal': '{message}; using the defaults',
  'config.sourcesNoMatch': 'sources glob "{glob}" matches no file',
  'config.includeNoMatch': 'include glob "{glob}" matches no file',
  'config.authorityNoSource': 'authority glob "{glob}" names no source file',
  // The read policy (config/readPolicy.ts): why a file is skipped, or how it was read.
  'read.overCap': 'is {size} KB, over the {cap} KB size cap (maxFileSizeKB)',
  'read.binary': 'looks binary (it contains NUL bytes)',
  'read.windows1252': 'was read as Windows-1252',
  'read.auto1252': 'is not valid UTF-8; read as Windows-1252',
  'read.replaced': 'is not valid UTF-8; invalid bytes were read as U+FFFD',
  // Separators of lists (a list message's items are joined by its template).
  'list.comma': ', ',
  'list.semicolon': '; ',
} as const);

export type MessageId = keyof typeof MESSAGE_TEMPLATES;
