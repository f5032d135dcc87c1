/** pino-roll ships no types: the one function the wall calls. */
declare module "pino-roll" {
  import type { DestinationStream } from "pino";
  export default function roll(options: { file: string; size?: string; frequency?: string | number; limit?: { count: number }; mkdir?: boolean }): Promise<DestinationStream>;
}
