import { useUi } from '../../services-context.js';
import type { Screen } from '../../store/ui-store.js';

const SCREENS: Array<{ id: Screen; label: string }> = [
  { id: 'chat', label: 'Chat' },
  { id: 'compare', label: 'Compare' },
  { id: 'health', label: 'Health' },
  { id: 'settings', label: 'Settings' },
];

export function Nav() {
  const screen = useUi((s) => s.screen);
  const go = useUi((s) => s.go);
  const collapsed = useUi((s) => s.sidebarCollapsed);
  const toggleSidebar = useUi((s) => s.toggleSidebar);
  return (
    <nav className="nav" aria-label="Screens">
      <button
        type="button"
        className="nav-button sidebar-toggle"
        aria-pressed={!collapsed}
        aria-label={collapsed ? 'Show conversations' : 'Hide conversations'}
        title={collapsed ? 'Show conversations' : 'Hide conversations'}
        data-testid="sidebar-toggle"
        onClick={toggleSidebar}
      >
        ☰
      </button>
      {SCREENS.map((s) => (
        <button
          key={s.id}
          type="button"
          className={screen === s.id ? 'nav-button active' : 'nav-button'}
          aria-current={screen === s.id ? 'page' : undefined}
          data-testid={`nav-${s.id}`}
          onClick={() => go(s.id)}
        >
          {s.label}
        </button>
      ))}
    </nav>
  );
}
