import type { Fault, FaultTarget } from './types.js';

export type RequestKind = 'chat' | 'models' | 'other';

function applies(fault: Fault, kind: RequestKind): boolean {
  const target: FaultTarget = fault.target ?? 'chat';
  return target === 'any' || target === kind;
}

/**
 * Scripted faults first (each request takes the first one aimed at its kind, so a
 * models fault queued ahead of a chat fault does not block chat), then the standing one.
 */
export class FaultQueue {
  private queue: Fault[] = [];
  private standing: Fault | undefined;

  script(faults: Fault[]): void {
    this.queue.push(...faults);
  }

  always(fault: Fault | undefined): void {
    this.standing = fault;
  }

  take(kind: RequestKind): Fault | undefined {
    const index = this.queue.findIndex((fault) => applies(fault, kind));
    if (index >= 0) {
      const [fault] = this.queue.splice(index, 1);
      return fault?.type === 'none' ? undefined : fault;
    }
    if (this.standing && this.standing.type !== 'none' && applies(this.standing, kind)) return this.standing;
    return undefined;
  }

  reset(): void {
    this.queue = [];
    this.standing = undefined;
  }
}
