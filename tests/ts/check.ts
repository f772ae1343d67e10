// A client of the generated modules, compiled with `tsc --strict` and run
// by node (cli/tests/typescript.rs): every seed example parses as its code,
// narrowing on the code gives typed details, and hostile bodies are
// unknown errors, never exceptions.

import * as hook0 from "./hook0";
import * as hexabase from "./hexabase";
import { hook0Examples, hexabaseExamples } from "./examples";

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

console.log(`ok: ${known} seed examples known, ${hostile.length} hostile bodies unknown`);
