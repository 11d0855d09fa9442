/*
 * The import process: a child process that run-import-process.ts starts for each import, with a
 * heap limit of its own. It reads the uploaded file from stdin as it streams in, then decodes,
 * parses and validates it and sends back a PreparedImport. The web server only passes the body
 * on, so a 50 MB file does not keep it from answering other requests; and whatever a file does
 * to this process (up to running out of memory, which may abort a worker thread's whole process,
 * see run-import-process.ts) ends here.
 * Settings: the environment (IMPORT_CONTENT_TYPE, IMPORT_SIZE_HINT, IMPORT_PAYLOAD). Messages out
 * (IPC): the PreparedImport without its payload; then, for each { type: "next" } in, one part of
 * the payload (null after the last), so neither process ever copies all of it to the other.
 */
import { decodeUpload } from "./decode-upload";
import { type PreparedImport, payloadPart, prepareImport } from "./prepare-import";

export type ImportProcessMessage = { type: "next" };
export type ImportProcessReply = { type: "prepared"; prepared: PreparedImport } | { type: "part"; text: string | null };

const contentType = process.env.IMPORT_CONTENT_TYPE || null;
const sizeHint = Number.parseInt(process.env.IMPORT_SIZE_HINT ?? "0", 10) || 0;
const payload = process.env.IMPORT_PAYLOAD === "true";

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

const send = (reply: ImportProcessReply) => {
  if (!process.send)
    throw new Error("The import process runs with an IPC channel to the web server (see run-import-process.ts)");
  process.send(reply);
};

let json: string | null = null;
let sent = 0;

process.stdin.on("data", (chunk: Buffer) => append(chunk));
process.stdin.on("end", () => {
  if (!buffer) return;
  // In a box the reader empties, and the bytes dropped once decoded: see ImportText.
  const file = { text: decodeUpload(buffer.subarray(0, length), contentType) };
  buffer = null;
  const prepared = prepareImport(file, { payload });
  if (prepared.ok && prepared.payloadJson !== undefined) {
    json = prepared.payloadJson;
    delete prepared.payloadJson;
  }
  send({ type: "prepared", prepared });
});

process.on("message", (message: ImportProcessMessage) => {
  if (message.type !== "next") return;
  const part = json !== null && sent < json.length ? payloadPart(json, sent) : null;
  sent += part?.length ?? 0;
  send({ type: "part", text: part });
});

// The web server ends the import by closing the channel (or killing this process).
process.on("disconnect", () => process.exit(0));
