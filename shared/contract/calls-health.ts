/**
 * The health panel's controls and the usage view: reset a provider's circuit,
 * turn a provider off or on, and usage grouped from the attempts table.
 * Health itself is `health.get` and the `health.update` event.
 */
import { z } from 'zod';
import { ProviderHealthSchema } from '../providers.js';
import { DAY_PATTERN, UsageGroupSchema, UsageReportSchema } from '../usage.js';
import { defineCall } from './define.js';

const ProviderId = z.string().min(1).max(64);

export const healthCalls = {
  'health.resetCircuit': defineCall(z.object({ provider: ProviderId }), z.array(ProviderHealthSchema)),
  'providers.setEnabled': defineCall(z.object({ provider: ProviderId, enabled: z.boolean() }), z.array(ProviderHealthSchema)),
  'usage.get': defineCall(
    z
      .object({
        since: z.string().regex(DAY_PATTERN, 'a day as YYYY-MM-DD').optional(),
        by: UsageGroupSchema.default('day'),
      })
      .default({ by: 'day' }),
    UsageReportSchema,
  ),
};
