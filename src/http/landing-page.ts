import crypto from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { DEFAULT_EMBEDDED_SANDBOX_VERSION } from '@apollo/server/plugin/landingPage/default';
import { examplesAsOneDocument } from '../graphql/example-operations';

/** Where Apollo's embeddable Sandbox script comes from (the only thing the landing page loads from elsewhere). */
export const SANDBOX_SCRIPT_HOST = 'https://embeddable-sandbox.cdn.apollographql.com';
const SANDBOX_FRAME = 'https://sandbox.embed.apollographql.com';
/** Where the page goes when Apollo's CDN cannot be reached: the GraphiQL bundled with the server. */
export const FALLBACK_IDE = '/graphiql';
/** A CDN that neither answers nor fails (a firewall dropping packets) should not leave the page blank for long. */
const SANDBOX_LOAD_TIMEOUT_MS = 10000;

/** JSON that is safe inside a <script> element, whatever the strings in it hold. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The landing page: Apollo Sandbox, pre-filled with the README's examples, under a bar linking the bundled IDE. */
export function landingPageHtml(nonce: string): string {
  const examples = examplesAsOneDocument();
  const sandbox = {
    target: '#sandbox',
    initialState: { document: examples.document, headers: examples.headers, variables: {}, includeCookies: false },
    hideCookieToggle: false,
    endpointIsEditable: false,
    runTelemetry: false,
    allowDynamicStyles: false,
  };
  const csp = [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' ${SANDBOX_SCRIPT_HOST}`,
    `style-src 'nonce-${nonce}' ${SANDBOX_SCRIPT_HOST} https://fonts.googleapis.com`,
    `frame-src ${SANDBOX_FRAME}`,
    "img-src 'self' data:",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>ai-industry-graph: GraphQL</title>
<style nonce="${nonce}">
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; }
  header { height: 40px; box-sizing: border-box; padding: 0 16px; display: flex; gap: 20px; align-items: center; background: #1b2240; color: #fff; }
  header a { color: #9fd3ff; }
  header strong { margin-right: auto; }
  #sandbox { position: absolute; top: 40px; bottom: 0; left: 0; right: 0; }
  #sandbox iframe { width: 100%; height: 100%; border: none; }
  .loading { padding: 24px; color: #444; }
</style>
</head>
<body>
<header>
  <strong>ai-industry-graph GraphQL API</strong>
  <a id="graphiql-link" href="${FALLBACK_IDE}">GraphiQL (bundled, works offline)</a>
  <a href="/explorer">Explorer</a>
</header>
<div id="sandbox"><p class="loading">Loading Apollo Sandbox from Apollo's CDN&hellip; Without it, <a href="${FALLBACK_IDE}">GraphiQL</a> opens instead.</p></div>
<script nonce="${nonce}">
(function () {
  var config = ${scriptJson(sandbox)};
  var settled = false;
  function fallBack() {
    if (settled) return;
    settled = true;
    window.location.replace(${scriptJson(FALLBACK_IDE)});
  }
  var timer = setTimeout(fallBack, ${SANDBOX_LOAD_TIMEOUT_MS});
  var script = document.createElement('script');
  script.src = ${scriptJson(`${SANDBOX_SCRIPT_HOST}/${DEFAULT_EMBEDDED_SANDBOX_VERSION}/embeddable-sandbox.umd.production.min.js`)};
  script.onerror = fallBack;
  script.onload = function () {
    if (settled) return;
    clearTimeout(timer);
    try {
      new window.EmbeddedSandbox(Object.assign({ initialEndpoint: window.location.origin + window.location.pathname }, config));
      settled = true;
    } catch (error) {
      fallBack();
    }
  };
  document.head.appendChild(script);
})();
</script>
</body>
</html>
`;
}

/**
 * Apollo's embedded Sandbox as the landing page, as ApolloServerPluginLandingPageLocalDefault renders it, plus what the
 * stock plugin cannot do: a visible link to the bundled GraphiQL, and a fall-back to it when Apollo's CDN does not
 * load (offline, or a network that blocks it), so GET /graphql in a browser always ends in a working IDE.
 */
export function landingPagePlugin(): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html: async () => landingPageHtml(crypto.randomBytes(16).toString('base64')) };
        },
      };
    },
  };
}
