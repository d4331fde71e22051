import { writeFileSync } from 'node:fs';
import { createUser, KeyPair } from 'nkeys.js';

/**
 * A new NATS user key pair. Its public key goes into the registry; its seed is written once,
 * to a new file of mode 0600 (readable by its owner only, as the services insist), never
 * printed and never written over an existing file.
 */
export class NewUserKey {
  private readonly user: KeyPair = createUser();

  get publicKey(): string {
    return this.user.getPublicKey();
  }

  writeSeed(path: string): void {
    try {
      writeFileSync(path, `${new TextDecoder().decode(this.user.getSeed())}\n`, {
        mode: 0o600,
        flag: 'wx',
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new Error(
        code === 'EEXIST'
          ? `${path} exists already; a seed file is never overwritten`
          : `cannot write ${path}: ${code ?? String(error)}`,
      );
    }
  }
}
