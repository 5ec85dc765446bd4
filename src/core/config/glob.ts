/** Path globs (`**`, `*`, `?`, `{a,b}`) as regular expressions, for the authority order. */

const cache = new Map<string, RegExp>();

/** True when `path` (with forward slashes) matches `glob`; a glob matches at any folder boundary, so `sources/**` matches `/work/sources/a.txt`. */
export function matchGlob(glob: string, path: string): boolean {
  let re = cache.get(glob);
  if (!re) {
    let src = '';
    let depth = 0;
    for (let i = 0; i < glob.length; i++) {
      const c = glob[i];
      if (c === '*' && glob[i + 1] === '*') {
        src += '.*';
        i++;
        if (glob[i + 1] === '/') i++;
      } else if (c === '*') src += '[^/]*';
      else if (c === '?') src += '[^/]';
      else if (c === '{') { src += '(?:'; depth++; }
      else if (c === '}' && depth > 0) { src += ')'; depth--; }
      else if (c === ',' && depth > 0) src += '|';
      else src += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
    }
    re = new RegExp('(?:^|/)' + src + '$');
    cache.set(glob, re);
  }
  return re.test(path.replace(/\\/g, '/'));
}
