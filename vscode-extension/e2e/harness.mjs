// Small test harness for the end-to-end run: named checks that record pass/fail and
// go on, polling, and the closing "e2e: N passed, N failed" line.

const t0 = Date.now();

/** A line of the run's log, stamped with the seconds since the start. */
export const log = (msg) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${msg}`);

export function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

/** Polls `fn` until it returns a truthy value; throws with the last value seen. */
export async function waitFor(what, fn, timeoutMs = 20_000, everyMs = 250) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e?.message ?? e;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Named checks: a failure is recorded with its reason, `onFailure` runs, and the run goes on. */
export class Checks {
  results = [];

  constructor(onFailure = async () => {}) {
    this.onFailure = onFailure;
  }

  async check(name, fn) {
    const start = Date.now();
    try {
      await fn();
      this.results.push({ name, ok: true });
      log(`PASS ${name} (${((Date.now() - start) / 1000).toFixed(1)}s)`);
    } catch (e) {
      this.fail(name, e?.message ?? e);
      await this.onFailure(this.results.length);
    }
  }

  fail(name, why) {
    this.results.push({ name, ok: false });
    log(`FAIL ${name}: ${why}`);
  }

  /** Prints the closing line and returns the exit status (0 only if all of at least one passed). */
  summary() {
    const passed = this.results.filter((r) => r.ok).length;
    const failed = this.results.length - passed;
    console.log(`e2e: ${passed} passed, ${failed} failed`);
    return failed === 0 && passed > 0 ? 0 : 1;
  }
}

/** 1-based number of the first line containing `needle`; throws if there is none. */
export function lineOf(text, needle) {
  const n = (text ?? "").split("\n").findIndex((l) => l.includes(needle)) + 1;
  if (n === 0) throw new Error(`no line contains ${JSON.stringify(needle)}`);
  return n;
}
