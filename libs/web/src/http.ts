/** The service's own HTTP API, as its pages call it (relative to the page). */
import { SESSION_ENDED } from './session';

export class NotFound extends Error {}

/** A rule a field broke, as the API's 400 and 422 answers list them. */
export interface FieldError {
  field: string;
  rule: string;
}

/** An answer other than success, with the fields it names. */
export class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: FieldError[],
  ) {
    super(message);
  }
}

export async function get<T>(
  path: string,
  query: Record<string, string | undefined> = {},
): Promise<T> {
  const parameters = new URLSearchParams(
    Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const search = parameters.toString();
  const response = await fetch(`api/${path}${search ? `?${search}` : ''}`);
  noticeSessionEnd(response.status);
  if (response.status === 404) throw new NotFound(path);
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** POSTs `body` as JSON; a refusal throws Refused with the fields it names. */
export async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return answer<T>(response);
}

/** Uploads a file, reporting the share sent so far (0 to 1) as it goes. */
export function upload<T>(path: string, file: File, progress: (share: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `api/${path}`);
    request.setRequestHeader('content-type', file.type || 'application/octet-stream');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) progress(event.loaded / event.total);
    };
    request.onload = () =>
      void answer<T>(
        new Response(request.responseText, {
          status: request.status,
          headers: { 'content-type': 'application/json' },
        }),
      ).then(resolve, reject);
    request.onerror = () => reject(new Error(`uploading ${file.name} failed`));
    request.send(file);
  });
}

/** A 401 means the session ended: the page goes back to signing in. */
function noticeSessionEnd(status: number): void {
  if (status === 401) dispatchEvent(new Event(SESSION_ENDED));
}

async function answer<T>(response: Response): Promise<T> {
  noticeSessionEnd(response.status);
  const body = (await response.json().catch(() => ({}))) as {
    message?: string | string[];
    fieldErrors?: FieldError[];
    state?: string;
  };
  if (response.ok) return body as T;
  const message = Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? '');
  throw new Refused(
    response.status,
    message || `answered ${response.status}`,
    body.fieldErrors ?? [],
  );
}
