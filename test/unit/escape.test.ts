/** Hostile text through the host's escaping: nothing in it may become a link, HTML, emphasis or an icon. */
import * as assert from 'assert';
import { escapeIcons, escapeMarkdown, safeLinkDestination } from '../../src/host/escape';

const HOSTILE = [
  '[x](command:workbench.action.quit)',
  '<img src=x onerror=alert(1)>',
  '<script>alert("x")</script>',
  '![pic](https://example.com/a.png)',
  'see https://example.com and www.example.com',
  '[ref]: command:workbench.action.quit',
  '**bold** _em_ `code` ~~gone~~',
  '&lt;b&gt; &#60;i&#62;',
  '# heading\n- item\n> quote\n\n---',
  '$(zap) $(sync~spin)',
  'back\\slash\\](command:x)',
];

/** Characters Markdown acts on that must never appear unescaped in the output. */
function unescapedSpecials(md: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < md.length; i++) {
    if (md[i] === '\\') {
      i++;
      continue;
    }
    if (/[!-/:-@[-`{-~]/.test(md[i])) found.push(md[i]);
  }
  return found;
}

describe('escaping untrusted text', () => {
  for (const text of HOSTILE) {
    it(`leaves ${JSON.stringify(text)} inert in Markdown`, () => {
      const md = escapeMarkdown(text);
      assert.deepStrictEqual(unescapedSpecials(md), []);
      assert.ok(!/\n/.test(md), 'one line');
      // Removing the escapes gives the text back (line breaks become spaces).
      assert.strictEqual(md.replace(/\\([!-/:-@[-`{-~])/g, '$1'), text.replace(/\s+/g, ' '));
    });
  }

  it('escapes icon syntax for plain labels', () => {
    assert.strictEqual(escapeIcons('$(zap) costs $5 $(x'), '\\$(zap) costs $5 \\$(x');
  });

  it('keeps link destinations in one piece', () => {
    const dest = safeLinkDestination('file:///a b/(c)/d_e.txt#L3,4');
    assert.ok(!/[\s()<>]/.test(dest), dest);
    assert.strictEqual(decodeURIComponent(dest), 'file:///a b/(c)/d_e.txt#L3,4');
  });
});
