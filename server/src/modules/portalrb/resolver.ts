import { Arg, Ctx as GqlCtx, Field, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { GraphQLJSON, GraphQLJSONObject } from 'graphql-scalars';
import type { Ctx } from '../../common/context';
import { AnswerLevel } from '../../common/enums';
import { UserRefGql } from '../user/types';
import { userRef } from '../review/types';
import type { PortalRbToken } from './entities';
import { importAnswers } from './import';
import { issueToken, listTokens, revokeToken, tokenScope } from './tokens';

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

const tokenView = (t: PortalRbToken): PortalRbTokenGql => ({
  id: t.id,
  kanwilId: t.kanwil?.id ?? null,
  instansiId: t.instansi?.id ?? null,
  prefix: t.prefix,
  createdBy: userRef(t.createdBy),
  createdAt: t.createdAt,
  revokedAt: t.revokedAt ?? null,
});

@Resolver()
export class PortalRbResolver {
  @Mutation(() => IssuedPortalRbTokenGql, {
    description:
      'ADMIN / KANWIL_HEAD (a Kanwil token) or ADMIN (an instansi token, instansiId): a new PortalRB token for the Kanwil or instansi (existing tokens stay valid)',
  })
  async createPortalRbToken(
    @GqlCtx() ctx: Ctx,
    @Arg('kanwilId', () => Int, { nullable: true }) kanwilId?: number | null,
    @Arg('instansiId', () => Int, { nullable: true }) instansiId?: number | null,
  ): Promise<IssuedPortalRbTokenGql> {
    const r = await issueToken(ctx, tokenScope(kanwilId, instansiId), false);
    return { info: tokenView(r.token), token: r.plaintext, revokedTokenIds: r.revoked };
  }

  @Mutation(() => IssuedPortalRbTokenGql, {
    description:
      'ADMIN / KANWIL_HEAD (a Kanwil token) or ADMIN (an instansi token, instansiId): replace every active PortalRB token of the Kanwil or instansi by a new one',
  })
  async rotatePortalRbToken(
    @GqlCtx() ctx: Ctx,
    @Arg('kanwilId', () => Int, { nullable: true }) kanwilId?: number | null,
    @Arg('instansiId', () => Int, { nullable: true }) instansiId?: number | null,
  ): Promise<IssuedPortalRbTokenGql> {
    const r = await issueToken(ctx, tokenScope(kanwilId, instansiId), true);
    return { info: tokenView(r.token), token: r.plaintext, revokedTokenIds: r.revoked };
  }

  @Mutation(() => PortalRbTokenGql, { description: 'ADMIN / KANWIL_HEAD: revoke one PortalRB token' })
  async revokePortalRbToken(@GqlCtx() ctx: Ctx, @Arg('tokenId', () => Int) tokenId: number): Promise<PortalRbTokenGql> {
    return tokenView(await revokeToken(ctx, tokenId));
  }

  @Query(() => [PortalRbTokenGql], { description: 'The PortalRB tokens of a Kanwil (kanwilId) or of an instansi (instansiId)' })
  async portalRbTokens(
    @GqlCtx() ctx: Ctx,
    @Arg('kanwilId', () => Int, { nullable: true }) kanwilId?: number | null,
    @Arg('instansiId', () => Int, { nullable: true }) instansiId?: number | null,
  ): Promise<PortalRbTokenGql[]> {
    return (await listTokens(ctx, tokenScope(kanwilId, instansiId))).map(tokenView);
  }

  @Mutation(() => ImportReportGql, {
    description:
      'Import a PortalRB jawaban-unit document into the SELF (jawaban_unit, catatan_unit) or TPI (jawaban_tpi, catatan_tpi) level: ' +
      'validated as a whole, all or nothing, under the level’s write rule; returns what changed',
  })
  async importAnswers(
    @GqlCtx() ctx: Ctx,
    @Arg('submissionId', () => Int) submissionId: number,
    @Arg('level', () => AnswerLevel) level: AnswerLevel,
    @Arg('json', () => GraphQLJSONObject) json: Record<string, unknown>,
  ): Promise<ImportReportGql> {
    return importAnswers(ctx, submissionId, level, json);
  }
}
