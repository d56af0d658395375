import {
  MarkNotificationsReadDocument,
  NotificationPreferenceDocument,
  NotificationsDocument,
  SetNotificationPreferenceDocument,
  UnreadNotificationCountDocument,
  type NotificationPreferenceInput,
  type NotificationsQuery,
} from '@/graphql/generated';
import { request } from './client';

export type NotificationItem = NotificationsQuery['notifications'][number];

export async function fetchNotifications(limit = 30): Promise<NotificationsQuery> {
  return request(NotificationsDocument, { unreadOnly: null, limit });
}
export async function fetchUnreadCount(): Promise<number> {
  return (await request(UnreadNotificationCountDocument, {})).unreadNotificationCount;
}
export async function markNotificationsRead(ids: number[] | null): Promise<number> {
  return (await request(MarkNotificationsReadDocument, { ids })).markNotificationsRead;
}
export async function fetchNotificationPreference() {
  return (await request(NotificationPreferenceDocument, {})).notificationPreference;
}
export async function saveNotificationPreference(input: NotificationPreferenceInput) {
  return (await request(SetNotificationPreferenceDocument, { input })).setNotificationPreference;
}
