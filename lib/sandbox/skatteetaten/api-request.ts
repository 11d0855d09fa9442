import "server-only";
import type { IncomingHttpHeaders } from "node:http";
import type { ErrorSurface } from "./api-error-codes";
import type { SandboxApi } from "./types";

/** One request to a reporting API, fully read, as the checks see it. */
export type ApiRequest = {
  api: SandboxApi;
  /** Whose code table the answers use: the A-melding file-upload API has its own. */
  surface: ErrorSurface;
  method: string;
  pathname: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
};
