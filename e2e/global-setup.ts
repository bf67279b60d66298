import fs from "node:fs";
import path from "node:path";

export default function globalSetup() {
  fs.mkdirSync(path.resolve("e2e/screenshots"), { recursive: true });
}
