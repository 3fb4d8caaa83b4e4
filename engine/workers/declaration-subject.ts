import type { SubjectInput } from '../../server/scoring/index.ts';
import type { Variables } from '../port.ts';

interface DeclarationItem {
  selfRating?: string;
}

/**
 * The scoring input of a quarterly achievement declaration (季度实绩申报): the self-ratings of the declared
 * items and the supervisor's rating, as the `declaration` rater-group leaf of the rule set expects them.
 */
export function declarationSubject(subjectId: string, variables: Variables): SubjectInput {
  const items = Array.isArray(variables.items) ? (variables.items as DeclarationItem[]) : [];
  return {
    subjectId,
    name: typeof variables.subjectName === 'string' ? variables.subjectName : undefined,
    inputs: {
      declaration: {
        self: items.map((item) => item.selfRating).filter((rating): rating is string => typeof rating === 'string'),
        supervisor: variables.supervisorRating,
      },
    },
  };
}
