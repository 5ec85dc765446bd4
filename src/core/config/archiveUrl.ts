/**
 * An archive URL's password, taken out: configuration files and settings are shared (committed,
 * synced between machines), so a password written into one is refused rather than used, and the
 * user is told where passwords go instead. Pure string work (the core has no URL class): the
 * user-info is what precedes the last `@` of the authority, its password what follows its first `:`.
 */

/** The URL with any password taken out, and whether it had one. */
export function withoutPassword(url: string): { url: string; hadPassword: boolean } {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/is.exec(url);
  if (!m) return { url, hadPassword: false };
  const [, scheme, authority, rest] = m;
  const at = authority.lastIndexOf('@');
  if (at < 0) return { url, hadPassword: false };
  const userinfo = authority.slice(0, at);
  const colon = userinfo.indexOf(':');
  if (colon < 0) return { url, hadPassword: false };
  return { url: `${scheme}${userinfo.slice(0, colon)}${authority.slice(at)}${rest}`, hadPassword: true };
}
