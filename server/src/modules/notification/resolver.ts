import { Arg, Ctx as GqlCtx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Ctx } from '../../common/context';
import { markRead, myNotifications, preferenceOf, setPreference, unreadCount } from './service';
import { NotificationGql, NotificationPreferenceGql, NotificationPreferenceInput, notificationView } from './types';

@Resolver()
export class NotificationResolver {
  @Query(() => [NotificationGql], { description: 'The signed-in user’s notifications, newest first' })
  async notifications(
    @GqlCtx() ctx: Ctx,
    @Arg('unreadOnly', () => Boolean, { nullable: true }) unreadOnly?: boolean | null,
    @Arg('limit', () => Int, { nullable: true, description: '1–100, default 30' }) limit?: number | null,
  ): Promise<NotificationGql[]> {
    return (await myNotifications(ctx, { unreadOnly, limit })).map(notificationView);
  }

  @Query(() => Int, { description: 'Unread notifications of the signed-in user (the bell’s badge)' })
  unreadNotificationCount(@GqlCtx() ctx: Ctx): Promise<number> {
    return unreadCount(ctx);
  }

  @Mutation(() => Int, { description: 'Marks the given (or, without ids, all) own notifications read; returns how many changed' })
  markNotificationsRead(@GqlCtx() ctx: Ctx, @Arg('ids', () => [Int], { nullable: true }) ids?: number[] | null): Promise<number> {
    return markRead(ctx, ids ?? null);
  }

  @Query(() => NotificationPreferenceGql)
  notificationPreference(@GqlCtx() ctx: Ctx): Promise<NotificationPreferenceGql> {
    return preferenceOf(ctx);
  }

  @Mutation(() => NotificationPreferenceGql, { description: 'The signed-in user’s choice: e-mail, reminders' })
  setNotificationPreference(
    @GqlCtx() ctx: Ctx,
    @Arg('input', () => NotificationPreferenceInput) input: NotificationPreferenceInput,
  ): Promise<NotificationPreferenceGql> {
    return setPreference(ctx, input);
  }
}
