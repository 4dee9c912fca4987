import { prepareDatabase } from './db-setup';

prepareDatabase()
  .then((line) => console.log(`[scalelab] ${line}`))
  .catch((e: unknown) => {
    console.error(`[scalelab] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
