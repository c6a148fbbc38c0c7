/** InfluxQL over the 1.x HTTP API: what the bench needs to set up databases and count landed points. */
export async function influxQuery(url: string, q: string, db?: string): Promise<unknown> {
  const params = new URLSearchParams({ q, ...(db ? { db } : {}) });
  const response = await fetch(`${url}/query?${params.toString()}`, { method: 'POST' });
  if (!response.ok) throw new Error(`InfluxQL '${q}' answered ${response.status}: ${await response.text()}`);
  return response.json();
}

interface QueryResult {
  readonly results?: readonly {
    readonly series?: readonly { readonly values?: readonly (readonly unknown[])[] }[];
  }[];
}

/** Points in `measurement` of `db` (`SELECT count(value)`); 0 while it has none. */
export async function countPoints(url: string, db: string, measurement = 'readings'): Promise<number> {
  const result = (await influxQuery(url, `SELECT count(value) FROM ${measurement}`, db)) as QueryResult;
  const value = result.results?.[0]?.series?.[0]?.values?.[0]?.[1];
  return typeof value === 'number' ? value : 0;
}
