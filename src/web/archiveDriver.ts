/**
 * The web extension host's stand-in for src/host/archive/driver.ts (swapped in by scripts/webBuild.mjs):
 * no archive driver, since a browser cannot open a TCP connection to PostgreSQL. The host then ignores
 * the archive setting with one information line.
 */
import type { ArchiveDriver } from '../host/archive/link';

export const archiveDriver: ArchiveDriver | undefined = undefined;
