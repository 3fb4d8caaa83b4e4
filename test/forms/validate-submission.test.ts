import { describe, it, expect } from 'vitest';
import { shippedForms } from '../../forms/shipped-forms.ts';
import { validateSubmission } from '../../forms/validate-submission.ts';

const form = (key: string) => shippedForms().find((f) => f.formKey === key)!.form;
const item = { source: '岗位职责', description: '完成公文流转', selfRating: '好' };

describe('server-side validation of the shipped Form.io forms (@formio/core)', () => {
  it('accepts a valid declaration and drops unknown and read-only keys', () => {
    const result = validateSubmission(form('achievement-declaration'), { items: [item], hacked: 1, reviewComment: '我自己写的' });
    expect(result).toEqual({ ok: true, data: { items: [item] } });
  });

  it.each([
    [{ items: Array(6).fill(item) }, 'items', '「工作实绩（不超过 5 项）」最多 5 项，提交了 6 项'],
    [{ items: [] }, 'items', '「工作实绩（不超过 5 项）」为必填项'],
    [{ items: [{ ...item, description: '' }] }, 'items[0].description', '「工作实绩」为必填项'],
    [{ items: [{ ...item, source: '编造的来源' }] }, 'items[0].source', '「任务来源」只能从给定选项中选择'],
  ])('refuses %j', (data, path, zh) => {
    const result = validateSubmission(form('achievement-declaration'), data);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toContainEqual(expect.objectContaining({ path, zh }));
  });

  it('takes an optional list that starts empty and was left out as empty, not as one blank row', () => {
    const result = validateSubmission(form('unit-verification'), { verificationDecision: 'return', verificationComment: '请补充证明材料' });
    expect(result.ok && result.data).toMatchObject({ correctedCommendations: [], vetoes: [] });
    const veto = { code: 'safetyAccident', note: '发生较大安全生产责任事故' };
    expect(validateSubmission(form('unit-verification'), { verificationDecision: 'confirm', verificationComment: '核实', vetoes: [veto] })).toMatchObject({ ok: true, data: { vetoes: [veto] } });
    const made = validateSubmission(form('unit-verification'), { verificationDecision: 'confirm', verificationComment: '核实', vetoes: [{ ...veto, code: 'invented' }] });
    expect(!made.ok && made.errors.map((e) => e.path)).toContain('vetoes[0].code');
  });

  it('requires a comment when the supervisor sends a declaration back', () => {
    const shown = { items: [item] };
    const review = form('achievement-review');
    const back = validateSubmission(review, { supervisorRating: '好', decision: 'return' }, shown);
    expect(!back.ok && back.errors).toContainEqual(expect.objectContaining({ path: 'reviewComment', zh: '退回时必须填写意见' }));
    expect(validateSubmission(review, { supervisorRating: '好', decision: 'return', reviewComment: '请补充' }, shown).ok).toBe(true);
    expect(validateSubmission(review, { supervisorRating: '好', decision: 'approve', items: [] }, shown)).toEqual({
      ok: true,
      data: { supervisorRating: '好', decision: 'approve' },
    });
  });
});
