import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { UserRefGql } from '../user/types';
import type { AuditEvent } from './entities';

@ObjectType('AuditEvent')
export class AuditEventGql {
  @Field(() => Int)
  id!: number;
  @Field(() => UserRefGql, { nullable: true })
  actor!: UserRefGql | null;
  @Field()
  action!: string;
  @Field()
  objectType!: string;
  @Field()
  objectId!: string;
  @Field(() => Int, { nullable: true })
  kanwilId!: number | null;
  @Field(() => Int, { nullable: true })
  satkerId!: number | null;
  @Field(() => GraphQLJSON, { nullable: true })
  before!: unknown;
  @Field(() => GraphQLJSON, { nullable: true })
  after!: unknown;
  @Field(() => String, { nullable: true })
  reason!: string | null;
  @Field(() => Date)
  at!: Date;
}

@ObjectType('AuditPage')
export class AuditPageGql {
  @Field(() => [AuditEventGql])
  items!: AuditEventGql[];
  @Field(() => Int)
  total!: number;
  @Field(() => Int)
  page!: number;
  @Field(() => Int)
  pageSize!: number;
}

export const auditEventView = (e: AuditEvent): AuditEventGql => ({
  id: e.id,
  actor: e.actor ? { id: e.actor.id, username: e.actor.username, displayName: e.actor.displayName } : null,
  action: e.action,
  objectType: e.objectType,
  objectId: e.objectId,
  kanwilId: e.kanwilId ?? null,
  satkerId: e.satkerId ?? null,
  before: e.before ?? null,
  after: e.after ?? null,
  reason: e.reason ?? null,
  at: e.at,
});
