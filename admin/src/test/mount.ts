import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import type { Component } from 'vue';
import type { Router } from 'vue-router';
import { createAppI18n, type Lang } from '@/i18n';
import { blankRouter } from './router';

/**
 * Mounts a component with the app's plugins (Pinia, i18n, a router). The default router is blank: the app's own
 * routes run the session guard (a request) and lazy-load pages that may arrive after the test has finished.
 */
export function mountWithApp<C extends Component>(
  component: C,
  options: ComponentMountingOptions<C> & { lang?: Lang; router?: Router; pinia?: Pinia; installPinia?: boolean } = {},
) {
  const pinia = options.pinia ?? createPinia();
  setActivePinia(pinia);
  const i18n = createAppI18n(options.lang ?? 'id');
  const router = options.router ?? blankRouter();
  const { global, lang: _lang, router: _router, pinia: _pinia, installPinia, ...rest } = options;
  const wrapper = mount(component as never, {
    ...(rest as object),
    attachTo: document.body,
    global: { ...global, plugins: [...(installPinia === false ? [] : [pinia]), i18n, router, ...(global?.plugins ?? [])] },
  });
  return { wrapper, router, i18n, pinia };
}
