import { describe, expect, it } from 'vitest';
import { isRouted, newChatPicks, picksOf, pinPatch, ROUTED, sendFields } from '../../../renderer/src/lib/route-picks.js';

describe('route picks and pins', () => {
  it('store a pick as the conversation pins, and clear what is left routed', () => {
    expect(pinPatch({ taskType: 'code', provider: '', model: '' })).toEqual({ taskPin: 'code', providerPin: null, modelPin: null });
    expect(pinPatch({ taskType: 'auto', provider: 'groq', model: 'llama' })).toEqual({ taskPin: null, providerPin: 'groq', modelPin: 'llama' });
    expect(pinPatch(ROUTED)).toEqual({ taskPin: null, providerPin: null, modelPin: null });
  });

  it('read pins back as picks; a model without its provider is not a pick', () => {
    expect(picksOf({ taskPin: 'code', providerPin: 'groq', modelPin: 'llama' })).toEqual({ taskType: 'code', provider: 'groq', model: 'llama' });
    expect(picksOf({ modelPin: 'llama' })).toEqual(ROUTED);
    expect(isRouted(picksOf({}))).toBe(true);
  });

  it("start a new chat from its preset's task type unless pins were set for it", () => {
    expect(newChatPicks(undefined, { defaultTaskType: 'creative' }).taskType).toBe('creative');
    expect(newChatPicks(ROUTED, { defaultTaskType: 'creative' })).toEqual(ROUTED);
  });

  it('send only what was picked', () => {
    expect(sendFields(ROUTED)).toEqual({ taskType: 'auto' });
    expect(sendFields({ taskType: 'code', provider: 'groq', model: '' })).toEqual({ taskType: 'code', provider: 'groq' });
  });
});
