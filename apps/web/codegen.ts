import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * GraphQL Code Generator: typed documents for every operation in `src`, from the server's
 * committed schema. Run by `npm run codegen` and before every build and typecheck; the output
 * is committed, and a test fails when it is not current.
 */
const config: CodegenConfig = {
  schema: "../server/schema.graphql",
  documents: ["src/**/*.{ts,vue}", "!src/graphql/generated/**"],
  ignoreNoDocuments: false,
  generates: {
    "src/graphql/generated/": {
      preset: "client",
      // Components receive plain objects; see docs/decisions/0xx-graphql-client-types.md.
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTimeISO: "string", ID: "string" },
        enumType: "string-literal",
        useTypeImports: true,
        // Types only as strict as the schema: `T | null` for a nullable field, never optional.
        avoidOptionals: true,
      },
    },
  },
};

export default config;
