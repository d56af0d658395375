import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { setUnauthenticatedHandler } from './api/client';
import { createAppI18n } from './i18n';
import { createAppRouter, redirectToLogin } from './router';
import { watchNaiveAria } from './utils/naive-aria';
import './styles.css';

const app = createApp(App);
const pinia = createPinia();
const i18n = createAppI18n();
const router = createAppRouter();

app.use(pinia);
app.use(i18n);
app.use(router);
setUnauthenticatedHandler(() => redirectToLogin(router));
document.documentElement.lang = i18n.global.locale.value;
app.mount('#app');
watchNaiveAria();
