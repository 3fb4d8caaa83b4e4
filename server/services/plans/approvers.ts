import type { Models } from '../../models/index.ts';
import { AppError } from '../../http/errors.ts';

const noSuch = (username: string, zhRole: string, enRole: string) =>
  new AppError(400, 'plan.approver_invalid', `「${username}」不是在职的${zhRole}`, `"${username}" is not an active ${enRole}`);

/** An active user by username, who approves a step of a plan. */
export async function approverNamed(models: Models, username: string): Promise<string> {
  const user = await models.User.findOne({ where: { username, active: true }, raw: true });
  if (!user) throw noSuch(username, '用户', 'user');
  return user.username;
}

/** An active user holding the leader role (领导), who approves as leader in charge (分管领导). */
export async function leaderNamed(models: Models, username: string): Promise<string> {
  const user = await models.User.findOne({ where: { username, active: true }, raw: true });
  const leads = user ? await models.UserRole.count({ where: { userId: user.id, role: 'leader' } }) : 0;
  if (!user || !leads) throw noSuch(username, '领导', 'leader');
  return user.username;
}
