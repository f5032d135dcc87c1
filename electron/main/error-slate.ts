/** A self-contained page for a window that keeps failing: no script, text escaped. */
export function errorSlateUrl(message: string): string {
  const escaped = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const html =
    `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    `<style>html,body{margin:0;height:100%;background:#05101f;color:#f5b041;font:3vh sans-serif;display:flex;align-items:center;justify-content:center;text-align:center;cursor:none}</style>` +
    `<body><p style="max-width:70vw">${escaped}</p></body>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}
