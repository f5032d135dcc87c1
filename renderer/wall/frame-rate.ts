/**
 * The window's frame rate, sampled for one second before each health report rather than counted
 * forever: a perpetual requestAnimationFrame loop would wake an idle wall sixty times a second.
 */
let last = 0;

export function sampleFrameRate(ms = 1000): void {
  let frames = 0;
  const start = performance.now();
  const tick = (t: number) => {
    frames += 1;
    if (t - start < ms) requestAnimationFrame(tick);
    else last = Math.round((frames * 1000) / (t - start));
  };
  requestAnimationFrame(tick);
}

export function frameRate(): number {
  return last;
}

/** Chromium's JS heap in MiB, where it tells (performance.memory is not standard). */
export function heapMB(): number | undefined {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? Math.round(memory.usedJSHeapSize / 1_048_576) : undefined;
}
