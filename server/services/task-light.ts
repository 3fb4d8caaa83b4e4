/** A task's light (红黄绿灯) in a cycle overview: red when overdue, yellow when due within this many hours. */
export const DUE_SOON_HOURS = 48;

export type Light = 'red' | 'yellow' | 'green';

export function taskLight(dueDate: Date | null, now: Date): Light {
  if (!dueDate) return 'green';
  const left = dueDate.getTime() - now.getTime();
  if (left < 0) return 'red';
  return left <= DUE_SOON_HOURS * 3600 * 1000 ? 'yellow' : 'green';
}
