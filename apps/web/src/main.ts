import { createApp } from "vue";
import App from "./App.vue";
import { createGraphQL, GRAPHQL_KEY } from "./graphql/client";
import { createAppI18n, persistLocale } from "./i18n";
import { createAppRouter } from "./router";
import "@fontsource-variable/inter";
import "./styles/tokens.css";
import "./styles/base.css";
import "./styles/forms.css";
import "./styles/tables.css";

const i18n = createAppI18n();
persistLocale(i18n.global.locale.value);

createApp(App).provide(GRAPHQL_KEY, createGraphQL()).use(i18n).use(createAppRouter()).mount("#app");
