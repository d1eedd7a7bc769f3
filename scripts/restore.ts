// `npm run restore -- FILE`: loads a backup made by `npm run backup` into an empty database
// (DATABASE_URL) or a new DATA_DIR; refuses one that already holds a board. Run it with the
// app stopped, then start the app.
import path from 'node:path';
import { SetupError, openBoardDatabase, runTool } from './backup-target';
import { restoreDatabase } from './restore-database';

runTool(async () => {
  const file = process.argv[2];
  if (!file) throw new SetupError('Usage: npm run restore -- FILE');
  const database = await openBoardDatabase('restore', (message) => console.error(message));
  try {
    const counts = await restoreDatabase(database.url, path.resolve(file));
    const rows = Object.entries(counts).map(([table, count]) => `${table} ${count}`);
    console.log(`Restored ${file} (rows: ${rows.join(', ')}).`);
  } finally {
    await database.close();
  }
});
