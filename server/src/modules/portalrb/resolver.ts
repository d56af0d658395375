import { Arg, Ctx as GqlCtx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { Ctx } from '../../common/context';
import { AnswerLevel } from '../../common/enums';
import { importAnswers } from './import';
import { issueToken, listTokens, revokeToken, tokenScope } from './tokens';
import { ImportReportGql, IssuedPortalRbTokenGql, PortalRbTokenGql, tokenView } from './types';

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
    const r = await issueToken(ctx, tokenScope(ctx, kanwilId, instansiId), false);
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
    const r = await issueToken(ctx, tokenScope(ctx, kanwilId, instansiId), true);
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
    return (await listTokens(ctx, tokenScope(ctx, kanwilId, instansiId))).map(tokenView);
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
