import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { EXAMPLE_OPERATIONS, exampleHeaders } from '../../../src/graphql/example-operations';

/** The API of the server that serves this page; never another origin. */
const fetcher = createGraphiQLFetcher({
  url: new URL('/graphql', window.location.href).toString(),
  // The API has no @defer or subscriptions: plain JSON answers, no multipart parsing.
  enableIncrementalDelivery: false,
});

/** One tab per README example, with the headers it asks for (the mutation's writer key, to be filled in). */
const tabs = EXAMPLE_OPERATIONS.map((query) => {
  const headers = exampleHeaders(query);
  return { query, headers: Object.keys(headers).length > 0 ? JSON.stringify(headers, null, 2) : undefined };
});

/** GraphiQL 5 against same-origin /graphql, opened on the README's example operations. */
export function GraphiQLPage() {
  return (
    <GraphiQL fetcher={fetcher} defaultTabs={tabs}>
      <GraphiQL.Logo>
        <span className="aig-logo">
          ai-industry-graph · <a href="/graphql">Apollo Sandbox</a> · <a href="/explorer">Explorer</a>
        </span>
      </GraphiQL.Logo>
    </GraphiQL>
  );
}
