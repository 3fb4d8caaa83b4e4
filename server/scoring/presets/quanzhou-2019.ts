/**
 * 004 《2019年度泉州市工信局绩效评估工作方案》: units on 100 points. 综合得分 = 目标考评得分 × 70% + 公众评议得分
 * × 30% + 正向激励加分 − 察访核验扣分 (二.2); violations deduct by the person's rank and cancel bonuses
 * (二.4); top 30 % 优秀, ≥ 70 and last 3 一般, other ≥ 70 良好, < 70 差; listed events lower the grade one
 * level or make it 差 (二.5); bonus months and follow-ups (二.6).
 */
import type { RuleSet, VetoEffect } from '../rule-set.ts';

const ranks = [
  { code: 'leaderMember', label: '任现职的党政领导班子成员（县处级干部）' },
  { code: 'countyLevel', label: '非党政领导班子成员或非领导职务的县处级干部' },
  { code: 'sectionHead', label: '科室主要负责人' },
  { code: 'sectionMember', label: '科室非主要负责人' },
  { code: 'staff', label: '科级及以下干部职工' },
  { code: 'outsider', label: '外单位人员（因本单位管理不善在本单位科室从事与工作无关事情）' },
  { code: 'subordinate', label: '下属未参加绩效评估的事业单位干部职工' },
];

const event = (code: string, label: string, effect: VetoEffect) => ({ code, label, deduct: 0, effect });

export const quanzhou2019: RuleSet = {
  id: 'quanzhou-2019',
  name: '泉州市绩效评估（2019）',
  version: 1,
  source: '004 《2019年度泉州市工信局绩效评估工作方案》二、绩效评估实施步骤',
  subjectKind: 'unit',
  indicators: [
    {
      key: 'targetScore',
      name: '目标考评得分',
      points: 100,
      method: { type: 'completion', overAchievementCap: 0, declaredItems: true },
      note: '目标考评表各项指标按完成率计分；方案未规定超额加分，故上限为 0',
    },
    {
      key: 'publicScore',
      name: '公众评议得分',
      method: { type: 'ratingScale' },
      note: '公众评议（百分制），多份评议取平均',
    },
    {
      key: 'incentive',
      name: '正向激励加分',
      method: {
        type: 'bonusItems',
        oncePerWork: true,
        items: [{ code: 'incentive', label: '正向激励加分（按年度绩效评估正向激励加分实施细则）' }],
      },
    },
    {
      key: 'inspection',
      name: '察访核验扣分',
      children: [
        {
          key: 'violations',
          name: '违纪违法及违规行为扣分',
          method: {
            type: 'rankDeductions',
            ranks,
            kinds: [
              {
                code: 'inspectionFinding',
                label: '察访核验查实存在违规问题',
                points: { countyLevel: 0.5, leaderMember: 0.5, sectionHead: 0.3, sectionMember: 0.3, outsider: 0.3, subordinate: 0.3 },
                bonusCancelled: {
                  countyLevel: ['本人'],
                  leaderMember: ['本人'],
                  sectionHead: ['本人', '单位分管领导'],
                  sectionMember: ['本人', '所在科室主要负责人', '单位分管领导'],
                  outsider: ['所在科室主要负责人'],
                  subordinate: ['主管参评单位分管领导'],
                },
              },
              {
                code: 'disciplined',
                label: '被纪检监察机关处分、组织人事部门诫勉',
                points: { leaderMember: 0.3, countyLevel: 0.2, staff: 0.1 },
              },
              {
                code: 'disciplinedWarning',
                label: '受到党内警告、严重警告或行政警告、记过、记大过、降级处分',
                points: { leaderMember: 0.3, countyLevel: 0.2, staff: 0.1 },
                bonusCancelled: { leaderMember: ['本人'], countyLevel: ['本人'], staff: ['本人'] },
              },
              {
                code: 'underInvestigation',
                label: '被有关机关立案调查',
                points: { leaderMember: 0, countyLevel: 0.2, staff: 0.1 },
                bonusCancelled: { leaderMember: ['本人'], countyLevel: ['本人'], staff: ['本人'] },
              },
              {
                code: 'severePunishment',
                label: '受到撤销党内职务、留党察看、开除党籍及撤职、开除等党纪政务重处分或被追究刑事责任',
                points: { leaderMember: 0, countyLevel: 1, staff: 0.5 },
                bonusCancelled: { leaderMember: ['本人'], countyLevel: ['本人'], staff: ['本人'] },
              },
            ],
            multipliers: [{ code: 'provincialInspection', label: '被省效能办察访核验发现，双倍扣分', factor: 2 }],
          },
          note: '二.4 第1–5点；往年已扣分、同一案件不重复扣分；领导班子成员受重处分时单位降一个等次（见「等次调整事项」）',
        },
        {
          key: 'accountability',
          name: '效能问责扣分',
          method: {
            type: 'deductions',
            items: [
              { code: 'provincial', label: '被省效能办效能问责（每例）', points: 0.5 },
              { code: 'municipal', label: '被市效能办效能问责（每例）', points: 0.3 },
            ],
          },
          note: '二.4 第6点',
        },
        {
          key: 'reminders',
          name: '效能提醒函扣分',
          method: {
            type: 'deductions',
            items: [
              { code: 'sameMatter', label: '同一事项被发出《效能提醒函》2次后仍未在规定时限内完成', points: 0.1 },
              { code: 'differentMatters', label: '因不同事项被发出《效能提醒函》3次', points: 0.2 },
            ],
          },
          note: '三.（二）四',
        },
      ],
    },
    {
      key: 'gradeEvents',
      name: '等次调整事项',
      method: {
        type: 'vetoes',
        events: [
          event('leaderSeverePunishment', '任现职的党政领导班子成员受党政纪重处分或被追究刑事责任', 'downgrade'),
          event('majorIncident', '发生重大群体性、安全、生态破坏、环境污染等造成恶劣影响或严重后果的事件', 'downgrade'),
          event('poorImplementation', '贯彻落实决策部署不力，被专题通报批评，严肃予以问责', 'forceLowest'),
          event('fraud', '在绩效管理工作中弄虚作假、情节严重', 'forceLowest'),
        ],
      },
      note: '二.5.2) 降低一个考评等次（不再扣分）；二.5.3) 考评等次定为差',
    },
  ],
  total: '=targetScore * 0.7 + publicScore * 0.3 + incentive - inspection',
  grading: {
    levels: [
      { code: 'excellent', label: '优秀' },
      { code: 'good', label: '良好' },
      { code: 'fair', label: '一般' },
      { code: 'poor', label: '差' },
    ],
    rules: [
      { level: 'excellent', top: { share: 30, rounding: 'halfUp' } },
      { level: 'fair', minScore: 70, bottom: { count: 3, among: 'all' } },
      { level: 'good', minScore: 70 },
    ],
    otherwise: 'poor',
    rankBy: [{ key: 'targetScore', direction: 'desc' }],
    ties: 'excludeAll',
    results: [
      { level: 'excellent', bonusMonthsOffset: 0, actions: [{ label: '本单位公务员次年度考核优秀等次人数可提高到参加考核总人数的20%' }] },
      { level: 'good', bonusMonthsOffset: -0.5 },
      { level: 'fair', bonusMonthsOffset: -1, actions: [{ label: '由市机关效能建设领导小组对单位进行通报批评' }] },
      {
        level: 'poor',
        actions: [
          { label: '不发放绩效奖' },
          { label: '不得参加“先进基层党组织”“文明单位”等各类先进单位评选，领导班子成员不得参加各类先进个人评选' },
          { label: '通报批评，责成提交书面整改措施，对单位主要领导、分管领导进行诫勉谈话' },
        ],
      },
    ],
    consecutive: [
      {
        code: 'fairThreeYears',
        label: '连续三年考评结果为一般',
        consecutive: 3,
        levels: ['fair'],
        actions: [{ label: '通报批评，责成提交书面整改措施，对单位主要领导、分管领导进行诫勉谈话' }],
      },
    ],
  },
};
