// `npm run backup -- FILE`: a consistent dump of the board's database (orders, history,
// snapshots) to FILE, from the same DATA_DIR / DATABASE_URL configuration as the app, while
// it runs. `npm run restore -- FILE` brings it back. Format: scripts/backup-format.ts.
import path from 'node:path';
import { backupDatabase } from './backup-database';
import { SetupError, openBoardDatabase, runTool } from './backup-target';

runTool(async () => {
  const file = process.argv[2];
  if (!file) throw new SetupError('Usage: npm run backup -- FILE');
  const database = await openBoardDatabase('backup', (message) => console.error(message));
  try {
    const started = Date.now();
    const counts = await backupDatabase(database.url, path.resolve(file));
    const rows = Object.entries(counts).map(([table, count]) => `${table} ${count}`);
    console.log(`Backed up to ${file} in ${Date.now() - started} ms (rows: ${rows.join(', ')}).`);
  } finally {
    await database.close();
  }
});
