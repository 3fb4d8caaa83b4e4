import type { Transaction } from 'sequelize';
import type { Models } from '../models/index.ts';
import type { SessionUser } from '../auth/session-user.ts';
import { isoDate } from '../http/iso-date.ts';
import { notFound } from '../http/errors.ts';

export interface Notice {
  kind: string;
  zh: string;
  en: string;
  link?: string;
}

/** Notices for one person (消息): written in the transaction of what they tell, read and marked read by that person only. */
export function createNotifications(models: Models) {
  return {
    async send(userId: number, notice: Notice, transaction?: Transaction) {
      await models.Notification.create({ userId, kind: notice.kind, zh: notice.zh, en: notice.en, link: notice.link ?? null, createdAt: new Date(), readAt: null }, { transaction });
    },

    async list(user: SessionUser) {
      const rows = await models.Notification.findAll({ where: { userId: user.id }, order: [['id', 'DESC']], limit: 200, raw: true });
      return rows.map((n) => ({ id: n.id, kind: n.kind, zh: n.zh, en: n.en, link: n.link, createdAt: isoDate(n.createdAt), readAt: isoDate(n.readAt) }));
    },

    async markRead(id: number, user: SessionUser) {
      const [updated] = await models.Notification.update({ readAt: new Date() }, { where: { id, userId: user.id } });
      if (updated !== 1) throw notFound('notification', '消息');
      return { id, read: true };
    },
  };
}

export type Notifications = ReturnType<typeof createNotifications>;
