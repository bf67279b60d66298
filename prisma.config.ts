import { defineConfig } from "prisma/config";

// The URL lives here, not in the schema (Prisma 7). `npm start` sets DATABASE_URL for the
// embedded database; the CLI's migrate commands need it set explicitly.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
