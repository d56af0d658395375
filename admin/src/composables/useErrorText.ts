import { useI18n } from 'vue-i18n';
import { errorKey, toApiError } from '@/api/errors';

/** Turns any failure into one human sentence: our message for the code, plus the server's own detail. */
export function useErrorText() {
  const { t } = useI18n();
  return (err: unknown): string => {
    const e = toApiError(err);
    const title = t(errorKey(e.code));
    const detail = e.code === 'NETWORK' || e.code === 'INTERNAL' ? '' : e.message;
    return detail && detail !== title ? `${title} ${t('errors.detail', { detail })}` : title;
  };
}
