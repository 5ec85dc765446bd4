/** The ranking of severities: the CLI's --fail-on, the most severe relation, the caps of rules. */
import type { Level } from '../config/options';
import type { Severity } from '../types';

/** Severities from least to most severe; 'off' below them all. */
export const SEVERITY_RANK: Readonly<Record<Level, number>> = Object.freeze({ off: 0, hint: 1, info: 2, warning: 3, error: 4 });

/** The more severe of two levels. */
export const maxLevel = (a: Level, b: Level): Level => (SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a);

/** The less severe of two levels. */
export const minLevel = (a: Level, b: Level): Level => (SEVERITY_RANK[b] < SEVERITY_RANK[a] ? b : a);

/** True when `s` reaches `threshold`. */
export const reaches = (s: Severity, threshold: Severity): boolean => SEVERITY_RANK[s] >= SEVERITY_RANK[threshold];
