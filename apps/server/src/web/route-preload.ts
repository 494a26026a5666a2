import fs from "node:fs";
import path from "node:path";

/** One entry of Vite's build manifest (`dist/.vite/manifest.json`). */
interface ManifestChunk {
  file: string;
  imports?: string[];
}

/**
 * The pages whose code the browser should fetch together with the app's entry instead of after
 * it has run: path pattern → the view's source file, as the manifest names it. A phone opening
 * a conversation over 4G saves the round trips of discovering the view's chunks one by one.
 */
const ROUTE_VIEWS: [RegExp, string][] = [
  [/^\/gesprek\/[^/]+\/?$/, "src/views/ConversationView.vue"],
];

/**
 * Reads the build manifest once and returns, per request path, index.html with
 * `<link rel="modulepreload">` for that page's view and everything it
 * imports statically. Without a manifest (an older build) every path gets index.html unchanged.
 */
export function routePreloads(dist: string): (pathname: string) => string {
  const html = fs.readFileSync(path.join(dist, "index.html"), "utf8");
  const manifestFile = path.join(dist, ".vite", "manifest.json");
  if (!fs.existsSync(manifestFile)) return () => html;
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Record<
    string,
    ManifestChunk
  >;
  const pages = ROUTE_VIEWS.map(([pattern, view]): [RegExp, string] => {
    const links = linksFor(manifest, view).filter((href) => !html.includes(href));
    const tags = links
      .map((href) => `<link rel="modulepreload" crossorigin href="${href}">`)
      .join("");
    return [pattern, tags ? html.replace("</head>", `${tags}</head>`) : html];
  });
  return (pathname) => pages.find(([pattern]) => pattern.test(pathname))?.[1] ?? html;
}

/** The view's chunk and its static imports, depth first, each once. */
function linksFor(manifest: Record<string, ManifestChunk>, key: string): string[] {
  const seen = new Set<string>();
  const links: string[] = [];
  const visit = (name: string) => {
    const chunk = manifest[name];
    if (!chunk || seen.has(name)) return;
    seen.add(name);
    links.push(`/${chunk.file}`);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(key);
  return links;
}
