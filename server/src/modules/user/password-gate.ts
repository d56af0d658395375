import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { Ctx } from '../../common/context';
import { forbidden } from '../../common/errors';
import { RestError } from '../../common/rest-errors';

/** What a user holding a temporary password may still ask: who they are, change it, sign out. */
const ALLOWED = new Set(['me', 'login', 'changePassword', 'logout', '__typename', 'notificationsUnread']);

export const MUST_CHANGE_PASSWORD_MESSAGE = 'Ganti kata sandi sementara Anda terlebih dahulu';

/**
 * A user whose password was set by an admin (temporary) must choose their own before anything else: every other
 * top-level field is refused with FORBIDDEN (`reason: MUST_CHANGE_PASSWORD`) until `changePassword` succeeds.
 */
export function passwordChangeGate(): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (!contextValue.user?.mustChangePassword) return;
          const op = operation as OperationDefinitionNode | null | undefined;
          const fields = (op?.selectionSet.selections ?? []).map((s) => (s.kind === Kind.FIELD ? s.name.value : '*'));
          if (fields.every((f) => ALLOWED.has(f))) return;
          const err = forbidden(MUST_CHANGE_PASSWORD_MESSAGE);
          Object.assign(err.extensions, { reason: 'MUST_CHANGE_PASSWORD', http: { status: 403 } });
          throw err;
        },
      };
    },
  };
}

/**
 * The same gate for REST (evidence, exports, LKE workbook, reports, survey results): the REST context refuses a user
 * holding a temporary password with 403 FORBIDDEN (`reason: MUST_CHANGE_PASSWORD`). Public routes (survey links,
 * PortalRB tokens) do not read the session and are not gated.
 */
export function refuseTemporaryPassword(ctx: Ctx): Ctx {
  if (ctx.user?.mustChangePassword) throw new RestError('FORBIDDEN', MUST_CHANGE_PASSWORD_MESSAGE, { extra: { reason: 'MUST_CHANGE_PASSWORD' } });
  return ctx;
}
