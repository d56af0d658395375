import { openOrm, type DbTarget } from './orm';
import { ensureBundledInstruments } from '../modules/instrument/service';
import { createUserIn } from '../modules/user/service';
import { Role } from '../common/enums';

/** Creates an ADMIN in the database file (creating and migrating it when needed). Used by `npm run create-admin`. */
export async function createAdmin(db: DbTarget | string, input: { username: string; password: string; displayName?: string }) {
  const { orm } = await openOrm(db);
  try {
    await ensureBundledInstruments(orm.em.fork());
    const user = await createUserIn(orm.em.fork(), null, {
      username: input.username,
      password: input.password,
      displayName: input.displayName ?? input.username,
      roles: [{ role: Role.ADMIN }],
    });
    return { id: user.id, username: user.username };
  } finally {
    await orm.close(true);
  }
}
