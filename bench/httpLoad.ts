import autocannon from 'autocannon';

/** Throughput and latency of one autocannon run against /graphql. */
export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50Millis: number;
  p99Millis: number;
  maxMillis: number;
  /** Connection errors, timeouts and non-2xx answers together, and each on its own. */
  errors: number;
  connectionErrors: number;
  timeouts: number;
  non2xx: number;
}

/**
 * POSTs one GraphQL query from `connections` concurrent clients for `seconds`, over loopback, and stops by itself.
 *
 * @example
 *   await httpLoad('http://127.0.0.1:4000', '{ persona(seed: 1) { fullName } }', 10, 10)
 */
export async function httpLoad(url: string, query: string, connections: number, seconds: number): Promise<LoadResult> {
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    connections,
    duration: seconds,
  });
  return {
    connections,
    seconds,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50Millis: result.latency.p50,
    p99Millis: result.latency.p99,
    maxMillis: result.latency.max,
    errors: result.errors + result.timeouts + result.non2xx,
    connectionErrors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}
