import { io } from "socket.io-client";
import { dragCamera, signIn, signInWithToken } from "./console-support.js";
import { expect, test } from "./fixtures.js";

test("the console refuses a wrong password and a wrong token", async ({ wall, page }) => {
  await signIn(page, wall, "khong-co", "sai-mat-khau");
  await expect(page.getByRole("alert")).toHaveText("Sai tên đăng nhập hoặc mật khẩu");
  await signInWithToken(page, wall, "sai-ma-truy-cap");
  await expect(page.getByRole("alert")).toHaveText("Phiên đăng nhập đã kết thúc hoặc mã không còn hiệu lực");
  await expect(page.locator(".mimic")).toHaveCount(0);
});

test("an admin makes accounts; the operator switches, pushes a camera by drag and undoes it; a second console sees each change", async ({ wall, page, context, openDisplay }) => {
  const d1 = await openDisplay("D1");
  const d2 = await openDisplay("D2");
  await signInWithToken(page, wall);
  await page.getByRole("button", { name: "Quản trị" }).click();
  for (const [name, password, role] of [["lan.nguyen", "ca-sang-2026", "operator"], ["xem", "chi-de-xem", "viewer"]] as const) {
    await page.getByLabel("Tên đăng nhập mới").fill(name);
    await page.getByLabel("Mật khẩu mới (ít nhất 8 ký tự)").fill(password);
    await page.getByRole("form", { name: "Tài khoản mới" }).getByLabel("Vai trò").selectOption(role);
    await page.getByRole("button", { name: "Tạo tài khoản" }).click();
    await expect(page.locator(`[data-user="${name}"]`)).toBeVisible();
  }
  await page.getByRole("button", { name: "Vận hành" }).click();

  const operator = await context.newPage();
  await operator.setViewportSize({ width: 1920, height: 1080 });
  await signIn(operator, wall, "lan.nguyen", "ca-sang-2026");
  await expect(operator.locator(".signed-in-as")).toContainText("lan.nguyen · Vận hành");
  await expect(operator.locator('[data-mimic-display="D1"]')).not.toHaveAttribute("data-health", "lost", { timeout: 15_000 });

  // A switch: both displays follow, and the admin's console says who did it.
  await operator.locator('.layout-list [data-layout-id="health"] button').click();
  await expect(d1.locator('[data-display-id="D1"]')).toHaveAttribute("data-layout-id", "health");
  await expect(d2.locator('[data-display-id="D2"]')).toHaveAttribute("data-layout-id", "health");
  await expect(page.locator(".last-change")).toContainText("Đổi bố cục bởi lan.nguyen");

  // Keys 1–9 put the n-th layout of the list (in the list's order) on the wall.
  const third = await operator.locator(".layout-list [data-layout-id]").nth(2).getAttribute("data-layout-id");
  await operator.locator("body").click({ position: { x: 5, y: 5 } });
  await operator.keyboard.press("3");
  await expect(d1.locator('[data-display-id="D1"]')).toHaveAttribute("data-layout-id", third!);
  await operator.locator('.layout-list [data-layout-id="overview"] button').click();
  await expect(d1.locator('[data-display-id="D1"]')).toHaveAttribute("data-layout-id", "overview");

  // A camera dragged onto a tile of D1 plays there. First D1's report of the layout it now shows (a
  // second after its swap, which waits for switchAt), so the mimic does not redraw under the drag.
  const revision = (await wall.api<{ revision: number }>("GET", "/api/state")).body.revision;
  await expect.poll(async () => (await wall.api<{ displays: Array<{ displayId: string; health?: { revision?: number } }> }>("GET", "/api/state")).body.displays.find((d) => d.displayId === "D1")?.health?.revision, { timeout: 15_000 }).toBe(revision);
  await expect(operator.locator('[data-mimic-tile="kpi-health"]')).toHaveAttribute("data-status", "ready", { timeout: 15_000 });
  await dragCamera(operator, "cam-03", "kpi-health");
  await expect(operator.locator('[data-mimic-tile="kpi-health"]')).toHaveAttribute("data-override", "true");
  await expect(d1.locator('[data-tile-id="kpi-health"][data-widget="camera"] [data-camera-id="cam-03"][data-camera-status="ready"]')).toBeVisible({ timeout: 20_000 });
  await expect(operator.locator('[data-mimic-tile="kpi-health"]')).toHaveAttribute("data-override", "true");
  await expect(page.locator('[data-mimic-tile="kpi-health"]')).toHaveAttribute("data-override", "true");
  await expect(page.locator(".last-change")).toContainText("Đặt camera lên ô bởi lan.nguyen");

  // Ctrl+Z puts the tile back.
  await operator.locator("body").click({ position: { x: 5, y: 5 } });
  await operator.keyboard.press("Control+z");
  await expect(d1.locator('[data-tile-id="kpi-health"]')).toHaveAttribute("data-widget", "kpi");
  await expect(operator.locator('[data-mimic-tile="kpi-health"]')).not.toHaveAttribute("data-override", "true");
  await expect(page.locator(".last-change")).toContainText("Hoàn tác bởi lan.nguyen");

  // The same by the tile's menu (keyboard and touch): pick a camera, show it, remove it.
  await operator.locator('[data-mimic-tile="kpi-education"]').click();
  await operator.locator(".tile-actions select").selectOption("cam-05");
  await operator.getByRole("button", { name: "Hiển thị trên ô" }).click();
  await expect(d1.locator('[data-tile-id="kpi-education"]')).toHaveAttribute("data-widget", "camera");
  await operator.getByRole("button", { name: "Bỏ ghi đè", exact: true }).click();
  await expect(d1.locator('[data-tile-id="kpi-education"]')).toHaveAttribute("data-widget", "kpi");
});

test("a viewer's switch is refused over REST and over a socket sent by hand, both audited by name, and the audit survives a restart", async ({ wall, page }) => {
  expect((await wall.api("POST", "/api/users", { username: "xem", password: "chi-de-xem", role: "viewer" })).status).toBe(201);
  const login = await wall.api<{ token: string }>("POST", "/api/login", { username: "xem", password: "chi-de-xem" }, null);
  const viewer = login.body.token;
  expect((await wall.api("POST", "/api/state/layout", { layoutId: "briefing" }, viewer)).status).toBe(403);
  const socket = io(`${wall.url}/control`, { auth: { token: viewer }, transports: ["websocket"], forceNew: true, reconnection: false });
  try {
    const ack = await socket.timeout(5000).emitWithAck("layout:switch", { layoutId: "briefing" });
    expect(ack).toMatchObject({ ok: false, status: 403 });
  } finally {
    socket.close();
  }
  await wall.stop();
  await wall.start();
  await signInWithToken(page, wall);
  await page.getByRole("button", { name: "Quản trị" }).click();
  await page.getByLabel("Người thực hiện").fill("xem");
  await page.getByLabel("Thao tác").selectOption("layout.switch");
  const refused = page.locator('.audit-table [data-audit-action="layout.switch"][data-who="xem"][data-allowed="false"]');
  await expect(refused).toHaveCount(2);
  await expect(refused.first()).toContainText("Từ chối (403)");
  // The viewer's console hides what it may not do.
  const viewerPage = await page.context().newPage();
  await signIn(viewerPage, wall, "xem", "chi-de-xem");
  await expect(viewerPage.locator(".mimic")).toBeVisible();
  await expect(viewerPage.locator('.layout-list [data-layout-id="briefing"] button')).toBeDisabled();
  await expect(viewerPage.getByRole("button", { name: "Hoàn tác" })).toHaveCount(0);
});

test("a display page that closes turns lost in the mimic; a revoked token is refused at once", async ({ wall, page, openDisplay }) => {
  const d4 = await openDisplay("D4");
  await signInWithToken(page, wall);
  await expect(page.locator('[data-mimic-display="D4"]')).not.toHaveAttribute("data-health", "lost", { timeout: 15_000 });
  await expect(page.locator('[data-mimic-display="D1"]')).toHaveAttribute("data-health", "lost");
  await d4.close();
  await expect(page.locator('[data-mimic-display="D4"]')).toHaveAttribute("data-health", "lost");
  await expect(page.locator('[data-mimic-tile="feedback"]')).toHaveAttribute("data-status", "lost");

  await page.getByRole("button", { name: "Quản trị" }).click();
  await page.getByLabel("Tên mã").fill("bao-cao-tuan");
  await page.getByRole("button", { name: "Tạo mã" }).click();
  const token = (await page.locator('[data-new-token="bao-cao-tuan"]').textContent())!;
  expect((await wall.api("GET", "/api/state", undefined, token)).status).toBe(200);
  await page.locator('[data-token="bao-cao-tuan"]').getByRole("button", { name: "Thu hồi" }).click();
  await expect(page.locator('[data-token="bao-cao-tuan"]')).toHaveCount(0);
  expect((await wall.api("GET", "/api/state", undefined, token)).status).toBe(401);
});

test("a camera picked on the console's map goes to the tile selected in the mimic", async ({ wall, page, openDisplay }) => {
  const d1 = await openDisplay("D1");
  await page.setViewportSize({ width: 1920, height: 1080 });
  await signInWithToken(page, wall);
  await expect(page.locator(".console-map-box")).toHaveAttribute("data-map-state", "ready", { timeout: 30_000 });
  await page.locator('[data-mimic-tile="kpi-education"]').click();
  await expect(page.locator(".console-map .hint")).toContainText("kpi-education");
  await page.locator('[data-map-camera="cam-06"]').click();
  await expect(d1.locator('[data-tile-id="kpi-education"][data-widget="camera"] .camera[data-camera-id="cam-06"]')).toBeVisible();
  await expect(page.locator('[data-mimic-tile="kpi-education"]')).toHaveAttribute("data-override", "true");
});

test("a console on a machine whose clock is a minute ahead still sees the displays as they are, not lost", async ({ wall, page, openDisplay }) => {
  await openDisplay("D1");
  // This console's machine keeps its own, wrong, time; the displays' reports are dated by the service.
  await page.addInitScript(() => {
    const real = Date.now.bind(Date);
    Date.now = () => real() + 60_000;
  });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await signInWithToken(page, wall);
  const d1 = page.locator('[data-mimic-display="D1"]');
  await expect(d1).not.toHaveAttribute("data-health", "lost", { timeout: 15_000 });
  // And on through the next reports.
  await page.waitForTimeout(6000);
  await expect(d1).not.toHaveAttribute("data-health", "lost");
  await expect(page.locator('[data-mimic-display="D2"]')).toHaveAttribute("data-health", "lost");
});
