import "server-only";
import type { IncomingHttpHeaders } from "node:http";
import type { SandboxApi } from "./types";

/** One request to a reporting API, fully read, as the checks see it. */
export type ApiRequest = {
  api: SandboxApi;
  method: string;
  pathname: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
};
