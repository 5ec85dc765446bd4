/**
 * An archive URL's password, taken out: configuration files and settings are shared (committed,
 * synced between machines), so a password written into one is refused rather than used, and the
 * user is told where passwords go instead. Pure: the URL class only.
 */

/** The URL with any password taken out, and whether it had one. */
export function withoutPassword(url: string): { url: string; hadPassword: boolean } {
  try {
    const u = new URL(url);
    if (!u.password) return { url, hadPassword: false };
    u.password = '';
    return { url: u.toString(), hadPassword: true };
  } catch {
    return { url, hadPassword: false };
  }
}
