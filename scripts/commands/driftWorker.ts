/**
 * checkDrift in a worker thread, for validate. Regenerating renders the whole flow, and V8 leaves the
 * garbage of that render in the heap until the heap next grows: a stale validate at 10,000 attributes
 * that regenerated first still peaked at 450–470 MB once the project loaded on top of it (measured
 * with /usr/bin/time, task k15mem5). A worker's heap is released whole when the worker ends, and only
 * the Drift (file names) comes back.
 */
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Drift } from '../project/drift';
import { UsageError, UserError } from '../project/errors';

interface Job {
  job: 'checkDrift';
  configFile: string;
  outDir: string;
}

/** An error as it crosses the thread (structured clone keeps no class and no extra fields). */
interface SentError {
  name: string;
  message: string;
  stack?: string;
  details?: string[];
}

type Answer = { drift: Drift } | { error: SentError };

function sent(e: unknown): SentError {
  const err = e instanceof Error ? e : new Error(String(e));
  return {
    name: err.name,
    message: err.message,
    stack: err.stack,
    details: err instanceof UserError ? err.details : undefined
  };
}

/** The error the worker raised, as the thread that asked would have raised it. */
function revived(e: SentError): Error {
  if (e.name === 'UsageError') return new UsageError(e.message);
  if (e.details) return new UserError(e.message, e.details);
  const err = new Error(e.message);
  err.name = e.name;
  err.stack = e.stack;
  return err;
}

/** checkDrift's answer, computed in a worker thread that has ended (its heap freed) when this resolves. */
export async function checkDriftInWorker(configFile: string, outDir: string): Promise<Drift> {
  // Under ts-jest the modules are .ts sources, which a worker cannot load: the same answer, in this thread.
  if (path.extname(__filename) !== '.js') return (await import('../generate/build')).checkDrift(configFile, outDir);
  // The generators load in the worker only, so their code and schema never weigh on this thread either.
  return new Promise((resolve, reject) => {
    const job: Job = { job: 'checkDrift', configFile, outDir };
    const worker = new Worker(__filename, { workerData: job });
    let answer: Answer | undefined;
    let failure: unknown;
    worker.once('message', (a: Answer) => (answer = a));
    worker.once('error', (e) => (failure = e));
    worker.once('exit', (code) => {
      if (answer && 'drift' in answer) resolve(answer.drift);
      else if (answer) reject(revived(answer.error));
      else reject(failure ?? new Error(`internal: the drift worker exited with code ${code} and no answer`));
    });
  });
}

/** The worker's side: one drift check, answered as a message. */
async function answerJob({ configFile, outDir }: Job): Promise<void> {
  let answer: Answer;
  try {
    answer = { drift: (await import('../generate/build')).checkDrift(configFile, outDir) };
  } catch (e) {
    answer = { error: sent(e) };
  }
  parentPort!.postMessage(answer);
}

if (!isMainThread && (workerData as Partial<Job> | null)?.job === 'checkDrift') void answerJob(workerData as Job);
