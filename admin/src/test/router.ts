import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';

/** A router with one catch-all blank route: for components that need a router but not the app's guards and pages. */
export function blankRouter() {
  return createRouter({ history: createMemoryHistory(), routes: [{ path: '/:pathMatch(.*)*', component: defineComponent({ render: () => h('div') }) }] });
}
