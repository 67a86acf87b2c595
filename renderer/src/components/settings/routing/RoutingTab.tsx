import { useState } from 'react';
import { useSettings } from '../../../services-context.js';
import { RoutingForm } from './RoutingForm.js';

export function RoutingTab() {
  const settings = useSettings((s) => s.settings);
  const revision = useSettings((s) => s.revision);
  // Kept outside the form, which starts over on every save.
  const [task, setTask] = useState('general');
  const [saved, setSaved] = useState(false);
  if (!settings) return <p className="muted">Loading settings…</p>;
  return (
    <div className="routing-tab">
      {/* A new revision (after save or import) starts the draft over from main's copy. */}
      <RoutingForm key={revision} initial={settings} task={task} onTask={setTask} saved={saved} onSaved={setSaved} />
    </div>
  );
}
