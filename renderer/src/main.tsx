import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { connectClient } from './client/connect.js';
import { createServices, loadAll } from './services.js';
import { ServicesContext } from './services-context.js';
import { applyTheme, rememberedTheme } from './lib/theme.js';
import { prepareMathWhenIdle } from './markdown/MathView.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/chat.css';
import './styles/markdown.css';
import './styles/settings.css';
import './styles/overlays.css';

// Before the first paint, so a dark choice never flashes light while settings load.
applyTheme(rememberedTheme());
const services = createServices(connectClient());
void loadAll(services);

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <ServicesContext.Provider value={services}>
      <App />
    </ServicesContext.Provider>
  </StrictMode>,
);
prepareMathWhenIdle();
