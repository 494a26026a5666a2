import { createApp } from "vue";
import App from "./App.vue";
import { createGraphQL, GRAPHQL_KEY } from "./graphql/client";
import { createAppI18n, loadLocaleMessages, persistLocale } from "./i18n";
import { createAppRouter } from "./router";
import "@fontsource-variable/inter";
import "./styles/tokens.css";
import "./styles/base.css";
import "./styles/forms.css";
import "./styles/tables.css";

const i18n = createAppI18n();
persistLocale(i18n.global.locale.value);

const app = createApp(App).provide(GRAPHQL_KEY, createGraphQL()).use(i18n).use(createAppRouter());
// Dutch is part of the app; another stored language's texts arrive first, so the page does not
// flash Dutch. They are cached, so this waits only on the first visit.
void loadLocaleMessages(i18n, i18n.global.locale.value).finally(() => app.mount("#app"));
