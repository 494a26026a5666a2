import vue from "@vitejs/plugin-vue";
import { defineConfig } from "vite";

/** Where `npm run dev` forwards API and collaboration traffic: the server's default port. */
const API_SERVER = "http://localhost:4000";

export default defineConfig({
  plugins: [vue()],
  server: {
    proxy: {
      // `ws: true` because subscriptions use the same /graphql path over a websocket.
      "/graphql": { target: API_SERVER, ws: true, changeOrigin: true },
      "/collab": { target: API_SERVER, ws: true, changeOrigin: true },
      "/export": { target: API_SERVER, changeOrigin: true },
    },
  },
  build: {
    rolldownOptions: {
      output: {
        // Views are lazy routes (see router.ts); these groups keep the big libraries in
        // long-cached chunks of their own instead of duplicating them across route chunks.
        codeSplitting: {
          groups: [
            { name: "vue", test: /node_modules[\\/](@vue|vue|vue-router|vue-i18n|@intlify)[\\/]/ },
            // One copy of Yjs for the page and the lazily loaded editor (two copies break documents).
            {
              name: "yjs",
              test: /node_modules[\\/](yjs|y-websocket|y-indexeddb|y-protocols|lib0)[\\/]/,
            },
            {
              name: "graphql",
              test: /node_modules[\\/](@apollo|graphql|graphql-ws|graphql-tag|rxjs|optimism|@wry)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
