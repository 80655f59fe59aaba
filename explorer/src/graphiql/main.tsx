// Monaco's editor, JSON and GraphQL workers, bundled by Vite next to the page: nothing is fetched from a CDN.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './graphiql.css';
import { createRoot } from 'react-dom/client';
import { GraphiQLPage } from './graphiql-page';

const root = document.getElementById('graphiql');
if (!root) throw new Error('graphiql.html has no #graphiql element');
createRoot(root).render(<GraphiQLPage />);
