/** The audit trail's action names (DESIGN.md, Access): the service writes them, the console filters by them. */
export const auditActions = [
  "layout.switch", "map.view", "override.set", "override.clear", "undo", "login", "logout", "user.create", "user.delete",
  "token.create", "token.revoke", "schedule.pause", "schedule.resume", "schedule.step", "briefing.start", "briefing.stop",
  "alarm.raise", "alarm.ack", "alarm.lock", "simulator.mode",
] as const;
export type AuditAction = (typeof auditActions)[number];
