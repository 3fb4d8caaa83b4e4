import type { Role } from '../auth/roles.ts';

/** The demo org tree (DOMAIN.md): a city bureau with two county bureaus and three departments. */
export const DEMO_UNITS = [
  { code: 'city', name: '市交通运输局', parent: null, category: '市局', head: 'director' },
  { code: 'city-office', name: '办公室', parent: 'city', category: '局机关科室' },
  { code: 'city-planning', name: '综合规划科', parent: 'city', category: '局机关科室' },
  { code: 'city-construction', name: '建设管理科', parent: 'city', category: '局机关科室' },
  { code: 'county-a', name: '甲县交通运输局', parent: 'city', category: '县区交通运输局' },
  { code: 'county-b', name: '乙县交通运输局', parent: 'city', category: '县区交通运输局' },
] as const;

type UnitCode = (typeof DEMO_UNITS)[number]['code'];

export interface DemoUser {
  username: string;
  displayName: string;
  unit: UnitCode;
  roles: Array<[Role, UnitCode]>;
  supervisor?: string;
  leaderInCharge?: string;
  postCategory?: string;
}

/** Every role of DOMAIN.md "Who uses it", one password for the demo. */
export const DEMO_PASSWORD = 'demo1234';

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '王管理', unit: 'city', roles: [['admin', 'city']] },
  { username: 'jxb', displayName: '李绩效', unit: 'city', roles: [['office', 'city']] },
  { username: 'director', displayName: '赵局长', unit: 'city', roles: [['leader', 'city']] },
  { username: 'fgld', displayName: '钱分管', unit: 'city', roles: [['leader', 'city']] },
  { username: 'kz_office', displayName: '周科长', unit: 'city-office', roles: [['supervisor', 'city-office']], leaderInCharge: 'fgld' },
  { username: 'zhangsan', displayName: '张三', unit: 'city-office', roles: [['staff', 'city-office']], supervisor: 'kz_office', leaderInCharge: 'fgld', postCategory: '综合管理' },
  { username: 'lisi', displayName: '李四', unit: 'city-office', roles: [['staff', 'city-office']], supervisor: 'kz_office', leaderInCharge: 'fgld', postCategory: '综合管理' },
  { username: 'kz_plan', displayName: '吴科长', unit: 'city-planning', roles: [['supervisor', 'city-planning']], leaderInCharge: 'fgld' },
  { username: 'wangwu', displayName: '王五', unit: 'city-planning', roles: [['staff', 'city-planning']], supervisor: 'kz_plan', leaderInCharge: 'fgld', postCategory: '专业技术' },
  { username: 'county_a_admin', displayName: '孙管理', unit: 'county-a', roles: [['unit_admin', 'county-a']] },
  { username: 'jijian', displayName: '郑纪检', unit: 'city', roles: [['inspector', 'city']] },
  { username: 'gongzhong', displayName: '冯群众', unit: 'city', roles: [['public', 'city']] },
];

/** The ready demo cycle: this quarter's achievement declaration (平时考核) for every staff member. */
export const DEMO_CYCLE = { name: '2026年第四季度平时考核', kind: 'quarterly' as const, period: '2026-Q4', processId: 'quarterly-declaration', ruleSet: 'chengdu-2024' };

/** The annual cycle through all five stages, left as a draft for the office to launch (考核周期 → 发起). */
export const DEMO_ANNUAL_CYCLE = { name: '2026年度个人绩效考核', kind: 'annual' as const, period: '2026', processId: 'performance-cycle', ruleSet: 'civil-servant-model' };
