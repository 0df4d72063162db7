// First: the workers must be set up before any editor starts.
import './monaco-workers';
import 'graphiql/style.css';
import './explorer.css';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GRAPHQL_URL } from './gateway-api';
import { sessionPlugin } from './session/session-plugin';
import { WELCOME_QUERY } from './welcome';

// Same origin: fetch sends the refresh cookie (credentials "same-origin") to /graphql.
const fetcher = createGraphiQLFetcher({ url: GRAPHQL_URL });
const root = document.getElementById('explorer');
if (!root) throw new Error('index.html has no #explorer element');

createRoot(root).render(
  <GraphiQL
    fetcher={fetcher}
    plugins={[sessionPlugin]}
    defaultQuery={WELCOME_QUERY}
    defaultEditorToolsVisibility="headers"
    // Access tokens stay in memory: never written to localStorage.
    shouldPersistHeaders={false}
    showPersistHeadersSettings={false}
  />,
);
