/**
 * `--smoke-test`: what the release workflow runs against each packaged app. The
 * app starts as a user's would, and exits 0 with one line once its renderer has
 * made a contract call and had it answered, proving window, preload, IPC and
 * core all work in the installed build. It exits 1 if that never happens.
 */
export const SMOKE_TEST_FLAG = '--smoke-test';
const GIVE_UP_MS = 60_000;

export interface SmokeTest {
  /** Called for every answered contract call; the first one ends the run. */
  answered(call: string): void;
}

export function startSmokeTest(argv: readonly string[], exit: (code: number) => void, log: (line: string) => void = console.log): SmokeTest | undefined {
  if (!argv.includes(SMOKE_TEST_FLAG)) return undefined;
  const started = performance.now();
  let done = false;
  const timer = setTimeout(() => {
    done = true;
    log(`Switchboard smoke test: FAILED, the renderer made no contract call within ${GIVE_UP_MS / 1000} s`);
    exit(1);
  }, GIVE_UP_MS);
  return {
    answered(call) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      log(`Switchboard smoke test: ok, the renderer's "${call}" was answered ${Math.round(performance.now() - started)} ms after start`);
      exit(0);
    },
  };
}
