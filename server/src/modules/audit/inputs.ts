import { Field, InputType, Int } from 'type-graphql';

/** Filters of the audit trail (jejak audit); every field optional. */
@InputType('AuditFilter')
export class AuditFilter {
  @Field(() => String, { nullable: true })
  objectType?: string | null;
  @Field(() => String, { nullable: true })
  objectId?: string | null;
  @Field(() => Int, { nullable: true })
  satkerId?: number | null;
  @Field(() => Int, { nullable: true })
  kanwilId?: number | null;
  @Field(() => Int, { nullable: true })
  actorId?: number | null;
  @Field(() => String, { nullable: true })
  action?: string | null;
  @Field(() => Date, { nullable: true })
  from?: Date | null;
  @Field(() => Date, { nullable: true })
  to?: Date | null;
}
