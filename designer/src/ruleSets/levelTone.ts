import type { GradeRules } from '../lib/types';

/** The colour of a grade level's tag: the best level green, the lowest red, the others neutral. */
export function levelTone(levels: GradeRules['levels'], code: string): 'success' | 'danger' | 'neutral' {
  const at = levels.findIndex((level) => level.code === code);
  if (at === 0) return 'success';
  if (at === levels.length - 1 && levels.length > 2) return 'danger';
  return 'neutral';
}
