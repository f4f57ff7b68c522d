/**
 * Imported first by the task pane bundle, before any module that parses with zod
 * (validatedBundledLibrary.ts validates at import). zod probes for eval support (it compiles a
 * function from a string) to build fast parsers; under the pane's Content-Security-Policy (no 'unsafe-eval', scripts/csp.js) the probe
 * fails and, although zod catches the error, the browser reports a CSP violation every time the pane
 * opens. Library validation runs once per load, so the interpreted parser costs nothing that matters.
 */
import { z } from "zod";

z.config({ jitless: true });
