import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@/api/notifications', () => ({ fetchNotifications: vi.fn(), fetchUnreadCount: vi.fn(), markNotificationsRead: vi.fn() }));
import * as api from '@/api/notifications';
import { useNotificationsStore } from './notifications';

const item = (id: number, readAt: string | null = null) => ({
  id,
  kind: 'NOTE',
  title: `T${id}`,
  body: 'b',
  path: '/x',
  submissionId: 1,
  createdAt: '2026-12-01T00:00:00Z',
  readAt,
});

describe('useNotificationsStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.mocked(api.fetchNotifications).mockResolvedValue({
      notifications: [item(1), item(2), item(3, '2026-12-01T01:00:00Z')],
      unreadNotificationCount: 2,
    } as never);
    vi.mocked(api.markNotificationsRead).mockResolvedValue(1);
    vi.mocked(api.fetchUnreadCount).mockResolvedValue(1);
  });

  it('loads the list with the unread count, and marks one read', async () => {
    const s = useNotificationsStore();
    await s.load();
    expect(s.unread).toBe(2);
    await s.markRead([1]);
    expect(api.markNotificationsRead).toHaveBeenCalledWith([1]);
    expect(s.items.find((n) => n.id === 1)!.readAt).toBeTruthy();
    expect(s.items.find((n) => n.id === 2)!.readAt).toBeNull();
    expect(s.unread).toBe(1);
  });

  it('marks all read', async () => {
    const s = useNotificationsStore();
    await s.load();
    vi.mocked(api.fetchUnreadCount).mockResolvedValue(0);
    await s.markRead(null);
    expect(api.markNotificationsRead).toHaveBeenCalledWith(null);
    expect(s.items.every((n) => n.readAt)).toBe(true);
    expect(s.unread).toBe(0);
  });
});
