import type http from 'node:http';
import bodyParser from 'body-parser';

/** Reads a request's JSON body (undefined when it has none or is not JSON); rejects with body-parser's typed errors. */
export type JsonBodyReader = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<unknown>;

/** body-parser's JSON reading (size limit, charset, strict objects/arrays) without a framework around it. */
export function jsonBodyReader(limitBytes: number): JsonBodyReader {
  const parse = bodyParser.json({ limit: limitBytes });
  return (req, res) =>
    new Promise((resolve, reject) => {
      parse(req, res, (error?: unknown) => (error ? reject(error) : resolve((req as { body?: unknown }).body)));
    });
}
