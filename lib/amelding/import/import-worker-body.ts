/*
 * The import worker's work, loaded by import-worker.ts once the thread has lowered its priority.
 * The import worker: a worker thread (lib/amelding/import/run-import-worker.ts starts one per
 * import, with a memory limit) that receives the uploaded file as it streams in, then decodes,
 * parses and validates it and posts back a PreparedImport. The web server's event loop only
 * passes chunks along, so a 50 MB file does not keep it from answering other requests.
 * Messages in: { type: "chunk", bytes } …, { type: "end" }, then { type: "next" } for each part
 * of the payload. Messages out: how much it has received after each chunk (so the sender never
 * queues much), the PreparedImport without its payload, then the payload part by part (null
 * after the last), so that neither thread ever copies all of it to the other.
 */
import { parentPort, workerData } from "node:worker_threads";
import { decodeUpload } from "./decode-upload";
import { payloadPart, prepareImport, type PreparedImport } from "./prepare-import";

export type ImportWorkerData = { contentType: string | null; sizeHint: number; payload: boolean };
export type ImportWorkerMessage = { type: "chunk"; bytes: Uint8Array } | { type: "end" } | { type: "next" };
export type ImportWorkerReply =
  | { type: "received"; total: number }
  | { type: "prepared"; prepared: PreparedImport }
  | { type: "part"; text: string | null };

const { contentType, sizeHint, payload } = workerData as ImportWorkerData;


// One buffer, sized from Content-Length when the client sent it, so the file is held once.
let buffer: Uint8Array | null = new Uint8Array(Math.max(sizeHint, 64 * 1024));
let length = 0;

function append(bytes: Uint8Array) {
  if (!buffer) return;
  if (length + bytes.byteLength > buffer.byteLength) {
    const grown = new Uint8Array(Math.max(buffer.byteLength * 2, length + bytes.byteLength));
    grown.set(buffer.subarray(0, length));
    buffer = grown;
  }
  buffer.set(bytes, length);
  length += bytes.byteLength;
}

let json: string | null = null;
let sent = 0;

parentPort!.on("message", (message: ImportWorkerMessage) => {
  if (message.type === "chunk") {
    append(message.bytes);
    parentPort!.postMessage({ type: "received", total: length } satisfies ImportWorkerReply);
    return;
  }
  if (message.type === "next") {
    const part = json !== null && sent < json.length ? payloadPart(json, sent) : null;
    sent += part?.length ?? 0;
    parentPort!.postMessage({ type: "part", text: part } satisfies ImportWorkerReply);
    return;
  }
  // In a box the reader empties, and the bytes dropped once decoded: see ImportText.
  const file = { text: decodeUpload(buffer!.subarray(0, length), contentType) };
  buffer = null;
  const prepared = prepareImport(file, { payload });
  if (prepared.ok && prepared.payloadJson !== undefined) {
    json = prepared.payloadJson;
    delete prepared.payloadJson;
  }
  parentPort!.postMessage({ type: "prepared", prepared } satisfies ImportWorkerReply);
});
