import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import vue from "@vitejs/plugin-vue";
import { defineConfig, type Plugin } from "vite";

/**
 * The 70 % meter's speech model, its audio worklet and onnxruntime's WebAssembly, served by the
 * app itself under /talk-vad/ (docs/TALK-METER.md): copied from their npm packages into the
 * build, and served from node_modules by `npm run dev`. Nothing is fetched from elsewhere.
 */
function talkVadAssets(): Plugin {
  const require = createRequire(import.meta.url);
  const vadDist = path.dirname(require.resolve("@ricky0123/vad-web/dist/index.js"));
  const ortDist = path.dirname(require.resolve("onnxruntime-web/wasm"));
  const files: Record<string, string> = {
    "silero_vad_v5.onnx": path.join(vadDist, "silero_vad_v5.onnx"),
    "vad.worklet.bundle.min.js": path.join(vadDist, "vad.worklet.bundle.min.js"),
    "ort-wasm-simd-threaded.wasm": path.join(ortDist, "ort-wasm-simd-threaded.wasm"),
    "ort-wasm-simd-threaded.mjs": path.join(ortDist, "ort-wasm-simd-threaded.mjs"),
  };
  const types: Record<string, string> = {
    ".onnx": "application/octet-stream",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".wasm": "application/wasm",
  };
  return {
    name: "driehoek-talk-vad-assets",
    configureServer(server) {
      server.middlewares.use("/talk-vad", (req, res, next) => {
        const file = files[(req.url ?? "").replace(/^\//, "").split("?")[0] ?? ""];
        if (!file) return next();
        res.setHeader("Content-Type", types[path.extname(file)] ?? "application/octet-stream");
        fs.createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const [name, file] of Object.entries(files)) {
        this.emitFile({
          type: "asset",
          fileName: `talk-vad/${name}`,
          source: fs.readFileSync(file),
        });
      }
    },
  };
}

/** Where `npm run dev` forwards API and collaboration traffic: the server's default port. */
const API_SERVER = "http://localhost:4000";

export default defineConfig({
  plugins: [vue(), talkVadAssets()],
  server: {
    proxy: {
      // `ws: true` because subscriptions use the same /graphql path over a websocket.
      "/graphql": { target: API_SERVER, ws: true, changeOrigin: true },
      "/collab": { target: API_SERVER, ws: true, changeOrigin: true },
      "/export": { target: API_SERVER, changeOrigin: true },
    },
  },
  build: {
    // The server reads it to preload a deep-linked page's chunks with the entry (web/route-preload.ts).
    manifest: true,
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
