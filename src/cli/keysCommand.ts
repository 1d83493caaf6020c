// `leadscore keys create|list|revoke`: API keys from the command line, for
// the first admin key of a workspace and for automation.

import { ApiKeyService } from '../auth/apiKey.service';
import { cliLogger, openCliDatabase } from './connect';

export async function runKeys(
  action: 'create' | 'list' | 'revoke',
  options: { workspace: string; name?: string; role?: string; id?: string },
): Promise<number> {
  const database = await openCliDatabase(cliLogger());
  try {
    const keys = new ApiKeyService(database.dataSource);
    switch (action) {
      case 'create': {
        const created = await keys.createKey(options.workspace, options.name ?? 'cli', options.role ?? 'reader');
        process.stdout.write(`${created.key}\n`);
        process.stderr.write(`Created ${created.role} key "${created.name}" (${created.id}). It is shown only now: store it.\n`);
        return 0;
      }
      case 'list':
        for (const key of await keys.listKeys(options.workspace)) {
          process.stdout.write(`${key.id}  ${key.role.padEnd(6)}  ${key.prefix}…  ${key.revokedAt ? 'revoked' : 'active '}  ${key.name}\n`);
        }
        return 0;
      case 'revoke':
        if (!options.id) throw new Error('keys revoke needs --id');
        await keys.revokeKey(options.workspace, options.id);
        process.stderr.write(`Revoked ${options.id}\n`);
        return 0;
      default: {
        const unknown: never = action;
        throw new Error(`unknown keys action ${String(unknown)}`);
      }
    }
  } finally {
    await database.close();
  }
}
