import { verifySecret } from '../auth/secret-hash';
import { DEMO_ADMIN } from '../config/app-config';

/** Whether a stored password hash is of the sandbox demo admin's password, which the README and `npm start` publish. */
export function isDemoPassword(passwordHash: string): Promise<boolean> {
  return verifySecret(DEMO_ADMIN.password, passwordHash);
}
