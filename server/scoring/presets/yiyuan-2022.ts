/**
 * 000 沂源县交通运输系统全员平时考核和绩效管理深度融合试点方案 (2022): organisations (科室) and individuals
 * (工作人员) with linked indicators (三.(二).三: 个人和组织融合衔接): a person's score includes the score of
 * their 科室. 定量指标 (workload) and 定性指标 (领导评价、同事评议, 上级批示肯定, 纪委、督查评价); the
 * “一排底线” (safety, environment, stability) as a veto; 优秀 by ranking; 末位谈话 and the 待岗池 (三.(二).五).
 *
 * 000 gives no numbers. Starting values chosen here: 科室 score 20 % of a person's score, 定量 40 %, 定性
 * 40 % (科室 themselves: 50 / 50); 领导 60 % / 同事 40 %; 优秀 15 % rounded down as in 001.
 */
import type { RuleSet } from '../rule-set.ts';

const DEPARTMENT = '科室';
const STAFF = '工作人员';

export const yiyuan2022: RuleSet = {
  id: 'yiyuan-2022',
  name: '沂源县交通运输系统全员绩效考核（2022 试行）',
  version: 1,
  source: '000 源交政字〔2022〕40号 沂源县交通运输系统全员平时考核和绩效管理深度融合试点工作实施方案（试行）',
  subjectKind: 'both',
  postCategories: [DEPARTMENT, STAFF],
  categories: [DEPARTMENT, STAFF],
  indicators: [
    {
      key: 'performance',
      name: '绩效得分',
      points: 100,
      children: [
        {
          key: 'organisation',
          name: '所在科室组织绩效',
          weight: 20,
          variants: { [DEPARTMENT]: { omit: true } },
          method: { type: 'ratingScale' },
          note: '所在科室本期组织绩效得分（百分制）',
        },
        {
          key: 'quantitative',
          name: '定量考核统计（任务工作量）',
          weight: 40,
          variants: { [DEPARTMENT]: { weight: 50 } },
          method: { type: 'completion', overAchievementCap: 0, declaredItems: true },
        },
        {
          key: 'qualitative',
          name: '履职评价分析（领导评价、同事评议）',
          weight: 40,
          variants: { [DEPARTMENT]: { weight: 50 } },
          method: {
            type: 'raterGroups',
            groups: [
              { code: 'leaders', label: '领导评价', weight: 60 },
              { code: 'peers', label: '同事评议', weight: 40 },
            ],
            missingGroup: 'redistribute',
          },
        },
      ],
    },
    {
      key: 'commendation',
      name: '上级批示肯定加分',
      method: { type: 'bonusItems', oncePerWork: true, items: [{ code: 'instruction', label: '上级批示肯定（按考核评价细则计分）' }] },
    },
    {
      key: 'supervision',
      name: '纪委、督查部门评价扣分',
      method: { type: 'deductions', items: [{ code: 'negative', label: '纪委、督查等部门提出的负面情形扣分' }] },
    },
    {
      key: 'bottomLine',
      name: '“一排底线”约束',
      method: {
        type: 'vetoes',
        events: [
          { code: 'safety', label: '安全底线约束指标不良', deduct: 0, effect: 'barTopGrade' },
          { code: 'environment', label: '环保底线约束指标不良', deduct: 0, effect: 'barTopGrade' },
          { code: 'stability', label: '稳定底线约束指标不良', deduct: 0, effect: 'barTopGrade' },
        ],
      },
    },
  ],
  total: '=performance + commendation - supervision - bottomLine',
  grading: {
    levels: [
      { code: 'excellent', label: '优秀' },
      { code: 'competent', label: '称职' },
    ],
    rules: [{ level: 'excellent', top: { share: 15, rounding: 'down' } }],
    otherwise: 'competent',
    rankBy: [{ key: 'quantitative', direction: 'desc' }],
    ties: 'excludeAll',
    labels: [
      {
        code: 'last',
        label: '末位',
        bottom: { count: 1, ties: 'includeAll' },
        actions: [{ label: '末位谈话：由分管领导或党组约谈，提出限期整改要求' }],
      },
    ],
    results: [
      {
        level: 'excellent',
        actions: [{ label: '推优表彰；中层干部调整、职级晋升、职员制晋升、评聘职称、高层次培训等优先人选' }],
      },
    ],
    consecutive: [
      {
        code: 'lastAgain',
        label: '末位谈话后再次排末位（问题仍未整改到位）',
        consecutive: 2,
        labels: ['last'],
        actions: [{ label: '进入“待岗池”接受培训教育' }],
      },
    ],
  },
};
