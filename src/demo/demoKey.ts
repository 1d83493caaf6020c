// The demo workspace's admin key, printed at every start so a newcomer can use
// the API at once. Created on the first start and kept in a git-ignored file
// beside the embedded data (the database only holds its hash).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ApiKeyService } from '../auth/apiKey.service';

/** Returns the demo admin key, creating and saving it when `file` does not exist yet (or holds a revoked key). */
export async function demoAdminKey(keys: ApiKeyService, workspaceId: string, file: string): Promise<string> {
  if (existsSync(file)) {
    const saved = readFileSync(file, 'utf8').trim();
    if ((await keys.authenticate(saved))?.workspaceId === workspaceId) return saved;
  }
  const created = await keys.createKey(workspaceId, 'demo admin (printed at start)', 'admin');
  writeFileSync(file, `${created.key}\n`, { mode: 0o600 });
  return created.key;
}
