// @vitest-environment jsdom
import { act } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";
import { widgetExample, widgetKinds, type WidgetKindId } from "../../electron/common/widgets/widget-kinds.js";
import { widgetRegistry } from "./registry.js";
import type { TileStatus } from "./widget-props.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const roots: Array<() => void> = [];
afterEach(() => roots.splice(0).forEach((u) => u()));

async function mount(kind: WidgetKindId, options: unknown) {
  const { default: Widget } = await widgetRegistry[kind].load();
  const el = document.createElement("div");
  document.body.append(el);
  const root = createRoot(el);
  const statuses: TileStatus[] = [];
  await act(async () => {
    root.render(<Widget options={options} width={800} height={400} visible={{ x: 0, y: 0, width: 800, height: 400 }} language="vi" setStatus={(s) => statuses.push(s)} />);
  });
  roots.push(() => {
    act(() => root.unmount());
    el.remove();
  });
  return { el, statuses };
}

describe("every registered widget", () => {
  it("is registered for every kind the layouts accept, with a Vietnamese name", () => {
    expect(Object.keys(widgetRegistry).sort()).toEqual(Object.keys(widgetKinds).sort());
    for (const w of Object.values(widgetRegistry)) expect(w.name.vi.length).toBeGreaterThan(0);
  });

  it("has a working example for every kind: what the e2e conformance test mounts", () => {
    for (const kind of Object.keys(widgetKinds) as WidgetKindId[]) expect(() => widgetExample(kind), kind).not.toThrow();
  });
});

describe("text widget", () => {
  it("renders markup in its content as literal text", async () => {
    const hostile = "<img src=x onerror=alert(1)>";
    const { el } = await mount("text", widgetKinds.text.optionsSchema.parse({ heading: { vi: hostile }, body: { vi: "Sóc Trăng" } }));
    expect(el.querySelector(".text-heading")!.textContent).toBe(hostile);
    expect(el.querySelector("img")).toBeNull();
    expect(el.textContent).toContain(hostile);
  });
});
