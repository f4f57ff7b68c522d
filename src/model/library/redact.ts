/**
 * Hiding the secrets a library address can carry, in any text that quotes it (messages, the displayed
 * library source): credentials before the host, secret query values (SAS signatures, tokens, keys,
 * presigned-URL signatures) and fragments. Pure.
 */
// A user name and password before the host: "https://user:token@host/" (RFC 3986 userinfo), also
// when the scheme is missing ("user:token@host/lib.json" is not a URL, but still a secret).
const USERINFO_AFTER_SCHEME = /([a-z][a-z0-9+.-]*:\/\/)[^/?#\s]*@/gi;
const USERINFO_BARE = /(^|[\s"'(<])[^\s/?#@"'(<]+:[^\s/?#@"']*@/g;

/**
 * Query parameters that carry (or, for an Azure SAS, describe) a grant to read: a SAS link's sig with
 * sv/se/sr/sp/..., GitHub raw links' token, GitLab's private_token, OAuth's access_token, code, id_token
 * and refresh_token, API keys (x-api-key of API gateways), JWTs, session ids and tickets, passwords, and
 * the presigned URLs of S3 (X-Amz-*) and Google Cloud Storage (X-Goog-*). Compared in lower case. Names
 * not listed are still caught by SECRET_NAME_PARTS.
 */
const SECRET_PARAMETERS = new Set([
  "sig",
  "sv",
  "se",
  "st",
  "sr",
  "sp",
  "spr",
  "srt",
  "ss",
  "si",
  "skoid",
  "sktid",
  "skt",
  "ske",
  "sks",
  "skv",
  "token",
  "private_token",
  "access_token",
  "id_token",
  "refresh_token",
  "code",
  "auth",
  "jwt",
  "session",
  "sessionid",
  "ticket",
  "key",
  "api_key",
  "apikey",
  "x-api-key",
  "password",
  "pwd",
  "secret",
  "client_secret",
  "signature",
  "x-amz-signature",
  "x-amz-credential",
  "x-amz-security-token",
  "x-goog-signature",
  "x-goog-credential",
]);

/**
 * Any name containing one of these is a secret too (my_token, appSecret, X-Signature, subscription-key,
 * Authorization...): a host's own names cannot all be listed, and hiding a harmless value ("author") costs
 * only a less readable address, while showing a secret cannot be undone. Compared in lower case.
 */
const SECRET_NAME_PARTS = /token|secret|sig|key|password|credential|auth/;

/** Up to the first character that cannot be part of a URL in running text. */
const URL_IN_TEXT = /[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]*/gi;

function isSecretParameter(name: string): boolean {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name.replace(/\+/g, " "));
  } catch {
    // a malformed escape: compare the name as written
  }
  const lower = decoded.toLowerCase();
  return SECRET_PARAMETERS.has(lower) || SECRET_NAME_PARTS.test(lower);
}

/**
 * One URL with its secret query values replaced by "…" ("sig=…") and its fragment by "#…": a fragment is
 * never sent to the server but often carries a token (OAuth's "#access_token=").
 */
function redactQueryAndFragment(url: string): string {
  const hashAt = url.indexOf("#");
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const fragment = hashAt < 0 ? "" : hashAt === url.length - 1 ? "#" : "#…";
  const queryAt = beforeHash.indexOf("?");
  if (queryAt < 0) return beforeHash + fragment;
  const query = beforeHash
    .slice(queryAt + 1)
    .split("&")
    .map((part) => {
      const equals = part.indexOf("=");
      const name = equals < 0 ? part : part.slice(0, equals);
      return equals >= 0 && isSecretParameter(name) ? `${name}=…` : part;
    })
    .join("&");
  return `${beforeHash.slice(0, queryAt)}?${query}${fragment}`;
}

/**
 * The text with every URL's secrets hidden: credentials before the host become "***", secret query values
 * "…" and fragments "#…". What every message and the displayed library source show, so a token pasted into
 * the address field is never echoed back (or into a screenshot, a log or a support ticket).
 */
export function redactUrl(text: string): string {
  return text
    .replace(USERINFO_AFTER_SCHEME, "$1***@")
    .replace(USERINFO_BARE, "$1***@")
    .replace(URL_IN_TEXT, redactQueryAndFragment);
}
