import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { AppProvider } from './app/provider';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

createRoot(root).render(
  <AppProvider>
    <App />
  </AppProvider>,
);
