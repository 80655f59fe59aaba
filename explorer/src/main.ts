import './styles.css';
import { ExplorerApp } from './app';

const root = document.getElementById('app');
if (!root) throw new Error('the page has no #app element');
void new ExplorerApp(root).start();
