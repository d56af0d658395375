import { AuditEventsDocument, type AuditEventsQuery, type AuditFilter } from '@/graphql/generated';
import { request } from './client';

export type AuditPage = AuditEventsQuery['auditEvents'];
export type AuditEvent = AuditPage['items'][number];

export async function fetchAudit(filter: AuditFilter | null, page = 1, pageSize = 50): Promise<AuditPage> {
  return (await request(AuditEventsDocument, { filter, page, pageSize })).auditEvents;
}
