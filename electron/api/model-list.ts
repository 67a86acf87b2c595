/** GET /v1/models in OpenAI's list shape, or Anthropic's when an Anthropic client asks. */
import { listModelIds, type ModelNames } from './model-target.js';

export function modelList(names: ModelNames, anthropic: boolean): unknown {
  const ids = listModelIds(names);
  if (anthropic) {
    const data = ids.map(({ id }) => ({ type: 'model', id, display_name: id, created_at: '1970-01-01T00:00:00Z' }));
    return { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data[data.length - 1]?.id ?? null };
  }
  return { object: 'list', data: ids.map(({ id, owner }) => ({ id, object: 'model', created: 0, owned_by: owner })) };
}
