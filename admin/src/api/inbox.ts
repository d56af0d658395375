import { InboxDocument, type InboxQuery } from '@/graphql/generated';
import { request } from './client';

export type InboxEntry = InboxQuery['inbox'][number];

/** What waits for the signed-in user (computed by the server per role and scope). */
export async function fetchInbox(periodId?: number | null): Promise<InboxEntry[]> {
  return (await request(InboxDocument, { periodId: periodId ?? null })).inbox;
}
