/** What a service answered: its status and its JSON body. */
export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
}

/** The body of a refusal, as every enforcement-link service writes it. */
interface RefusalBody {
  message?: unknown;
  state?: unknown;
}

/** A service answered, but not with success: the status, and its reason as it gave it. */
export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${path} answered ${status}: ${reasonOf(status, body)}`);
    this.name = 'ApiError';
  }
}

/** No answer at all: the service is down, restarting, or not where the URL says. */
export class ServiceUnreachableError extends Error {
  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    super(`cannot reach ${url}: ${describeCause(cause)}`);
    this.name = 'ServiceUnreachableError';
  }
}

/**
 * The HTTP API of a court node or the monitor, as a person's program calls it: signed in with
 * a username and password once, then every call with the session's bearer token.
 */
export class ServiceClient {
  private constructor(
    /** The service's address, e.g. `http://127.0.0.1:3001`, without a trailing slash. */
    readonly url: string,
    private readonly token: string,
  ) {}

  /** Signs in at `url` (`POST /api/session`); throws ApiError when the service refuses. */
  static async signIn(url: string, username: string, password: string): Promise<ServiceClient> {
    const base = url.replace(/\/+$/, '');
    const response = await send(base, 'POST', '/api/session', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const { token } = response.body as { token?: string };
    if (response.status !== 200 || !token) {
      throw new ApiError('POST', '/api/session', response.status, response.body);
    }
    return new ServiceClient(base, token);
  }

  /** Any answer the service gives, success or not; throws only when there is none. */
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    return send<T>(this.url, method, path, {
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  get<T = unknown>(path: string): Promise<T> {
    return this.succeeded(this.call<T>('GET', path), 'GET', path);
  }

  post<T = unknown>(path: string, body: unknown = {}): Promise<T> {
    return this.succeeded(this.call<T>('POST', path, body), 'POST', path);
  }

  /** Sends a file's bytes as the body, e.g. a document to `POST /api/documents?...`. */
  upload<T = unknown>(path: string, bytes: Uint8Array, mediaType: string): Promise<T> {
    const answer = send<T>(this.url, 'POST', path, {
      headers: { authorization: `Bearer ${this.token}`, 'content-type': mediaType },
      body: bytes,
    });
    return this.succeeded(answer, 'POST', path);
  }

  private async succeeded<T>(
    answer: Promise<ApiResponse<T>>,
    method: string,
    path: string,
  ): Promise<T> {
    const response = await answer;
    if (response.status >= 200 && response.status < 300) return response.body;
    throw new ApiError(method, path, response.status, response.body);
  }
}

async function send<T>(
  base: string,
  method: string,
  path: string,
  init: { headers: Record<string, string>; body?: string | Uint8Array },
): Promise<ApiResponse<T>> {
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, { method, ...init });
  } catch (error) {
    throw new ServiceUnreachableError(base, error);
  }
  const text = await response.text();
  let body: unknown = text;
  if (text && response.headers.get('content-type')?.includes('json')) body = JSON.parse(text);
  return { status: response.status, body: body as T };
}

/** The reason a refusal gives: its message, and the request's state when that forbade it. */
export function reasonOf(status: number, body: unknown): string {
  const { message, state } = (typeof body === 'object' && body !== null ? body : {}) as RefusalBody;
  const text = Array.isArray(message)
    ? message.join('; ')
    : typeof message === 'string'
      ? message
      : typeof body === 'string' && body
        ? body
        : `HTTP ${status}`;
  return typeof state === 'string' ? `${text} (state ${state})` : text;
}

/** Node's fetch says only "fetch failed"; the reason (ECONNREFUSED ...) is its cause. */
function describeCause(error: unknown): string {
  const cause = error instanceof Error ? (error.cause ?? error) : error;
  return cause instanceof Error ? cause.message : String(cause);
}
