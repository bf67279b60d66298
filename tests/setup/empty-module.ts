// Stands in for "server-only" under Vitest (tests run server code in Node directly).
export {};
