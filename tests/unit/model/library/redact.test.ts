/**
 * Which query parameters redactUrl hides. A library URL's grant to read can travel under many names (GitLab's
 * private_token, API gateways' x-api-key, session ids, tickets...); a name not on the list would be echoed
 * into messages, the displayed source and the saved copy, so the list and the name rule are tested here.
 */
import { redactUrl } from "../../../../src/model/library/redact";

const hidden = (name: string): string => redactUrl(`https://h.example/lib.json?${name}=SECRET&v=2`);

describe("redactUrl hides every secret query parameter", () => {
  test.each([
    "private_token",
    "auth",
    "x-api-key",
    "api_key",
    "apikey",
    "jwt",
    "session",
    "sessionid",
    "ticket",
    "password",
    "pwd",
    "client_secret",
    "refresh_token",
    "id_token",
    "sig",
    "token",
    "access_token",
  ])("hides the value of ?%s= and keeps the harmless parameter", (name) => {
    // Given ?%s=SECRET
    // Then its value is hidden and the harmless parameter kept
    expect(hidden(name)).toBe(`https://h.example/lib.json?${name}=…&v=2`);
  });

  test.each([
    "PRIVATE-TOKEN",
    "my_token",
    "appSecret",
    "X-Signature-V2",
    "subscription-key",
    "userPassword",
    "aws_credentials",
    "Authorization",
    "oauth_verifier",
    "sessionKey",
  ])("hides the value of a secret-looking parameter (%s)", (name) => {
    // Given a parameter whose name contains token/secret/sig/key/password/credential/auth (%s)
    // Then its value is hidden
    expect(hidden(name)).toBe(`https://h.example/lib.json?${name}=…&v=2`);
  });

  test.each(["v", "version", "format", "ref", "branch", "path"])(
    "shows the ordinary parameter ?%s= as written",
    (name) => {
      // Given the ordinary parameter ?%s=
      // Then it is shown as written
      expect(hidden(name)).toBe(`https://h.example/lib.json?${name}=SECRET&v=2`);
    }
  );
});
