import { z } from 'zod';
import { route } from '../http/route-table.ts';
import { AppError } from '../http/errors.ts';
import { verifyPassword } from '../auth/password.ts';
import type { Platform } from '../platform.ts';

export function authRoutes(p: Platform) {
  return [
    route({
      method: 'post',
      path: '/api/auth/login',
      summary: '登录 / log in with username and password',
      tag: 'auth',
      access: 'public',
      body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
      async handle(ctx, { body }) {
        const user = await p.models.User.findOne({ where: { username: body.username, active: true }, raw: true });
        if (!user || !(await verifyPassword(body.password, user.passwordHash))) {
          await p.audit.record({ actor: body.username, action: 'auth.login_failed', target: `user:${body.username}` });
          throw new AppError(401, 'auth.invalid_credentials', '用户名或密码错误', 'Wrong username or password');
        }
        await p.sessions.open(ctx, user.id);
        await p.audit.record({ actor: user.username, action: 'auth.login', target: `user:${user.username}` });
        return { user: await p.sessions.loadUser(user.id) };
      },
    }),
    route({
      method: 'post',
      path: '/api/auth/logout',
      summary: '退出登录 / log out',
      tag: 'auth',
      access: [],
      async handle(ctx) {
        await p.sessions.close(ctx);
        return undefined;
      },
    }),
    route({
      method: 'get',
      path: '/api/me',
      summary: '当前用户 / the logged-in user',
      tag: 'auth',
      access: [],
      async handle(_ctx, { user }) {
        return user;
      },
    }),
  ];
}
