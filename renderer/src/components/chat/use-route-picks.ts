/**
 * The composer's task and provider pickers. A pick for one message is the
 * composer's own and resets after the send; once kept for the chat, the
 * pickers show the conversation's pins and a change is stored there.
 */
import { useState } from 'react';
import { useChat, useConversations, useSettings } from '../../services-context.js';
import { isRouted, newChatPicks, picksOf, pinPatch, ROUTED, type RoutePicks } from '../../lib/route-picks.js';

export interface RoutePicksControl {
  value: RoutePicks;
  change(next: RoutePicks): void;
  pinned: boolean;
  setPinned(on: boolean): void;
  /** After a send: a one-message pick is forgotten. */
  sent(): void;
}

export function useRoutePicks(): RoutePicksControl {
  const current = useChat((s) => s.current);
  const setup = useChat((s) => s.newChatSetup);
  const setSetup = useChat((s) => s.setNewChatSetup);
  const conversation = useConversations((s) => (current ? s.list.find((c) => c.id === current) : undefined));
  const update = useConversations((s) => s.update);
  const preset = useSettings((s) => s.settings?.presets.find((p) => p.id === setup.presetId));
  const [oneOff, setOneOff] = useState<RoutePicks | undefined>();
  // Shown at once while main stores them; the stored pins take over when it answers.
  const [storing, setStoring] = useState<RoutePicks | undefined>();

  const pins = storing ?? (conversation ? picksOf(conversation) : current ? ROUTED : newChatPicks(setup.pins, preset));
  const pinned = !isRouted(pins);
  const keep = (next: RoutePicks) => {
    if (!current) return setSetup({ ...setup, pins: next });
    setStoring(next);
    void update(current, pinPatch(next)).finally(() => setStoring(undefined));
  };

  return {
    value: pinned ? pins : (oneOff ?? ROUTED),
    pinned,
    change(next) {
      if (pinned) keep(next);
      else setOneOff(next);
    },
    setPinned(on) {
      const value = pinned ? pins : (oneOff ?? ROUTED);
      // Unpinned, the choice stays in the pickers for the next message only.
      setOneOff(on ? undefined : value);
      keep(on ? value : ROUTED);
    },
    sent() {
      setOneOff(undefined);
    },
  };
}
