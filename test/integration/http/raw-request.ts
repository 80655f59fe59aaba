import http from 'node:http';

export interface RawAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly text: string;
  json<T = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }>(): T;
}

/**
 * One HTTP request with exactly the headers given, none added (fetch would add its own and refuses some a browser
 * sends, such as Origin), so a test can speak as a browser, a preflight or a plain client.
 */
export function rawRequest(url: string, method: string, headers: Record<string, string> = {}, body?: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: () => JSON.parse(text) });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** A JSON POST of one GraphQL operation. */
export function postGraphQL(base: string, query: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return rawRequest(`${base}/graphql`, 'POST', { 'content-type': 'application/json', ...headers }, JSON.stringify({ query }));
}
