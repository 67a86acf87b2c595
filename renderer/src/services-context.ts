/** React access to the services and their stores. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Services } from './services.js';
import type { ChatState } from './store/chat-store.js';
import type { ConversationsState } from './store/conversations-store.js';
import type { HealthState } from './store/health-store.js';
import type { LocalState } from './store/local-store.js';
import type { EngineState } from './store/engine-store.js';
import type { CudaState } from './store/cuda-store.js';
import type { NoticesState } from './store/notices-store.js';
import type { SettingsState } from './store/settings-store.js';
import type { UiState } from './store/ui-store.js';
import type { CompareState } from './store/compare-store.js';
import type { UsageState } from './store/usage-store.js';

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('ServicesContext is missing');
  return services;
}

export const useChat = <T>(select: (s: ChatState) => T): T => useStore(useServices().chat, select);
export const useConversations = <T>(select: (s: ConversationsState) => T): T => useStore(useServices().conversations, select);
export const useHealth = <T>(select: (s: HealthState) => T): T => useStore(useServices().health, select);
export const useLocal = <T>(select: (s: LocalState) => T): T => useStore(useServices().local, select);
export const useEngine = <T>(select: (s: EngineState) => T): T => useStore(useServices().engine, select);
export const useCuda = <T>(select: (s: CudaState) => T): T => useStore(useServices().cuda, select);
export const useNotices = <T>(select: (s: NoticesState) => T): T => useStore(useServices().notices, select);
export const useSettings = <T>(select: (s: SettingsState) => T): T => useStore(useServices().settings, select);
export const useUi = <T>(select: (s: UiState) => T): T => useStore(useServices().ui, select);
export const useCompare = <T>(select: (s: CompareState) => T): T => useStore(useServices().compare, select);
export const useUsage = <T>(select: (s: UsageState) => T): T => useStore(useServices().usage, select);
