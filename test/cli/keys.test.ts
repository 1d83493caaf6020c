import { ApiKeyService } from '../../src/auth/apiKey.service';
import { DEFAULT_WORKSPACE_ID, ensureDefaultWorkspace } from '../../src/db/defaultWorkspace';
import { runKeys } from '../../src/cli/keysCommand';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/database';

describe('leadscore keys', () => {
  let db: TestDatabase;
  const env = { ...process.env };
  let out = '';
  beforeAll(async () => {
    db = await createTestDatabase();
    await ensureDefaultWorkspace(db.dataSource);
    process.env.DATABASE_URL = db.url;
    process.env.DATABASE_SCHEMA = db.schema;
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    process.env = env;
    await dropTestDatabase(db);
  });

  it('creates a key that authenticates with its role, lists it without the key, and revokes it', async () => {
    expect(await runKeys('create', { workspace: DEFAULT_WORKSPACE_ID, name: 'ci', role: 'writer' })).toBe(0);
    const key = out.trim();
    const keys = new ApiKeyService(db.dataSource);
    const principal = await keys.authenticate(key);
    expect(principal).toMatchObject({ workspaceId: DEFAULT_WORKSPACE_ID, role: 'writer' });
    out = '';
    await runKeys('list', { workspace: DEFAULT_WORKSPACE_ID });
    expect(out).toContain('writer');
    expect(out).not.toContain(key);
    await runKeys('revoke', { workspace: DEFAULT_WORKSPACE_ID, id: principal!.keyId });
    expect(await keys.authenticate(key)).toBeNull();
  });
});
