import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { loadConfig } from './lib/config.ts';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
loadConfig().then(
  () =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  // Without its configuration the app cannot reach the API; say so in both languages.
  () => {
    document.getElementById('root')!.innerHTML =
      '<main id="main"><h1>无法连接到服务器 · We could not reach the server</h1><p><a href="/">重试 · Try again</a></p></main>';
  },
);
