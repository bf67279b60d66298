import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ["node_modules/**", ".next/**", ".next-*/**", "generated/**", ".launchgate*/**", "test-results*/**", "test-results/**", "playwright-report/**", "bench/out/**", "next-env.d.ts"],
  },
  {
    // The domain stays pure: no database, framework or server code in lib/domain.
    files: ["lib/domain/**/*.ts"],
    ignores: ["lib/domain/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@prisma/*", "**/generated/**", "@/generated/*"], message: "lib/domain is pure: no Prisma." },
            { group: ["next", "next/*", "next-auth", "next-auth/*"], message: "lib/domain is pure: no Next.js." },
            { group: ["react", "react-dom", "react/*"], message: "lib/domain is pure: no React." },
            { group: ["@/lib/server/*", "**/lib/server/**", "../server/*"], message: "lib/domain is pure: no server code." },
            { group: ["node:fs", "fs", "pg"], message: "lib/domain is pure: no I/O." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/ingest/**/*.ts"],
    ignores: ["lib/ingest/**/*.test.ts", "lib/ingest/stream-from-file.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@prisma/*", "**/generated/**", "next", "next/*", "react", "@/lib/server/*"], message: "lib/ingest parsers are pure." }] },
      ],
    },
  },
];

export default config;
