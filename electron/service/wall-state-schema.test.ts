import { describe, expect, it } from "vitest";
import { wallStateSchema } from "../common/protocol.js";
import { tempWall, testConfig } from "./test-support/temp-wall.js";
import { silentLogger } from "./log.js";
import { startWallService } from "./wall-service.js";

describe("the wall state a display parses", () => {
  it("takes what the service sends: a display's output named by identity, the power state", async () => {
    const dirs = await tempWall();
    const service = await startWallService(testConfig(dirs), silentLogger);
    try {
      const sent = service.state.current();
      const named = { ...sent, topology: { ...sent.topology, displays: sent.topology.displays.map((d, i) => (i === 0 ? { ...d, output: "DELL U4323QE" } : d)) }, power: "dim" as const };
      const parsed = wallStateSchema.safeParse(JSON.parse(JSON.stringify(named)));
      expect(parsed.success ? undefined : parsed.error.issues).toBeUndefined();
      expect(parsed.data?.power).toBe("dim");
      expect(parsed.data?.topology.displays[0]?.output).toBe("DELL U4323QE");
    } finally {
      await service.close();
      await dirs.cleanup();
    }
  });
});
