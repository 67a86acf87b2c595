import { useEffect } from 'react';
import { useEngine, useLocal } from '../../../services-context.js';
import { InstalledModels } from './InstalledModels.js';
import { LocalFallback } from './LocalFallback.js';
import { OllamaUrl } from './OllamaUrl.js';
import { PullModel } from './PullModel.js';
import { EngineSection } from '../engine/EngineSection.js';

export function LocalTab() {
  const refresh = useLocal((s) => s.refresh);
  const refreshEngine = useEngine((s) => s.refresh);
  useEffect(() => {
    void refresh();
    void refreshEngine();
  }, [refresh, refreshEngine]);
  return (
    <div className="local-tab">
      <OllamaUrl />
      <InstalledModels />
      <section className="card" aria-label="Pull a model">
        <h3>Pull a model</h3>
        <PullModel initial="" />
      </section>
      <LocalFallback />
      <EngineSection />
    </div>
  );
}
