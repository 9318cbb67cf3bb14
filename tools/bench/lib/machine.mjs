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
