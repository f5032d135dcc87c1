import { describe, expect, it } from "vitest";
import { feedbackColor, rampColor, thresholdColor, tones } from "./colors.js";
import { districtValues } from "./districts-layers.js";
import { feedbackLayers, placedEvents } from "./feedback-layers.js";
import { placedStations } from "./stations-layers.js";

describe("overlay data", () => {
  it("places only the events and stations that say where they are", () => {
    const events = placedEvents([
      { id: "a", ts: 1, title: "Rác thải tồn đọng", lat: 9.6, lon: 105.97 },
      { id: "b", ts: 2, title: "Không có toạ độ" },
    ]);
    expect(events.map((e) => e.id)).toEqual(["a"]);
    const stations = placedStations({
      kind: "breakdown",
      unit: "‰",
      items: [
        { key: "k1", label: "Đại Ngãi", value: 3.2, lat: 9.73, lon: 106.07, target: 4 },
        { key: "k2", label: "Không rõ vị trí", value: 1 },
        { key: "k3", label: "Sai kiểu", value: 1, lat: "9.7", lon: 106 },
      ],
    });
    expect(stations).toEqual([{ key: "k1", label: "Đại Ngãi", value: 3.2, lat: 9.73, lon: 106.07, target: 4 }]);
  });

  it("joins a breakdown to districts by key or by name", () => {
    const values = districtValues({ kind: "breakdown", items: [{ key: "st-ks", label: "Kế Sách", value: 42 }] });
    expect(values.get("st-ks")).toBe(42);
    expect(values.get("Kế Sách")).toBe(42);
    expect(districtValues(undefined).size).toBe(0);
  });

  it("colours a station red at its threshold, amber from three quarters of it, green below", () => {
    expect(thresholdColor(4, 4)).toEqual(tones.bad);
    expect(thresholdColor(3, 4)).toEqual(tones.warn);
    expect(thresholdColor(2.9, 4)).toEqual(tones.good);
  });

  it("colours feedback by status and ramps a choropleth from its lowest to its highest value", () => {
    expect(feedbackColor("overdue")).toEqual(tones.bad);
    expect(feedbackColor("resolved")).toEqual(tones.good);
    expect(feedbackColor("something new")).toEqual(tones.info);
    const [low, high] = [rampColor(10, 10, 20), rampColor(20, 10, 20)];
    expect(high[2]).toBeGreaterThan(low[2]);
    expect(rampColor(15, 15, 15)).toEqual(rampColor(0, -1, 1));
  });
});

describe("feedback layers", () => {
  const now = 1_000_000_000;
  const events = placedEvents([
    { id: "new", ts: now - 60_000, title: "Mới", status: "received", lat: 9.6, lon: 105.97 },
    { id: "old", ts: now - 3_600_000, title: "Cũ", status: "resolved", lat: 9.5, lon: 105.9 },
  ]);
  const ids = (zoom: number) => feedbackLayers(events, { zoom, heatmapBelowZoom: 9, pulseMinutes: 10, now, phase: 0.5 }).map((l) => l.id);

  it("draws a heatmap below the zoom the layout names and dots from it up, the newest pulsing at any zoom", () => {
    expect(ids(8)).toEqual(["feedback-heat", "feedback-pulse"]);
    expect(ids(9)).toEqual(["feedback-points", "feedback-pulse"]);
    const pulse = feedbackLayers(events, { zoom: 10, heatmapBelowZoom: 9, pulseMinutes: 10, now, phase: 0.5 }).find((l) => l.id === "feedback-pulse")!;
    expect((pulse.props.data as Array<{ id: string }>).map((e) => e.id)).toEqual(["new"]);
  });
});
