import { OptionalField } from '@enforcement-link/protocol';
import { ValidateBy, ValidationArguments } from 'class-validator';
import { IsNkeyUserSeedFile, IsPemCertificateFile, IsPemPrivateKeyFile } from './file-rules';
import { IsServerUrlList } from './url-rules';

/** A variable that makes sense only together with `other`: a client certificate and its key. */
function SetTogetherWith(other: string): PropertyDecorator {
  return ValidateBy({
    name: 'setTogetherWith',
    validator: {
      validate: (_value: unknown, { object }: ValidationArguments) =>
        (object as Record<string, unknown>)[other] !== undefined,
      defaultMessage: () => `set together with ${other}`,
    },
  });
}

/**
 * How a program reaches NATS: the servers, who it is (an nkey seed; without one it connects
 * anonymously, as on a development server) and TLS. Services and the command line share it.
 */
export class NatsClientEnvironment {
  @IsServerUrlList(['nats:', 'tls:'])
  NATS_URL = 'nats://127.0.0.1:4222';

  /** This program's NATS user: a file with its nkey seed, readable only by its owner. */
  @OptionalField()
  @IsNkeyUserSeedFile()
  NATS_NKEY_SEED_FILE?: string;

  /** The certificate authorities the NATS server's certificate must be signed by. */
  @OptionalField()
  @IsPemCertificateFile()
  NATS_TLS_CA_FILE?: string;

  /** A client certificate, for servers that verify their clients (mutual TLS). */
  @OptionalField()
  @IsPemCertificateFile()
  @SetTogetherWith('NATS_TLS_KEY_FILE')
  NATS_TLS_CERT_FILE?: string;

  @OptionalField()
  @IsPemPrivateKeyFile()
  @SetTogetherWith('NATS_TLS_CERT_FILE')
  NATS_TLS_KEY_FILE?: string;
}
