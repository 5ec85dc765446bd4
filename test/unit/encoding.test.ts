/**
 * The read policy's encodings: Windows-1252 archives (curly quotes are the bytes 0x93/0x94) read as
 * such when asked, `auto` choosing UTF-8 for valid UTF-8 and Windows-1252 otherwise — in the core and
 * through `verbatim check --encoding`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeText } from '../../src/core';
import { runCli } from './helpers';

// “Café au lait,” she said. — in Windows-1252: curly quotes 0x93/0x94, é 0xE9.
const CP1252 = Uint8Array.from([0x93, ...Buffer.from('Caf'), 0xe9, ...Buffer.from(' au lait for everyone here,'), 0x94, ...Buffer.from(' Ms Roux said.\n')]);
const UTF8 = new TextEncoder().encode('“Café au lait for everyone here,” Ms Roux said.\n');

describe('read policy encodings', () => {
  it('reads Windows-1252 bytes as UTF-8 with U+FFFD and a note by default', () => {
    const d = decodeText(CP1252);
    assert.ok(d.ok);
    assert.ok(d.text.includes('\uFFFD'));
    assert.match(d.note!, /not valid UTF-8/);
  });

  it('reads them as Windows-1252 when asked, curly quotes and accents intact, with a note', () => {
    for (const enc of ['windows-1252', 'auto'] as const) {
      const d = decodeText(CP1252, undefined, enc);
      assert.ok(d.ok);
      assert.equal(d.text, '“Café au lait for everyone here,” Ms Roux said.\n', enc);
      assert.match(d.note!, /Windows-1252/);
    }
  });

  it('keeps valid UTF-8 as UTF-8 under auto, with no note', () => {
    const d = decodeText(UTF8, undefined, 'auto');
    assert.ok(d.ok);
    assert.equal(d.text, '“Café au lait for everyone here,” Ms Roux said.\n');
    assert.equal(d.note, undefined);
  });

  it('still refuses binary files, whatever the encoding', () => {
    assert.equal(decodeText(Uint8Array.from([0x93, 0, 0x94]), undefined, 'windows-1252').ok, false);
  });
});

describe('verbatim check --encoding', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-encoding-'));
  fs.mkdirSync(path.join(dir, 'sources'));
  fs.writeFileSync(path.join(dir, 'sources', 'archive-1998.txt'), CP1252);
  fs.writeFileSync(path.join(dir, 'draft.article'), '“Café au lait for everybody here,” Ms Roux said.\n');
  const matches = (out: string): string[] => JSON.parse(out).documents[0].quotes[0].matches.map((m: { path: string }) => m.path);

  it('auto reads the archive as Windows-1252, finds its quote, and names the file on stderr', () => {
    const r = runCli(['check', 'draft.article', '--sources', 'sources', '--encoding', 'auto', '--format', 'json', '--fail-on', 'never'], dir);
    assert.deepEqual(matches(r.out), ['sources/archive-1998.txt']);
    assert.match(r.err, /archive-1998\.txt: is not valid UTF-8; read as Windows-1252/);
  });

  it('utf-8 (the default) loses the marks and so the quote', () => {
    const r = runCli(['check', 'draft.article', '--sources', 'sources', '--format', 'json', '--fail-on', 'never'], dir);
    assert.deepEqual(matches(r.out), []);
    assert.match(r.err, /not valid UTF-8; invalid bytes were read as U\+FFFD/);
  });

  it('refuses an unknown encoding as bad usage', () => {
    assert.equal(runCli(['check', 'draft.article', '--encoding', 'latin-9'], dir).code, 2);
  });
});
