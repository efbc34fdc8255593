// Long work (parsing, validating, importing thousands of rows) with progress and a Cancel: the work runs
// in steps that yield to the browser, so the pane never freezes; `check()` throws once canceled.
import { useCallback, useRef, useState } from 'react';
import { nextTask } from '../../domain/importResolve';

export interface TaskProgress {
  label: string;
  done: number;
  total: number;
}

export class TaskCanceled extends Error {
  constructor() {
    super('canceled');
    this.name = 'TaskCanceled';
  }
}

export interface TaskControl {
  /** Reports progress and yields to the browser; throws TaskCanceled once the user canceled. */
  step(label: string, done: number, total: number): Promise<void>;
  check(): void;
}

/** A yield to the browser so it can paint and take input (a new task, not a timer held 4 ms). */
export function yieldToBrowser(): Promise<void> {
  return nextTask();
}

export function useLongTask() {
  const [progress, setProgress] = useState<TaskProgress | undefined>();
  const canceled = useRef(false);
  const run = useCallback(async <T>(work: (c: TaskControl) => Promise<T>): Promise<T | undefined> => {
    canceled.current = false;
    const control: TaskControl = {
      check() {
        if (canceled.current) throw new TaskCanceled();
      },
      async step(label, done, total) {
        setProgress({ label, done, total });
        await yieldToBrowser();
        if (canceled.current) throw new TaskCanceled();
      },
    };
    try {
      return await work(control);
    } catch (e) {
      if (e instanceof TaskCanceled) return undefined;
      throw e;
    } finally {
      setProgress(undefined);
    }
  }, []);
  const cancel = useCallback(() => {
    canceled.current = true;
  }, []);
  return { progress, run, cancel, wasCanceled: () => canceled.current };
}
