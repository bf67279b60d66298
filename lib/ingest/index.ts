export { detectFormat, FORMAT_TOOL, isFormatId } from "./detect-format";
export { IngestError, type IngestErrorDetails } from "./errors";
export { parseRun } from "./parse-run";
export { parseRunFiles } from "./parse-run-files";
export { streamFromBuffer } from "./stream-from-buffer";
export { streamFromFile } from "./stream-from-file";
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_ENDPOINTS,
  DEFAULT_MAX_JSON_BYTES,
  DEFAULT_MAX_LINE_BYTES,
  DEFAULT_MAX_SAMPLES,
  type EndpointStats,
  type ErrorKindCount,
  type FormatId,
  type NormalizedRun,
  type ParseOptions,
  type RunFile,
  type RunSample,
  type RunStep,
  type ToolId,
} from "./types";
