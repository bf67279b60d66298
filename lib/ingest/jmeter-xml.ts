import sax from "sax";
import { IngestError } from "./errors";
import { isTransaction, JmeterCollector } from "./jmeter-common";
import type { ParseContext, TextInput } from "./text-input";
import type { NormalizedRun } from "./types";
import { toNum } from "./values";

interface Frame {
  attrs: Record<string, string>;
  /** "request": counted; "transaction": a Transaction Controller parent; "sub": a sub-result. */
  role: "request" | "transaction" | "sub";
  method: string | null;
  failureMessage: string;
}

const SAMPLE_TAGS = new Set(["sample", "httpSample"]);
const CAPTURE_TAGS = new Set(["failureMessage", "method"]);
const MAX_CAPTURE = 2000;

/**
 * XML JTL (`<testResults>` with `<httpSample>` / `<sample>`), streamed through `sax`.
 * Top-level samples are requests. Samples nested in a Transaction Controller parent are
 * requests too (the parent is a transaction); samples nested in a request (embedded
 * resources, redirects) are sub-results, counted in a warning but not as requests. Only
 * `<failureMessage>` and `<method>` text is kept; response bodies are skipped as they stream.
 */
export async function parseJmeterXml(input: TextInput, ctx: ParseContext): Promise<NormalizedRun> {
  const collector = new JmeterCollector(ctx);
  const parser = sax.parser(true, { trim: false, normalize: false });
  const stack: Frame[] = [];
  let capture: { tag: string; text: string } | null = null;
  const st: { error: Error | null; errorLine: number } = { error: null, errorLine: 0 };
  let subResults = 0;
  let samples = 0;
  let sawRoot = false;

  parser.onerror = (e) => {
    if (!st.error) {
      st.error = e;
      st.errorLine = parser.line + 1;
    }
  };
  parser.onopentag = (tag) => {
    const name = tag.name;
    if (!sawRoot) {
      sawRoot = true;
      if (name !== "testResults" && !st.error) {
        st.error = new Error(`root element is <${name}>, expected <testResults>`);
        st.errorLine = parser.line + 1;
      }
      return;
    }
    if (SAMPLE_TAGS.has(name)) {
      const attrs = tag.attributes as Record<string, string>;
      const parent = stack[stack.length - 1];
      const nested = parent !== undefined;
      let role: Frame["role"] = "request";
      if (isTransaction({ responseMessage: attrs.rm ?? "" })) role = "transaction";
      else if (nested && parent.role !== "transaction") role = "sub";
      stack.push({ attrs, role, method: null, failureMessage: "" });
      return;
    }
    if (stack.length && CAPTURE_TAGS.has(name)) capture = { tag: name, text: "" };
  };
  parser.ontext = (t) => {
    if (capture && capture.text.length < MAX_CAPTURE) capture.text += t;
  };
  parser.oncdata = parser.ontext;
  parser.onclosetag = (name) => {
    const frame = stack[stack.length - 1];
    if (capture && name === capture.tag) {
      if (frame) {
        if (name === "method") frame.method = capture.text.trim() || null;
        else if (!frame.failureMessage) frame.failureMessage = capture.text.trim();
      }
      capture = null;
      return;
    }
    if (!SAMPLE_TAGS.has(name) || !frame) return;
    stack.pop();
    if (frame.role === "sub") {
      subResults++;
      return;
    }
    samples++;
    const a = frame.attrs;
    collector.add(
      {
        tMs: toNum(a.ts),
        elapsedMs: toNum(a.t),
        label: a.lb ?? "(unlabelled)",
        method: frame.method,
        responseCode: a.rc ?? "",
        responseMessage: a.rm ?? "",
        success: (a.s ?? "true").toLowerCase() === "true",
        failureMessage: frame.failureMessage,
        allThreads: toNum(a.na),
      },
      frame.role === "transaction",
    );
  };

  const fail = (e: Error, line: number): never => {
    throw new IngestError({ file: ctx.fileName, line, reason: `invalid XML JTL: ${e.message.split("\n")[0]}` });
  };
  for await (const chunk of input.chunks) {
    parser.write(chunk);
    if (st.error) fail(st.error, st.errorLine);
  }
  const warnings: string[] = [];
  const openSamples = stack.length;
  const lastLine = parser.line + 1;
  parser.close();
  if (st.error) {
    if (samples === 0) fail(st.error, lastLine);
    warnings.push(
      `line ${lastLine}: the XML ends early (truncated file)${openSamples ? `; ${openSamples} incomplete sample element(s) ignored` : ""}`,
    );
  }
  if (!sawRoot) throw new IngestError({ file: ctx.fileName, line: 1, reason: "empty file" });
  if (samples === 0) throw new IngestError({ file: ctx.fileName, line: parser.line + 1, reason: "the JTL has no samples" });
  const run = collector.build("jmeter-xml");
  if (subResults) {
    run.warnings.push(`${subResults} sub-results (embedded resources, redirects) inside samples were not counted as requests`);
  }
  run.warnings.push(...warnings);
  return run;
}
