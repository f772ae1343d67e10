// A client of the generated modules, compiled with `tsc --strict` and run
// by node (cli/tests/typescript.rs): every seed example parses as its code,
// narrowing on the code gives typed details, and hostile bodies are
// unknown errors, never exceptions.

import * as hook0 from "./hook0";
import * as hexabase from "./hexabase";
import * as jsonapi from "./jsonapi";
import * as aip193 from "./aip193";
import * as oauth from "./oauth";
import { hook0Examples, hexabaseExamples, jsonapiExamples, aip193Examples, oauthExamples } from "./examples";

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`check failed: ${what}`);
}

function codeOf(body: unknown): string | null {
  const error = (body as { error?: { code?: unknown } }).error;
  return error !== undefined && typeof error.code === "string" ? error.code : null;
}

let known = 0;
for (const body of hook0Examples) {
  const parsed = hook0.parseError(body);
  check(parsed.known && parsed.code === codeOf(body), `hook0 ${JSON.stringify(body)}`);
  known++;
}
for (const body of hexabaseExamples) {
  const parsed = hexabase.parseError(body);
  check(parsed.known && parsed.code === codeOf(body), `hexabase ${JSON.stringify(body)}`);
  known++;
}

// Other shapes: a list of errors (JSON:API), the code in the array element
// a literal selects (AIP-193); every rendered example parses as its code.
let shaped = 0;
for (const [code, body] of jsonapiExamples) {
  const parsed = jsonapi.parseError(body);
  check(parsed.known && parsed.code === code, `jsonapi ${JSON.stringify(body)}`);
  shaped++;
}
for (const [code, body] of aip193Examples) {
  const parsed = aip193.parseError(body);
  check(parsed.known && parsed.code === code, `aip193 ${JSON.stringify(body)}`);
  shaped++;
}
for (const [code, body] of oauthExamples) {
  const parsed = oauth.parseError(body);
  check(parsed.known && parsed.code === code, `oauth ${JSON.stringify(body)}`);
  shaped++;
}

// An operation's parse function narrows to its codes; a catalog code it
// does not declare is unknown to it, its code kept.
const tokenError = oauth.parseTokenError({ error: "invalid_grant", error_description: "expired" });
if (tokenError.known) {
  const code: oauth.TokenError["code"] = tokenError.code;
  check(code === "invalid_grant", "narrowed to the operation");
} else {
  check(false, "invalid_grant is an error of token");
}
const notToken = oauth.parseTokenError({ error: "invalid_token" });
check(!notToken.known && notToken.code === "invalid_token", "a code the operation does not declare");
const shared: oauth.UserinfoError["code"] = "invalid_request";
check(shared === "invalid_request", "every_operation's errors are every operation's");
// @ts-expect-error: `invalid_token` is not an error of `token`.
const undeclared: oauth.TokenError["code"] = "invalid_token";
check(String(undeclared) === "invalid_token", "tsc refused the line above");

const listed = jsonapi.parseError({ errors: [{ code: "226", title: "t", status: "422" }, { title: "other" }] });
if (listed.known && listed.code === "226") {
  const first: string = listed.body.errors[0].title;
  check(first === "t", "the first element is typed");
} else {
  check(false, "a list's first element gives the code");
}
const google = aip193.parseError({
  error: {
    code: 400, message: "m", status: "INVALID_ARGUMENT",
    details: [
      { "@type": "type.googleapis.com/google.rpc.Help", links: [] },
      { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "API_KEY_INVALID", domain: "googleapis.com", metadata: { service: "s" } },
    ],
  },
});
check(google.known && google.code === "API_KEY_INVALID", "ErrorInfo is found among other elements");
check(!aip193.parseError({ error: { code: 400, details: [{ reason: "API_KEY_INVALID" }] } }).known, "no ErrorInfo, no code");

// Narrowing on the wire code types the details.
const expired = hook0.parseError({
  error: { type: "authentication_error", code: "TOKEN_EXPIRED", message: "m", details: { expired_at: "2024-01-15T10:30:00Z" } },
});
if (expired.known && expired.code === "TOKEN_EXPIRED") {
  const at: string = expired.body.error.details.expired_at;
  check(at.startsWith("2024"), "typed details");
} else {
  check(false, "TOKEN_EXPIRED is known");
}
const limited = hook0.parseError({
  error: { type: "rate_limit_error", code: "RATE_LIMIT_EXCEEDED", message: "m", details: { limit: 1, window_seconds: 2, reset_at: "2024-01-15T11:30:00Z", retry_after: 30 } },
});
if (limited.known && limited.code === "RATE_LIMIT_EXCEEDED") {
  const wait: number = limited.body.error.details.retry_after;
  check(wait === 30 && hook0.RETRYABLE[limited.code] && hook0.STATUS[limited.code] === 429, "constants");
}

// Retry advice as the client applies it, and each code's headers, typed.
const refresh: hexabase.RetryAdvice | null = hexabase.RETRY["AUTH_TOKEN_EXPIRED"];
check(refresh !== null && refresh.action === "refresh_token" && refresh.attempts === 2, "an action");
const rate: hook0.RetryAdvice | null = hook0.RETRY["RATE_LIMIT_EXCEEDED"];
check(rate !== null && rate.afterField === "retry_after" && rate.backoff.initialMs === 1000, "a wait from a detail");
check(hook0.RETRY["APPLICATION_NOT_FOUND"] === null, "a final code");
const headers: readonly hook0.Header[] = hook0.HEADERS["RATE_LIMIT_EXCEEDED"];
check(headers.some((h) => h.name === "Retry-After" && h.value === "{retry_after}"), "headers");
check(hook0.HEADERS["APPLICATION_NOT_FOUND"].length === 0, "no headers");

// Hostile and unknown bodies: never an exception.
const hostile: unknown[] = [
  null, undefined, 42, "<html>502 Bad Gateway</html>", [], {}, { error: null }, { error: { code: 5 } },
  { error: { code: "TOKEN_EXPIRED", message: "m", type: "authentication_error", details: { expired_at: 5 } } },
  { error: { code: "A_NEW_CODE", message: "m" } },
];
for (const body of hostile) {
  const parsed = hook0.parseError(body);
  check(!parsed.known, `unknown: ${JSON.stringify(body)}`);
}
const future = hook0.parseError({ error: { code: "A_NEW_CODE", message: "m" } });
check(!future.known && future.code === "A_NEW_CODE", "an unknown code is kept");

console.log(`ok: ${known} seed examples known, ${hostile.length} hostile bodies unknown, ${shaped} shaped examples known`);
