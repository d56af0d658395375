/**
 * Server messages in the user's language: errors are written in Indonesian (the default); for a signed-in user who
 * chose English this plugin rewrites each error message once, centrally, before the response leaves — known
 * messages by pattern, anything else by its code — keeping the Indonesian text in `extensions.messageId`.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Ctx } from './context';
import { translateKnown } from './messages-en';

const BY_CODE: Record<string, string> = {
  UNAUTHENTICATED: 'Please sign in first',
  FORBIDDEN: 'You are not allowed to do this',
  BAD_USER_INPUT: 'The input is not valid',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Changed by someone else; reload and try again',
  INVALID_STATE: 'This is not possible in the assessment’s current status',
  DEADLINE_PASSED: 'The deadline has passed',
  INTERNAL_SERVER_ERROR: 'Something went wrong on the server',
  BAD_REQUEST: 'The request is not valid',
  PAYLOAD_TOO_LARGE: 'The file or request is too large',
  UNSUPPORTED_MEDIA_TYPE: 'This kind of file is not accepted',
  RATE_LIMITED: 'Too many requests; try again later',
  UNAVAILABLE: 'The service is unavailable',
};

/** The English text of a server message (pattern, else by code with the Indonesian detail). */
export function toEnglish(message: string, code: string | undefined): string {
  const known = translateKnown(message);
  if (known !== null) return known;
  const generic = code ? BY_CODE[code] : undefined;
  return generic ? `${generic} (${message})` : message;
}

export function errorLanguagePlugin(): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (contextValue?.user?.locale !== 'en' || response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (!errors?.length) return;
          response.body.singleResult.errors = errors.map((e) => ({
            ...e,
            message: toEnglish(e.message, e.extensions?.code as string | undefined),
            extensions: { ...e.extensions, messageId: e.message },
          }));
        },
      };
    },
  };
}
