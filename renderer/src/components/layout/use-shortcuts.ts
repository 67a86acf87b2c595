/** Listens for the app's shortcuts (lib/shortcuts) anywhere in the window and runs them. */
import { useEffect, useState } from 'react';
import { useServices } from '../../services-context.js';
import type { Services } from '../../services.js';
import { streamingIdOf } from '../../store/chat-data.js';
import { groupConversations } from '../../lib/date-groups.js';
import { focusComposer } from '../../lib/focus-composer.js';
import { isMacPlatform, matches, SHORTCUTS, type Reach, type ShortcutId } from '../../lib/shortcuts.js';

export const IS_MAC = typeof navigator !== 'undefined' && isMacPlatform(navigator.platform);

function reachable(reach: Reach, target: EventTarget | null): boolean {
  if (reach === 'anywhere') return true;
  const el = target instanceof HTMLElement ? target : null;
  const inField = !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
  if (reach === 'composer') return !inField || el?.id === 'composer-input';
  return !inField;
}

/** The sidebar's order (pinned first, then by date), so next and previous move as the eye does. */
function step(s: Services, by: 1 | -1): void {
  const order = groupConversations(s.conversations.getState().list, Date.now()).flatMap((g) => g.items);
  if (order.length === 0) return;
  const at = order.findIndex((c) => c.id === s.chat.getState().current);
  const next = order[at === -1 ? (by === 1 ? 0 : order.length - 1) : Math.min(order.length - 1, Math.max(0, at + by))];
  if (!next || next.id === s.chat.getState().current) return;
  s.ui.getState().go('chat');
  void s.chat.getState().open(next.id);
}

/** Runs a shortcut; false when it had nothing to do (so the key keeps its usual meaning). */
function run(id: ShortcutId, s: Services, toggleOverlay: () => void): boolean {
  const chat = s.chat.getState();
  switch (id) {
    case 'new-chat':
      chat.newChat();
      s.ui.getState().go('chat');
      focusComposer();
      return true;
    case 'focus-composer':
      s.ui.getState().go('chat');
      focusComposer();
      return true;
    case 'search': {
      const box = document.getElementById('sidebar-search');
      if (!(box instanceof HTMLInputElement)) return false;
      box.focus();
      box.select();
      return true;
    }
    case 'stop': {
      const streaming = s.ui.getState().screen === 'chat' ? streamingIdOf(chat, chat.current) : undefined;
      if (!streaming) return false;
      void chat.cancel(streaming);
      return true;
    }
    case 'next-conversation':
      step(s, 1);
      return true;
    case 'previous-conversation':
      step(s, -1);
      return true;
    case 'settings':
      s.ui.getState().go('settings');
      return true;
    case 'shortcuts':
      toggleOverlay();
      return true;
  }
}

export function useShortcuts(): { overlay: boolean; closeOverlay(): void } {
  const services = useServices();
  const [overlay, setOverlay] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      if (overlay && e.key === 'Escape') {
        e.preventDefault();
        setOverlay(false);
        return;
      }
      const hit = SHORTCUTS.find((sc) => matches(sc.keys, e, IS_MAC) && reachable(sc.reach, e.target));
      if (hit && run(hit.id, services, () => setOverlay((o) => !o))) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [services, overlay]);

  return { overlay, closeOverlay: () => setOverlay(false) };
}
