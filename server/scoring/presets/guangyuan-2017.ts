/**
 * 002 《广元市交通运输目标绩效管理办法》(2017): units (县区交通运输局 / 局直属单位 / 局机关科室) on 200 points.
 * 第九条 completion with at most 10 % over-achievement; 第十条 局领导综合评价; 第十一条 bonuses (cap 20, same
 * work once), deductions (double when the bureau lost points), provincial rank (baseline 11th of 21, 0.2 per
 * place, for 局直属单位 and 局机关科室), one-vote veto (−5 each, no 先进); 第十二条 top 4 of the category
 * 先进, below 150 不合格; 第十三、十四条 consequences.
 */
import type { RuleSet } from '../rule-set.ts';

const COUNTY = '县区交通运输局';
const AFFILIATED = '局直属单位';
const OFFICE = '局机关科室';
const UNITS_AND_OFFICES = [AFFILIATED, OFFICE];

const leaderScale = (top: number, good: number) => [
  { label: '优', value: top },
  { label: '良', value: good },
  { label: '合格', value: 0 },
  { label: '较差', value: -good },
  { label: '差', value: -top },
];

const veto = (code: string, label: string) => ({ code, label, deduct: 5, effect: 'barTopGrade' as const });

export const guangyuan2017: RuleSet = {
  id: 'guangyuan-2017',
  name: '广元市交通运输目标绩效考核（2017）',
  version: 1,
  source: '002 广元市交通运输局《广元市交通运输目标绩效管理办法》第九条至第十四条',
  subjectKind: 'unit',
  postCategories: [COUNTY, AFFILIATED, OFFICE],
  categories: [COUNTY, AFFILIATED, OFFICE],
  indicators: [
    {
      key: 'initial',
      name: '初步考核得分',
      points: 200,
      method: { type: 'completion', overAchievementCap: 10, declaredItems: true },
      note: '第九条：总分200分，各单位年度目标绩效指标逐项按完成率计分，超额加分不超过该项分值的10%',
    },
    {
      key: 'leaderEvaluation',
      name: '局领导综合评价',
      method: {
        type: 'leaderVotes',
        roles: [
          { code: 'director', label: '局长', maxVotes: 1, values: leaderScale(5, 2.5) },
          { code: 'leader', label: '其他局领导', values: leaderScale(1, 0.5) },
        ],
      },
      note: '第十条（二）',
    },
    {
      key: 'specialBonus',
      name: '特殊情况加分',
      method: {
        type: 'bonusItems',
        oncePerWork: true,
        cap: 20,
        items: [
          { code: 'national', label: '中共中央、全国人大常委会、国务院、全国政协通报表扬', points: 10 },
          { code: 'provincial', label: '省委、省人大常委会、省政府、省政协、交通运输部通报表扬或部、省领导肯定性批示', points: 5 },
          { code: 'municipal', label: '市委、市人大常委会、市政府、市政协、省交通运输厅通报表扬或市、厅领导肯定性批示', points: 1 },
          { code: 'departmentFirst', label: '省厅直属各局和市级部门通报表扬一等奖', points: 0.5 },
          { code: 'departmentSecond', label: '省厅直属各局和市级部门通报表扬二等奖', points: 0.3 },
          { code: 'departmentThird', label: '省厅直属各局和市级部门通报表扬三等奖', points: 0.2 },
          { code: 'specialContribution', label: '特殊贡献（局目标绩效办酌情加分）', maxPoints: 20 },
        ],
      },
      note: '第十一条（一）：同一项工作不重复加分，加分最高不超过20分',
    },
    {
      key: 'specialDeduction',
      name: '特殊情况扣分',
      method: {
        type: 'deductions',
        items: [
          { code: 'criticismProvincial', label: '交通运输部和省委、省政府通报批评', points: 5 },
          { code: 'criticismMunicipal', label: '市委、市政府和省交通运输厅通报批评', points: 1 },
          { code: 'criticismOther', label: '其他部门（单位）通报批评', points: 0.5 },
          { code: 'mediaCentral', label: '中央级媒体曝光', points: 3 },
          { code: 'mediaProvincial', label: '省级媒体曝光', points: 2 },
          { code: 'mediaMunicipal', label: '市级媒体曝光', points: 1 },
        ],
        multipliers: [{ code: 'bureauPenalised', label: '市交通运输局因该项工作在考核中被扣分，双倍扣分', factor: 2 }],
      },
      note: '第十一条（二）',
    },
    {
      key: 'provincialRank',
      name: '全省排位加扣分',
      method: { type: 'rankAdjustment', baseline: 11, of: 21, perPlace: 0.2 },
      variants: { [COUNTY]: { omit: true } },
      note: '第十一条（三）：局直属单位、局机关科室承担的主要工作在全省21个市（州）排位，以第11名为基准',
    },
    {
      key: 'veto',
      name: '一票否决',
      method: {
        type: 'vetoes',
        events: [
          veto('safetyAccident', '发生重特大安全生产责任事故'),
          veto('leadershipDiscipline', '主要负责人或班子成员被纪律处分或追究刑事责任'),
          veto('povertyTarget', '未完成脱贫攻坚年度目标任务'),
          veto('investmentTarget', '未完成固定资产投资和资金争取目标任务'),
          veto('provincialDeduction', '承担的工作在省委省政府对市委市政府的考核中扣分'),
          veto('stability', '维稳综治工作出现重大责任事件'),
          veto('pollution', '发生重大环境污染责任事故'),
        ],
      },
      note: '第十一条（四）：每发生一起扣5分，并取消评优资格',
    },
  ],
  total: '=initial + leaderEvaluation + specialBonus - specialDeduction + provincialRank - veto',
  grading: {
    levels: [
      { code: 'advanced', label: '先进' },
      { code: 'pass', label: '合格' },
      { code: 'fail', label: '不合格' },
    ],
    rules: [
      { level: 'fail', belowScore: 150 },
      { level: 'advanced', top: { count: 4, among: 'all' } },
    ],
    otherwise: 'pass',
    rankBy: [{ key: 'initial', direction: 'desc' }],
    ties: 'excludeAll',
    labels: [{ code: 'last', label: '同类最后一位', bottom: { count: 1, ties: 'includeAll' } }],
    results: [
      {
        level: 'advanced',
        actions: [
          { label: '次年在项目和资金安排上给予倾斜', categories: [COUNTY] },
          { label: '主要负责人、负责人优先提拔重用，或建议有关部门提拔重用', categories: UNITS_AND_OFFICES },
        ],
      },
      {
        level: 'fail',
        actions: [
          { label: '次年减少项目和资金安排', categories: [COUNTY] },
          { label: '作出书面检查，主要负责人取消当年考核优秀等次资格，对主要负责人谈话诫勉', categories: UNITS_AND_OFFICES },
        ],
      },
    ],
    consecutive: [
      {
        code: 'failTwice',
        label: '连续两次考核为不合格',
        consecutive: 2,
        levels: ['fail'],
        actions: [
          { label: '建议省交通运输厅纳入负责清单管理', categories: [COUNTY] },
          { label: '责令（或建议有关部门责令）主要负责人引咎辞职', categories: UNITS_AND_OFFICES },
        ],
      },
      {
        code: 'lastTwice',
        label: '连续两年在同类目标绩效考核排最后一位',
        consecutive: 2,
        labels: ['last'],
        actions: [{ label: '作出书面检查，主要负责人取消当年考核优秀等次资格，对主要负责人谈话诫勉', categories: UNITS_AND_OFFICES }],
      },
    ],
  },
};
