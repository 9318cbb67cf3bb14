// What the figures were measured on, printed beside them: numbers without their machine mean little.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { root } from './paths.mjs';

export function describeMachine() {
  const cores = cpus();
  return {
    date: new Date().toISOString(),
    commit: gitCommit(),
    cpuModel: cores[0]?.model?.trim() ?? 'unknown',
    cores: cores.length,
    ramGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    // Other work on the machine when the run started (1-minute load average): figures from a busy machine read lower.
    loadAverage: Math.round(loadavg()[0] * 100) / 100,
  };
}

function gitCommit() {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${sha} (+ uncommitted changes)` : sha;
  } catch {
    return 'unknown';
  }
}

/**
 * How fast this machine runs the same JavaScript back to back and after sleeping, measured in a fresh process: a unit
 * of work like a send's own (JSON, regular expressions, small objects), run `units` times in a row, then as many times
 * each after a 50 ms sleep (as a sequential send's code runs after each Twilio request). CPU per unit (user + system),
 * so a later run's figures can be read against the machine's speed at the time, and the cost of idling seen apart
 * from the product.
 */
export function calibrateMachine({ units = 200, sleepMs = 50 } = {}) {
  const script = `
    const payload = { sid: 'CH' + 'a'.repeat(32), attributes: JSON.stringify({ from: '+14155550123', tags: Array.from({ length: 20 }, (_, i) => 'tag' + i) }), links: {} };
    function unit() {
      let size = 0;
      for (let i = 0; i < 40; i++) {
        const copy = JSON.parse(JSON.stringify({ ...payload, index: i }));
        size += /CH[0-9a-f]{32}|a+/.exec(copy.sid)[0].length + new Map(Object.entries(copy)).size;
      }
      return size;
    }
    const cpu = () => { const { user, system } = process.cpuUsage(); return (user + system) / 1000; };
    for (let i = 0; i < ${units}; i++) unit();
    let started = cpu();
    for (let i = 0; i < ${units}; i++) unit();
    const steadyMs = (cpu() - started) / ${units};
    (async () => {
      started = cpu();
      for (let i = 0; i < ${units}; i++) { await new Promise((resolve) => setTimeout(resolve, ${sleepMs})); unit(); }
      const afterSleepMs = (cpu() - started) / ${units};
      process.stdout.write(JSON.stringify({ units: ${units}, sleepMs: ${sleepMs}, steadyMs, afterSleepMs }));
    })();`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}
