// The GraphQL shapes of the PortalRB module: bearer tokens (of a Kanwil or an instansi) and the change report of an
// answer import.
import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { AnswerLevel } from '../../common/enums';
import { UserRefGql } from '../user/types';
import { userRef } from '../review/types';
import type { PortalRbToken } from './entities';

@ObjectType('PortalRbToken', { description: 'A PortalRB bearer token of a Kanwil or of an instansi (the plaintext is never shown again)' })
export class PortalRbTokenGql {
  @Field(() => Int)
  id!: number;
  @Field(() => Int, { nullable: true, description: 'The Kanwil the token reads (null: an instansi token)' })
  kanwilId!: number | null;
  @Field(() => Int, { nullable: true, description: 'The instansi whose every Kanwil the token reads (null: a Kanwil token)' })
  instansiId!: number | null;
  @Field({ description: 'First characters of the token' })
  prefix!: string;
  @Field(() => UserRefGql, { nullable: true })
  createdBy!: UserRefGql | null;
  @Field(() => Date)
  createdAt!: Date;
  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;
}

@ObjectType('IssuedPortalRbToken')
export class IssuedPortalRbTokenGql {
  @Field(() => PortalRbTokenGql)
  info!: PortalRbTokenGql;
  @Field({ description: 'The bearer token: shown only now, store it in PortalRB' })
  token!: string;
  @Field(() => [Int], { description: 'Tokens revoked by a rotation' })
  revokedTokenIds!: number[];
}

@ObjectType('ImportChange')
export class ImportChangeGql {
  @Field(() => Int)
  soalId!: number;
  @Field()
  code!: string;
  @Field(() => GraphQLJSON, { nullable: true })
  before!: unknown;
  @Field(() => GraphQLJSON, { nullable: true })
  after!: unknown;
  @Field(() => String, { nullable: true })
  noteBefore!: string | null;
  @Field(() => String, { nullable: true })
  noteAfter!: string | null;
  @Field()
  valueChanged!: boolean;
  @Field()
  noteChanged!: boolean;
}

@ObjectType('ImportReport')
export class ImportReportGql {
  @Field(() => Int)
  submissionId!: number;
  @Field(() => AnswerLevel)
  level!: AnswerLevel;
  @Field(() => Int)
  rows!: number;
  @Field(() => [ImportChangeGql])
  changed!: ImportChangeGql[];
  @Field(() => Int)
  unchangedCount!: number;
  @Field(() => Int)
  valuesChanged!: number;
  @Field(() => Int)
  notesChanged!: number;
}

export const tokenView = (t: PortalRbToken): PortalRbTokenGql => ({
  id: t.id,
  kanwilId: t.kanwil?.id ?? null,
  instansiId: t.instansi?.id ?? null,
  prefix: t.prefix,
  createdBy: userRef(t.createdBy),
  createdAt: t.createdAt,
  revokedAt: t.revokedAt ?? null,
});
