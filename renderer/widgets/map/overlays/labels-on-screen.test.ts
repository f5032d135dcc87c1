import { describe, expect, it } from "vitest";
import { project } from "../../../../electron/common/geo/web-mercator.js";
import { TextLayer } from "@deck.gl/layers";
import { fitLabel, keepLabelsOnScreen, screenOf, type LabelFrame } from "./labels-on-screen.js";
import { labelPriority, labelsAt } from "./text-style.js";

const frame: LabelFrame = { view: { center: [105.97, 9.6], zoom: 10, bearing: 0 }, width: 1920, height: 1080, avoid: [], claim: { left: 0, top: 0, right: 12, bottom: 0 } };
const box = { width: 200, height: 30, anchor: "middle" as const, baseline: "center" as const, offset: [0, 0] as [number, number] };

describe("map labels on a display", () => {
  it("places the view's centre in the canvas's middle and east to the right, turned with the bearing", () => {
    expect(screenOf(frame, [105.97, 9.6])).toEqual([960, 540]);
    const [x] = screenOf(frame, [106.0, 9.6]);
    expect(x).toBeCloseTo(960 + project([106.0, 9.6], 10)[0] - project([105.97, 9.6], 10)[0], 6);
    // With east at the top of the screen, a place to the east is above the centre.
    const [, y] = screenOf({ ...frame, view: { ...frame.view, bearing: 90 } }, [106.0, 9.6]);
    expect(y).toBeLessThan(540);
  });

  it("moves a label in from the bezel so it is whole on the display, and leaves the rest as they are", () => {
    expect(fitLabel(frame, [960, 540], box)).toEqual([0, 0]);
    // Centred 20 px from the right edge, a 200 px label would run 80 px over it: it moves 86 px left.
    expect(fitLabel(frame, [1900, 540], box)).toEqual([-86, 0]);
    expect(fitLabel(frame, [960, 5], box)).toEqual([0, 16]);
    // A label beside its dot keeps its own offset, plus the shift.
    expect(fitLabel(frame, [1800, 540], { ...box, anchor: "start", offset: [16, 0] })).toEqual([16 - 102, 0]);
  });

  it("leaves a label whose place is across the bezel to that display, and draws none under the legend", () => {
    expect(fitLabel(frame, [1935, 540], box)).toBeUndefined();
    expect(fitLabel(frame, [-3, 540], box)).toBeUndefined();
    // A place in the left half of a 24 px bezel to the right is this display's to label, whole on it.
    expect(fitLabel(frame, [1925, 540], box)).toEqual([-111, 0]);
    const legend = { ...frame, avoid: [{ x: 0, y: 0, width: 400, height: 200 }] };
    expect(fitLabel(legend, [300, 100], box)).toBeUndefined();
    expect(fitLabel(legend, [300, 400], box)).toEqual([0, 0]);
  });
});

describe("map labels together", () => {
  type Label = { name: string; at: [number, number] };
  const layer = (id: string, priority: number, data: Label[]) =>
    new TextLayer<Label>({ ...labelsAt(priority), id, data, getPosition: (l) => l.at, getText: (l) => l.name, getSize: 24 });
  const names = (layers: ReturnType<typeof keepLabelsOnScreen>) => layers.map((l) => (l.props.data as Label[]).map((d) => d.name));

  it("keeps the higher of two labels that would meet, every station's reading, and each label once", () => {
    const seat: [number, number] = [105.97, 9.6];
    const out = keepLabelsOnScreen(
      [
        layer("places", labelPriority.place, [{ name: "Town on the seat", at: seat }, { name: "Town far away", at: [105.8, 9.5] }]),
        layer("districts", labelPriority.district, [{ name: "District", at: seat }]),
        layer("stations", labelPriority.station, [{ name: "Station A 4,1‰", at: seat }, { name: "Station B 3,2‰", at: seat }]),
      ],
      frame,
    );
    // The stations' readings stay though they meet; the district's name and the town on the seat give way.
    expect(names(out)).toEqual([["Town far away"], [], ["Station A 4,1‰", "Station B 3,2‰"]]);
  });
});
