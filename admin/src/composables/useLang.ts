import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { Lang } from '@/utils/format';

export function useLang() {
  const { locale } = useI18n();
  return computed<Lang>(() => (locale.value === 'en' ? 'en' : 'id'));
}
