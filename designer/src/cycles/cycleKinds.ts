import type { CycleKind } from '../lib/types';

/** The kinds of cycle in the order the form offers them: 季度 first, the most frequent. */
export const cycleKinds: CycleKind[] = ['quarterly', 'annual', 'monthly'];
