/** 等次评价计分: ratings from a scale (好 / 较好 / 一般 / 较差 …) or numbers from 0 to 100, averaged. */
import type { RatingScaleMethod } from '../rule-set.ts';
import { fail, ratingOf } from './input.ts';
import type { MethodImpl } from './method.ts';
import { averageOf, onFullPoints, ratingSummary, ratingValues, traceRatings, validateScale } from './ratings.ts';

export const ratingScale: MethodImpl<RatingScaleMethod> = {
  name: '等次评价',
  scaled: true,

  validate(method, path, zhNode, issues) {
    validateScale(method.scale, `${path}.scale`, zhNode, issues);
  },

  score(method, input, leaf) {
    const { node } = leaf;
    if (typeof input === 'string' || typeof input === 'number') return onFullPoints(ratingOf(method.scale, input, leaf.path, node.label), node.full);
    const values = ratingValues(method.scale, input, leaf.path, node.label, method.maxRatings);
    if (values.length === 0) fail(leaf.path, 'input.missing', `缺少「${node.label}」的评价`, `"${node.label}" has no rating`);
    traceRatings(leaf, leaf.depth, `${node.path}.ratings`, input, values);
    return onFullPoints(averageOf(values), node.full);
  },

  summary(method, input, node) {
    return ratingSummary(input, averageOf(ratingValues(method.scale, input, '', node.label)), node.full);
  },
};
