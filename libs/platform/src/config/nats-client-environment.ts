import { OptionalField } from '@enforcement-link/protocol';
import { Type } from 'class-transformer';
import { IsInt, Max, Min, ValidateBy, ValidationArguments } from 'class-validator';
import { IsNkeyUserSeedFile, IsPemCertificateFile, IsPemPrivateKeyFile } from './file-rules';
import { IsServerUrlList } from './url-rules';

const REPLICAS_RULE = 'a whole number of servers from 1 to 5 (1 for a single server)';

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

  /**
   * How many servers of a NATS cluster keep a copy of each stream and bucket this program
   * creates: 3 on a three-server cluster, so that one server may fail. Streams that already
   * exist keep theirs (docs/OPERATIONS.md, "Scaling out").
   */
  @Type(() => Number)
  @IsInt({ message: REPLICAS_RULE })
  @Min(1, { message: REPLICAS_RULE })
  @Max(5, { message: REPLICAS_RULE })
  NATS_STREAM_REPLICAS = 1;
}
