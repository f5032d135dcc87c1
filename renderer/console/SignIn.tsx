import { useState, type FormEvent } from "react";
import type { Language } from "../../electron/common/localized-text.js";
import { translate } from "../ui/i18n.js";
import { api, ApiError } from "./api-client.js";
import { useConsole } from "./console-store.js";

/** Username and password for people; an access token (the generated admin token, an integration's) below it. */
export function SignIn({ language }: { language: Language }) {
  const refusal = useConsole((s) => s.refusal);
  const signIn = useConsole((s) => s.signIn);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(language, key, vars);

  const withPassword = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const username = String(form.get("username") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!username || !password) return;
    setBusy(true);
    setError("");
    try {
      const session = await api.login(username, password);
      signIn({ token: session.token, name: username, role: session.role });
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      setError(t(status === 401 ? "wrongPassword" : status === 429 ? "tooManySignIns" : "serviceUnreachable"));
    } finally {
      setBusy(false);
    }
  };

  const withToken = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const token = String(new FormData(e.currentTarget).get("token") ?? "").trim();
    if (token) signIn({ token });
  };

  const shown = error || refusal;
  return (
    <main className="sign-in">
      <h1>{t("consoleTitle")}</h1>
      <form onSubmit={(e) => void withPassword(e)}>
        <label>
          {t("username")}
          <input name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} autoFocus required />
        </label>
        <label>
          {t("password")}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit" disabled={busy}>
          {t("signIn")}
        </button>
      </form>
      {shown && (
        <div className="form-error" role="alert">
          {shown}
        </div>
      )}
      <details className="token-sign-in">
        <summary>{t("signInWithToken")}</summary>
        <form onSubmit={withToken}>
          <label>
            {t("tokenLabel")}
            <input name="token" type="password" autoComplete="off" />
          </label>
          <button type="submit">{t("useToken")}</button>
        </form>
      </details>
    </main>
  );
}
