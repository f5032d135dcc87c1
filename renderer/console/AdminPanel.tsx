import { useCallback, useEffect, useState, type FormEvent } from "react";
import { auditActions } from "../../electron/common/audit-actions.js";
import type { Language } from "../../electron/common/localized-text.js";
import { formatTime } from "../ui/format.js";
import { translate } from "../ui/i18n.js";
import { api, ApiError, type AuditRow, type Role, type TokenRow, type UserRow } from "./api-client.js";

const roles: Role[] = ["viewer", "operator", "admin"];
const actions = ["", ...auditActions];

function RoleSelect({ name, defaultValue, language }: { name: string; defaultValue: Role; language: Language }) {
  return (
    <select name={name} aria-label={translate(language, "role")} defaultValue={defaultValue}>
      {roles.map((r) => (
        <option key={r} value={r}>
          {translate(language, `role_${r}`)}
        </option>
      ))}
    </select>
  );
}

/** Accounts, API tokens and the audit trail: what an admin keeps. Every check is the service's; this is the form. */
export function AdminPanel({ token, language, changes }: { token: string; language: Language; changes: number }) {
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(language, key, vars);
  const [users, setUsers] = useState<UserRow[]>([]);
  const [tokens, setTokens] = useState<TokenRow[]>([]);
  const [audit, setAudit] = useState<AuditRow[]>([]);
  const [filter, setFilter] = useState({ who: "", action: "" });
  const [shownToken, setShownToken] = useState<{ name: string; token: string }>();
  const [error, setError] = useState("");
  const fail = (e: unknown) => setError(e instanceof ApiError ? e.message : String(e));

  const reload = useCallback(() => {
    Promise.all([api.users(token), api.tokens(token), api.audit(token, { limit: 200, ...filter })]).then(([u, k, a]) => {
      setUsers(u.users);
      setTokens(k.tokens);
      setAudit(a.entries);
    }, fail);
  }, [token, filter]);
  useEffect(() => reload(), [reload, changes]);

  const createUser = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    setError("");
    api.createUser(token, { username: String(f.get("new-username")), password: String(f.get("new-password")), role: String(f.get("new-role")) as Role }).then(() => {
      form.reset();
      reload();
    }, fail);
  };
  const createToken = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    setError("");
    api.createToken(token, { name: String(f.get("token-name")), role: String(f.get("token-role")) as Role }).then((made) => {
      setShownToken({ name: made.name, token: made.token });
      form.reset();
      reload();
    }, fail);
  };

  return (
    <div className="admin-panel">
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      <section>
        <h2>{t("accounts")}</h2>
        <table className="users-table">
          <thead>
            <tr>
              <th>{t("username")}</th>
              <th>{t("role")}</th>
              <th>{t("createdAt")}</th>
              <th>{t("lastLogin")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.username} data-user={u.username}>
                <td>{u.username}</td>
                <td>{t(`role_${u.role}`)}</td>
                <td>{formatTime(u.createdAt, language, true)}</td>
                <td>{u.lastLoginAt ? formatTime(u.lastLoginAt, language, true) : "—"}</td>
                <td>
                  <button type="button" onClick={() => api.deleteUser(token, u.username).then(reload, fail)}>
                    {t("delete")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form className="inline-form" onSubmit={createUser} aria-label={t("newAccount")}>
          <input name="new-username" placeholder={t("username")} aria-label={t("newUsername")} required pattern="[a-z0-9._\-]{2,32}" autoComplete="off" />
          <input name="new-password" type="password" placeholder={t("password")} aria-label={t("newPassword")} required minLength={8} autoComplete="new-password" />
          <RoleSelect name="new-role" defaultValue="operator" language={language} />
          <button type="submit">{t("createAccount")}</button>
        </form>
      </section>
      <section>
        <h2>{t("apiTokens")}</h2>
        {shownToken && (
          <p className="shown-once" role="status">
            {t("tokenShownOnce", { name: shownToken.name })} <code data-new-token={shownToken.name}>{shownToken.token}</code>
          </p>
        )}
        <table className="tokens-table">
          <tbody>
            {tokens.map((k) => (
              <tr key={k.name} data-token={k.name}>
                <td>{k.name}</td>
                <td>{t(`role_${k.role}`)}</td>
                <td>{formatTime(k.createdAt, language, true)}</td>
                <td>
                  <button type="button" onClick={() => api.revokeToken(token, k.name).then(reload, fail)}>
                    {t("revoke")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form className="inline-form" onSubmit={createToken} aria-label={t("newToken")}>
          <input name="token-name" placeholder={t("tokenName")} aria-label={t("tokenName")} required pattern="[a-z0-9._\-]{2,32}" autoComplete="off" />
          <RoleSelect name="token-role" defaultValue="viewer" language={language} />
          <button type="submit">{t("createToken")}</button>
        </form>
      </section>
      <section>
        <h2>{t("audit")}</h2>
        <div className="filters">
          <input value={filter.who} onChange={(e) => setFilter({ ...filter, who: e.target.value })} placeholder={t("who")} aria-label={t("who")} />
          <select value={filter.action} onChange={(e) => setFilter({ ...filter, action: e.target.value })} aria-label={t("action")}>
            {actions.map((a) => (
              <option key={a} value={a}>
                {a || t("allActions")}
              </option>
            ))}
          </select>
        </div>
        <table className="audit-table">
          <thead>
            <tr>
              <th>{t("time")}</th>
              <th>{t("who")}</th>
              <th>{t("from")}</th>
              <th>{t("action")}</th>
              <th>{t("result")}</th>
              <th>{t("details")}</th>
            </tr>
          </thead>
          <tbody>
            {audit.map((e, i) => (
              <tr key={`${e.at}-${i}`} data-audit-action={e.action} data-allowed={e.allowed ? "true" : "false"} data-who={e.who}>
                <td>{formatTime(e.at, language, true, true)}</td>
                <td>
                  {e.who} <span className="muted">({e.role || "—"})</span>
                </td>
                <td>{e.from}</td>
                <td>{e.action}</td>
                <td className={e.allowed ? "cond-ok" : "cond-lost"}>{e.allowed ? t("allowed") : t("refused", { status: e.status })}</td>
                <td>{Object.entries(e.details).map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`).join(" ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
