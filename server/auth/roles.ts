/** Roles from DOMAIN.md "Who uses it"; each is held within a unit subtree. */
export const ROLES = {
  admin: { zh: '系统管理员', en: 'Platform admin' },
  office: { zh: '绩效办', en: 'Performance office' },
  unit_admin: { zh: '单位管理员', en: 'Unit admin' },
  leader: { zh: '领导', en: 'Leader' },
  supervisor: { zh: '科室负责人', en: 'Supervisor' },
  staff: { zh: '工作人员', en: 'Staff' },
  inspector: { zh: '纪检', en: 'Discipline inspection' },
  public: { zh: '服务对象', en: 'Service object' },
} as const;

export type Role = keyof typeof ROLES;

/** Roles that manage flows, forms and cycles for their unit subtree. */
export const MANAGERS: Role[] = ['admin', 'office', 'unit_admin'];
