import { createHash, randomBytes } from 'node:crypto';
import type { Context, Next } from 'koa';
import { Op } from 'sequelize';
import type { Models } from '../models/index.ts';
import type { SessionUser } from './session-user.ts';
import type { Role } from './roles.ts';

export const SESSION_COOKIE = 'sid';

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** Sessions are stored by the hash of their token, so a leaked database does not hand out logins. */
export function createSessions(models: Models, options: { hours: number; secureCookie: boolean }) {
  async function loadUser(userId: number): Promise<SessionUser | null> {
    const user = await models.User.findOne({ where: { id: userId, active: true }, raw: true });
    if (!user) return null;
    const unit = await models.Unit.findByPk(user.unitId, { raw: true });
    const roles = await models.UserRole.findAll({ where: { userId }, raw: true });
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      unit: { id: user.unitId, name: unit?.name ?? '' },
      roles: roles.map((r) => ({ role: r.role as Role, unitId: r.unitId })),
    };
  }

  return {
    async open(ctx: Context, userId: number) {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + options.hours * 3600_000);
      await models.Session.create({ id: digest(token), userId, expiresAt, createdAt: new Date() });
      ctx.cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: options.secureCookie, expires: expiresAt, overwrite: true });
    },
    async close(ctx: Context) {
      const token = ctx.cookies.get(SESSION_COOKIE);
      if (token) await models.Session.destroy({ where: { id: digest(token) } });
      ctx.cookies.set(SESSION_COOKIE, null, { httpOnly: true, sameSite: 'lax' });
    },
    /** Middleware: puts the logged-in user (or nothing) on ctx.state.user. */
    middleware() {
      return async (ctx: Context, next: Next) => {
        const token = ctx.cookies.get(SESSION_COOKIE);
        if (token) {
          const session = await models.Session.findOne({ where: { id: digest(token), expiresAt: { [Op.gt]: new Date() } }, raw: true });
          if (session) ctx.state.user = await loadUser(session.userId);
        }
        await next();
      };
    },
    loadUser,
  };
}

export type Sessions = ReturnType<typeof createSessions>;
