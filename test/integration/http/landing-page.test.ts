import { examplesAsOneDocument } from '../../../src/graphql/example-operations';
import { FALLBACK_IDE, SANDBOX_SCRIPT_HOST } from '../../../src/http/landing-page';
import { startServer, type RunningServer } from '../../../src/server';
import { startTestApp, testConfig, type TestApp } from '../../support/test-app';
import { rawRequest } from './raw-request';

describe('the landing page at GET /graphql', () => {
  let app: TestApp;
  let development: RunningServer;
  let production: RunningServer;

  beforeAll(async () => {
    app = await startTestApp();
    development = await startServer({ ...app.deps, config: testConfig({ PORT: '0' }) });
    production = await startServer({ ...app.deps, config: testConfig({ PORT: '0', NODE_ENV: 'production' }) });
  });
  afterAll(async () => {
    await Promise.all([development, production].map((server) => server?.stop()));
    await app?.close();
  });

  it('embeds Apollo Sandbox pre-filled with the example operations, links GraphiQL and falls back to it', async () => {
    const answer = await rawRequest(development.url, 'GET', { accept: 'text/html' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
    const html = answer.text;
    expect(html).toContain(`<a id="graphiql-link" href="${FALLBACK_IDE}">`);
    const config = /var config = (\{.*\});/.exec(html)?.[1];
    expect(config).toBeDefined();
    // Nothing in the embedded JSON can close the script element.
    expect(config).not.toMatch(/[<>]/);
    const examples = examplesAsOneDocument();
    expect(JSON.parse(config as string).initialState).toEqual({ document: examples.document, headers: examples.headers, variables: {}, includeCookies: false });
    expect(html).toContain(`script.onerror = fallBack;`);
    expect(html).toContain(`window.location.replace("${FALLBACK_IDE}")`);
    // The page may load Sandbox's script and frame and nothing else from outside, each script by nonce.
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(csp).toContain(`script-src 'nonce-${nonce}' ${SANDBOX_SCRIPT_HOST}`);
    expect(html.match(/<script nonce="([^"]+)">/g)).toEqual([`<script nonce="${nonce}">`]);
    const again = await rawRequest(development.url, 'GET', { accept: 'text/html' });
    expect(/'nonce-([^']+)'/.exec(again.text)?.[1]).not.toBe(nonce);
  });

  it('is off in production', async () => {
    const answer = await rawRequest(production.url, 'GET', { accept: 'text/html' });
    expect(answer.headers['content-type']).not.toMatch(/text\/html/);
    expect(answer.text).not.toContain('EmbeddedSandbox');
  });
});
