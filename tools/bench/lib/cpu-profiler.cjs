// Preloaded into the API (`node -r`) when a scenario wants to know where its CPU goes: SIGWINCH (not SIGUSR2: Nest's
// shutdown hooks listen to that one) starts the V8 sampling
// profiler, the next SIGWINCH stops it and writes `<BENCH_CPU_PROFILE_DIR>/api-<pid>-<n>.cpuprofile`. Started and
// stopped from outside, so only the measured window is profiled, and not at all when the signal never comes.
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const session = new Session();
session.connect();
let profiling = false;
let written = 0;

process.on('SIGWINCH', () => {
  if (!profiling) {
    profiling = true;
    session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 500 }, () => session.post('Profiler.start')));
    return;
  }
  profiling = false;
  session.post('Profiler.stop', (error, result) => {
    const file = join(process.env.BENCH_CPU_PROFILE_DIR || '.', `api-${process.pid}-${++written}.cpuprofile`);
    writeFileSync(file, JSON.stringify(error ? { error: String(error) } : result.profile));
    // The driver waits for this line to know the profile is complete.
    process.stdout.write(`cpu profile written: ${file}\n`);
  });
});
