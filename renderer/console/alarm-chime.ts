/**
 * The console's alarm sound: two short tones from Web Audio, nothing downloaded. The context is
 * made when the operator turns the sound on (a click: browsers let a page sound only after one).
 */
let context: AudioContext | undefined;

export function enableChime(): void {
  if (typeof AudioContext === "undefined") return;
  context ??= new AudioContext();
  void context.resume().catch(() => undefined);
}

export function chime(): void {
  if (!context) return;
  const start = context.currentTime;
  for (const [i, frequency] of [880, 660].entries()) {
    const tone = context.createOscillator();
    const gain = context.createGain();
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + i * 0.25);
    gain.gain.exponentialRampToValueAtTime(0.3, start + i * 0.25 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.25 + 0.22);
    tone.connect(gain).connect(context.destination);
    tone.start(start + i * 0.25);
    tone.stop(start + i * 0.25 + 0.25);
  }
}
