import { defineStore } from 'pinia';
import { ref } from 'vue';
import { fetchNotifications, fetchUnreadCount, markNotificationsRead, type NotificationItem } from '@/api/notifications';

/** The bell: unread count (polled), the latest notifications, mark read. */
export const useNotificationsStore = defineStore('notifications', () => {
  const unread = ref(0);
  const items = ref<NotificationItem[]>([]);
  const loading = ref(false);
  const error = ref<unknown>(null);

  async function refreshCount() {
    try {
      unread.value = await fetchUnreadCount();
    } catch {
      /* the next poll tries again; the session guard handles expiry */
    }
  }

  async function load() {
    loading.value = true;
    error.value = null;
    try {
      const d = await fetchNotifications(30);
      items.value = d.notifications;
      unread.value = d.unreadNotificationCount;
    } catch (e) {
      error.value = e;
    } finally {
      loading.value = false;
    }
  }

  async function markRead(ids: number[] | null) {
    await markNotificationsRead(ids);
    const now = new Date().toISOString();
    for (const n of items.value) if (!ids || ids.includes(n.id)) n.readAt ??= now;
    unread.value = ids ? Math.max(0, unread.value - ids.length) : 0;
    void refreshCount();
  }

  return { unread, items, loading, error, refreshCount, load, markRead };
});
