/**
 * User accounts from the server's shell (thin wrapper over AuthService):
 *   npm run users -- add EMAIL ROLE          password from JANGKAU_PASSWORD, else asked on stdin
 *   npm run users -- reset-password EMAIL    same; revokes the user's sessions
 *   npm run users -- list
 * Works on JANGKAU_DB. Changes are audited with the actor "cli:<OS user>".
 */
import { createInterface } from 'node:readline';
import { userInfo } from 'node:os';
import { cliPassword, loadConfig } from '../config.js';
import { openDb } from '../storage/db.js';
import { AuthService } from '../services/auth.js';
import { AuditService, type Actor } from '../services/audit.js';
import { HttpError } from '../errors.js';
import { InvalidInputError } from '../domain/errors.js';
import { ROLES } from '../storage/users.js';

const USAGE = `Usage:
  npm run users -- add EMAIL ROLE            (ROLE: ${ROLES.join(', ')})
  npm run users -- reset-password EMAIL
  npm run users -- list
The password is read from JANGKAU_PASSWORD, or asked for on stdin: at least 10 characters, not a common or
leaked password, not one repeated character, not containing the email.`;

/** Reads one line from stdin; on a terminal the typed characters are not echoed. */
async function readPassword(prompt: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  if (process.stdin.isTTY) {
    process.stdout.write(prompt);
    // Mute echo: readline writes typed characters through _writeToOutput.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  }
  return new Promise((resolve) => {
    let answered = false;
    rl.once('line', (line) => {
      answered = true;
      rl.close();
      if (process.stdin.isTTY) process.stdout.write('\n');
      resolve(line);
    });
    rl.once('close', () => {
      if (!answered) resolve('');
    });
  });
}

async function password(): Promise<string> {
  return cliPassword(process.env) ?? (await readPassword('Password (at least 10 characters): '));
}

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  const config = loadConfig(process.env);
  const db = openDb(config.dbFile);
  try {
    const now = () => new Date();
    const auth = new AuthService(db, now, new AuditService(db, now));
    const actor: Actor = { id: null, email: `cli:${userInfo().username}` };
    if (command === 'add' && rest.length === 2) {
      if (!(ROLES as readonly string[]).includes(rest[1])) {
        console.error(`role must be one of ${ROLES.join(', ')}; got "${rest[1]}"`);
        return 2;
      }
      const user = await auth.createUser({ email: rest[0], password: await password(), role: rest[1] }, actor);
      console.log(`Created ${user.role} ${user.email} (id ${user.id})`);
    } else if (command === 'reset-password' && rest.length === 1) {
      await auth.resetPassword(rest[0], await password(), actor);
      console.log(`Password changed for ${rest[0].trim().toLowerCase()}; their sessions were ended`);
    } else if (command === 'list' && rest.length === 0) {
      const users = auth.listUsers();
      if (users.length === 0) console.log('No users yet. Add one with: npm run users -- add EMAIL admin');
      for (const u of users) console.log(`${String(u.id).padStart(4)}  ${u.role.padEnd(7)}  ${u.disabled ? 'disabled' : 'active  '}  ${u.email}`);
    } else {
      console.error(USAGE);
      return 2;
    }
    return 0;
  } catch (err) {
    if (err instanceof HttpError || err instanceof InvalidInputError) {
      console.error(`${err.field ? `${err.field}: ` : ''}${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
