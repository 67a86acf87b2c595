import { Banners } from './components/layout/Banners.js';
import { Nav } from './components/layout/Nav.js';
import { Sidebar } from './components/layout/Sidebar.js';
import { ChatScreen } from './components/chat/ChatScreen.js';
import { HealthScreen } from './components/health/HealthScreen.js';
import { SettingsScreen } from './components/settings/SettingsScreen.js';
import { CompareScreen } from './components/compare/CompareScreen.js';
import { useUi } from './services-context.js';
import { UndoToast } from './components/layout/UndoToast.js';
import { ShortcutsOverlay } from './components/layout/ShortcutsOverlay.js';
import { useShortcuts } from './components/layout/use-shortcuts.js';
import { LeaveGuard } from './components/layout/LeaveGuard.js';
import { ThemeSync } from './components/layout/ThemeSync.js';

export function App() {
  const screen = useUi((s) => s.screen);
  const shortcuts = useShortcuts();
  const collapsed = useUi((s) => s.sidebarCollapsed);
  return (
    <div className={collapsed ? 'app sidebar-collapsed' : 'app'}>
      {!collapsed && <Sidebar />}
      <div className="main">
        <Nav />
        <Banners />
        <main className="screen">
          {screen === 'chat' && <ChatScreen />}
          {screen === 'compare' && <CompareScreen />}
          {screen === 'health' && <HealthScreen />}
          {screen === 'settings' && <SettingsScreen />}
        </main>
      </div>
      <UndoToast />
      {shortcuts.overlay && <ShortcutsOverlay onClose={shortcuts.closeOverlay} />}
      <LeaveGuard />
      <ThemeSync />
    </div>
  );
}
