/**
 * 001 公务员绩效管理方案范本: individuals on 德 / 能 / 勤 / 绩 / 廉 (三), weights by post category (四.1: 综合管理
 * 绩 ≥ 40 %, 执法 服务评价 ≥ 40 %), rater groups (leaders ≥ 50 %, peers ≤ 20 %, service objects ≥ 30 %),
 * 优秀 at most 15 % (20 % in a unit graded 优秀, 004 二.6), bonus at 120 / 100 / 80 / 0 % (五), and a talk
 * after two quarters not up to standard (四.3).
 *
 * 001 fixes no thresholds for 称职 / 基本称职 / 不称职; 70 and 60 here are starting values for the office to set.
 */
import type { RaterGroupsMethod, RuleSet } from '../rule-set.ts';

/** 民主测评 + 领导评价 of one dimension: every group must rate (the weights are minimums of 001). */
const democraticRating: RaterGroupsMethod = {
  type: 'raterGroups',
  groups: [
    { code: 'leaders', label: '领导评价', weight: 50 },
    { code: 'peers', label: '同事互评', weight: 20 },
    { code: 'public', label: '服务对象评价', weight: 30 },
  ],
  missingGroup: 'error',
};

const GENERAL = '综合管理';
const ENFORCEMENT = '执法';
const TECHNICAL = '专业技术';

export const civilServantModel: RuleSet = {
  id: 'civil-servant-model',
  name: '公务员绩效管理方案范本',
  version: 1,
  source: '001 公务员绩效管理方案范本 三、四、五',
  subjectKind: 'person',
  postCategories: [GENERAL, ENFORCEMENT, TECHNICAL],
  indicators: [
    {
      key: 'performance',
      name: '绩效得分',
      points: 100,
      children: [
        { key: 'de', name: '德（思想政治素质）', weight: 15, variants: { [ENFORCEMENT]: { weight: 10 } }, method: democraticRating },
        { key: 'neng', name: '能（履职能力水平）', weight: 15, variants: { [ENFORCEMENT]: { weight: 10 } }, method: democraticRating },
        { key: 'qin', name: '勤（工作作风表现）', weight: 15, variants: { [ENFORCEMENT]: { weight: 10 } }, method: democraticRating },
        {
          key: 'ji',
          name: '绩（工作实绩成效）',
          weight: 40,
          variants: { [ENFORCEMENT]: { weight: 60 } },
          children: [
            {
              key: 'coreTasks',
              name: '核心任务',
              weight: 50,
              variants: { [ENFORCEMENT]: { weight: 20 } },
              method: { type: 'completion', overAchievementCap: 0, declaredItems: true },
              note: '《个人绩效承诺书》中的量化指标按完成率计分',
            },
            { key: 'contribution', name: '特色贡献', weight: 20, variants: { [ENFORCEMENT]: { weight: 10 } }, method: { type: 'ratingScale' } },
            {
              key: 'serviceEvaluation',
              name: '服务评价',
              weight: 30,
              variants: { [ENFORCEMENT]: { weight: 70 } },
              method: { type: 'ratingScale' },
              note: '服务对象满意度（百分制），权重不低于30%；执法岗 60% × 70% = 42%，不低于40%',
            },
          ],
        },
        { key: 'lian', name: '廉（廉洁自律情况）', weight: 15, variants: { [ENFORCEMENT]: { weight: 10 } }, method: democraticRating },
      ],
    },
  ],
  total: '=performance',
  grading: {
    levels: [
      { code: 'excellent', label: '优秀' },
      { code: 'competent', label: '称职' },
      { code: 'basic', label: '基本称职' },
      { code: 'incompetent', label: '不称职' },
    ],
    rules: [
      { level: 'excellent', top: { share: 15, rounding: 'down', uplift: { whenUnitLevel: '优秀', share: 20 } } },
      { level: 'competent', minScore: 70 },
      { level: 'basic', minScore: 60 },
    ],
    otherwise: 'incompetent',
    rankBy: [{ key: 'ji', direction: 'desc' }],
    ties: 'excludeAll',
    results: [
      {
        level: 'excellent',
        bonusCoefficient: 1.2,
        actions: [
          { label: '单位内部通报表扬，优先推荐参加上级“先进工作者”“业务能手”评选', list: 'commendation' },
          { label: '职务晋升、职级晋升同等条件下优先考虑', list: 'promotion' },
          { label: '优先获得培训、轮岗、挂职锻炼机会', list: 'training' },
        ],
      },
      {
        level: 'competent',
        bonusCoefficient: 1,
        actions: [{ label: '按规定享受职级晋升、工资调增等待遇，纳入“潜力人才库”跟踪培养' }],
      },
      {
        level: 'basic',
        bonusCoefficient: 0.8,
        actions: [{ label: '由单位主要领导诫勉谈话，制定3个月整改计划，期间不得评优、晋升', list: 'talk' }, { label: '安排专项培训', list: 'training' }],
      },
      {
        level: 'incompetent',
        bonusCoefficient: 0,
        actions: [{ label: '限期（3—6个月）转岗或待岗培训，经考核仍不达标者按规定辞退或降职', list: 'training' }, { label: '取消下一年度评优资格' }],
      },
    ],
    consecutive: [
      {
        code: 'notUpToStandard',
        label: '连续两个季度“不达标”',
        consecutive: 2,
        levels: ['basic', 'incompetent'],
        actions: [{ label: '由领导小组约谈，制定帮扶计划', list: 'talk' }],
      },
    ],
  },
};
