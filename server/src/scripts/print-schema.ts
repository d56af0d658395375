/** Writes server/schema.graphql from the code's schema: `npm run schema -w server`. */
import fs from 'node:fs';
import { printAppSchema, SCHEMA_FILE } from '../schema';

printAppSchema()
  .then((sdl) => {
    fs.writeFileSync(SCHEMA_FILE, sdl);
    console.log(`Skema ditulis: ${SCHEMA_FILE}`);
  })
  .catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
