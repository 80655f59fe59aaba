import http from 'node:http';

/**
 * One connection kept alive for the one-client-at-a-time timings. node:http rather than fetch: on this 2-core VM
 * fetch (undici's WHATWG streams) added 0.5-1 ms of client-side work to every request (`{ __typename }`: 1.5-2.2 ms
 * against 0.95-1.06 ms), which is neither server's cost; autocannon, used for throughput, speaks plain HTTP too.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** POSTs a GraphQL query; resolves with the parsed body and the server's `x-db-round-trips` header. */
export function postGraphQL(
  url: string,
  query: string,
  options: { variables?: Record<string, unknown>; authorization?: string } = {},
): Promise<{ status: number; body: unknown; roundTrips: number }> {
  const payload = JSON.stringify({ query, variables: options.variables });
  const auth: Record<string, string> = options.authorization ? { authorization: options.authorization } : {};
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...auth } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        try {
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')), roundTrips: Number(response.headers['x-db-round-trips'] ?? NaN) });
        } catch (error) {
          reject(error);
        }
      });
    });
    request.on('error', reject);
    request.end(payload);
  });
}
