/** Styles of the explorer page; inline, so the page needs nothing from the network. */
export const pageStyle = String.raw`
:root { color-scheme: light dark; --bg: #f6f7f9; --panel: #fff; --ink: #1d2330; --muted: #667085; --line: #d0d5dd; --accent: #0b6bcb; --bad: #b42318; }
@media (prefers-color-scheme: dark) { :root { --bg: #111418; --panel: #1a1f26; --ink: #e6e8eb; --muted: #98a2b3; --line: #344054; --accent: #53a6ff; --bad: #f97066; } }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; background: var(--bg); color: var(--ink); }
header { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 12px 16px; border-bottom: 1px solid var(--line); background: var(--panel); }
header h1 { font-size: 16px; margin: 0 12px 0 0; }
header label { color: var(--muted); }
input, textarea, button { font: inherit; color: inherit; }
input, textarea { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 6px 8px; }
#api-key { width: 26em; font-family: ui-monospace, monospace; }
button { background: var(--accent); color: #fff; border: 0; border-radius: 6px; padding: 6px 14px; cursor: pointer; }
button.link { background: none; color: var(--accent); padding: 0; border-radius: 0; }
#status { color: var(--muted); }
#status.bad, .bad { color: var(--bad); }
main { display: grid; grid-template-columns: minmax(260px, 1fr) 2fr; gap: 16px; padding: 16px; min-height: calc(100vh - 60px); }
aside, section { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 12px; overflow: auto; }
aside { max-height: calc(100vh - 92px); }
#type-filter { width: 100%; margin-bottom: 8px; }
#type-list { list-style: none; margin: 0 0 12px; padding: 0; max-height: 30vh; overflow: auto; border-bottom: 1px solid var(--line); }
#type-list li { padding: 2px 0; }
.kind { color: var(--muted); font-size: 11px; margin-left: 6px; text-transform: lowercase; }
.field { margin: 8px 0; font-family: ui-monospace, monospace; }
.desc { color: var(--muted); font-family: system-ui, sans-serif; margin: 2px 0 0 12px; white-space: pre-wrap; }
.editor-row { display: flex; gap: 12px; align-items: center; margin-bottom: 8px; }
textarea { width: 100%; font-family: ui-monospace, monospace; resize: vertical; }
#query { min-height: 16em; }
#variables { min-height: 5em; }
#result { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 8px; min-height: 8em; white-space: pre-wrap; word-break: break-word; font-family: ui-monospace, monospace; }
.meta { color: var(--muted); margin: 8px 0 4px; }
@media (max-width: 800px) { main { grid-template-columns: 1fr; } }
`;
