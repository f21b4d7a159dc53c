// The reports' stylesheet: calm, readable, printable. Colours match PALETTE in chart-spec.ts. At a phone's
// width the margins shrink: the desktop ones left a chart three quarters of the screen. A wide table's
// headings may break between words, its cells not, and its columns are 8 px apart; the page is as wide as a
// 1280 px window leaves it: a population's fifteen outcome columns then fit rather than scroll for the
// last one, at 20,000 accounts too. On paper nothing scrolls or unfolds: every table prints whole, folded
// or not, its rows past a scroll box's height and its columns within an A4 page's width (smaller type: a
// number broken before its % read as two), a diff's long lines wrapped.

export const STYLES = `
:root{--ink:#0f172a;--ink2:#334155;--muted:#64748b;--line:#e2e8f0;--bg:#f6f7fb;--card:#fff;
--good:#16a34a;--warn:#b45309;--bad:#dc2626;--info:#0369a1;--neutral:#64748b;--accent:#4f46e5;
--font:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang SC",sans-serif;
--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 var(--font)}
.wrap{max-width:1216px;margin:0 auto;padding:0 24px}
.top{background:linear-gradient(135deg,#1e1b4b 0%,#312e81 55%,#4338ca 100%);color:#eef2ff;padding:28px 0 26px;margin-bottom:24px}
.top h1{margin:2px 0 6px;font-size:28px;line-height:1.2;font-weight:700;letter-spacing:-.01em}
.kind{text-transform:uppercase;letter-spacing:.08em;font-size:12px;color:#c7d2fe;font-weight:600}
.lede{margin:0 0 12px;max-width:860px;color:#e0e7ff;font-size:16px}
.facts{display:flex;flex-wrap:wrap;gap:8px}
.fact{background:rgba(255,255,255,.12);border:1px solid rgba(255,255,255,.18);border-radius:999px;padding:3px 12px;font-size:13px}
.fact-k{color:#c7d2fe}
.card{background:var(--card);border:1px solid var(--line);border-radius:14px;padding:20px 22px;margin:0 0 20px;box-shadow:0 1px 2px rgba(15,23,42,.04)}
.card h2{margin:0 0 12px;font-size:18px;letter-spacing:-.005em}
.card h3{margin:18px 0 8px;font-size:15px}
.note{margin:-6px 0 14px;color:var(--muted);font-size:13.5px}
.chart{position:relative;width:100%}
.chart-tip{display:grid;grid-template-columns:minmax(0,1fr);gap:12px}
.chart-tip.side{grid-template-columns:minmax(0,1fr) 300px;gap:16px;align-items:start}
@media (max-width:900px){.chart-tip.side{grid-template-columns:minmax(0,1fr)}.chart-tip.side .tip{max-height:none!important}}
.tip{font-size:12.5px;line-height:1.45;color:var(--ink2);background:#f8fafc;border:1px solid var(--line);border-radius:10px;padding:10px 12px;overflow:auto;min-width:0}
.tip-hint{margin:0;color:var(--muted);font-style:italic}
.tip[data-pinned]{border-color:var(--accent);box-shadow:0 0 0 1px var(--accent)}
.tip-title{font-weight:700;color:var(--ink);margin:0 0 2px}
.tip-label{font-weight:600;margin:8px 0 2px!important;display:flex;align-items:center;gap:6px}
.tip-swatch{display:inline-block;width:10px;height:10px;border-radius:2px;flex:none}
.tip p{margin:2px 0}
.tip .remedy{color:#075985}
.grid2{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:20px;margin:0 0 20px}
.grid2>.card{margin:0}
@media (max-width:900px){.grid2{grid-template-columns:minmax(0,1fr)}}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:0 0 20px}
.stat{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:12px 14px;border-top:4px solid var(--accent)}
.stat-v{font-size:22px;font-weight:700;font-variant-numeric:tabular-nums}
.stat-k{color:var(--muted);font-size:13px}
.stat-s{color:var(--muted);font-size:12px;margin-top:2px}
.stat.tone-good{border-top-color:var(--good)}.stat.tone-bad{border-top-color:var(--bad)}
.stat.tone-warn{border-top-color:var(--warn)}.stat.tone-info{border-top-color:var(--info)}
.stat.tone-neutral{border-top-color:var(--neutral)}
.chip{display:inline-block;border-radius:999px;padding:1px 9px;font-size:12px;font-weight:600;white-space:nowrap;border:1px solid transparent}
.chip.tone-good{background:#dcfce7;color:#166534;border-color:#bbf7d0}
.chip.tone-warn{background:#fef3c7;color:#92400e;border-color:#fde68a}
.chip.tone-bad{background:#fee2e2;color:#991b1b;border-color:#fecaca}
.chip.tone-info{background:#e0f2fe;color:#075985;border-color:#bae6fd}
.chip.tone-neutral{background:#f1f5f9;color:#334155;border-color:#e2e8f0}
table{border-collapse:collapse;width:100%;font-size:13.5px}
th,td{text-align:left;padding:6px 10px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600;color:var(--ink2);background:#f8fafc;position:sticky;top:0}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.mono{white-space:nowrap}
table.wide td:first-child{white-space:nowrap;font-weight:500}
table.wide{font-size:12.5px}
table.wide th,table.wide td{padding:5px 4px}
table.wide th{vertical-align:bottom}
table.wide th.num{white-space:normal}
table.wide tr.sub td{color:var(--muted);font-weight:400}
.nw{white-space:nowrap}
.expectation{margin:14px 0 22px}
.expectation h4,.scenario h4{margin:12px 0 2px;font-size:14.5px}
table.checks{width:auto;min-width:50%}

tr.engine td{color:var(--muted)}
.scroll{overflow:auto;border:1px solid var(--line);border-radius:10px}
.scroll.tall{max-height:560px}
.xscroll{overflow-x:auto}
.scroll table th{border-bottom:1px solid var(--line)}
code,.mono{font-family:var(--mono);font-size:12.5px}
.code{font-family:var(--mono);font-size:12px;font-weight:600;color:var(--ink2);background:#f1f5f9;border-radius:4px;padding:0 5px}
details{margin:8px 0}
summary{cursor:pointer;color:var(--accent);font-weight:600}
.timeline{list-style:none;margin:0;padding:0;position:relative}
.timeline:before{content:"";position:absolute;left:9px;top:6px;bottom:6px;width:2px;background:var(--line)}
.timeline li{position:relative;padding:0 0 16px 32px}
.timeline li:before{content:"";position:absolute;left:3px;top:5px;width:10px;height:10px;border-radius:50%;background:#fff;border:3px solid var(--neutral)}
.timeline li.tone-good:before{border-color:var(--good)}.timeline li.tone-bad:before{border-color:var(--bad)}
.timeline li.tone-warn:before{border-color:var(--warn)}.timeline li.tone-info:before{border-color:var(--info)}
.when{color:var(--muted);font-size:13px;font-variant-numeric:tabular-nums}
.what{font-weight:600}
.reasons{margin:4px 0 0;padding:0;list-style:none}
.reasons li{padding:1px 0 1px 0}
.reasons li:before{display:none}
.reasons .numbers,.reasons li.also{color:var(--muted)}
.remedy{color:#075985}
.moves{color:var(--muted);font-size:13px}
.pass{color:var(--good);font-weight:700}.fail{color:var(--bad);font-weight:700}
.diff{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);border:1px solid var(--line);border-radius:10px;overflow:hidden;font-family:var(--mono);font-size:11.5px}
.diff .pane{overflow-x:auto;min-width:0}
.diff .pane+.pane{border-left:2px solid var(--line)}
.diff .pane>div{padding:0 10px;white-space:pre;min-height:21px;line-height:21px;width:max-content;min-width:100%}
.diff .chg{font-weight:700;text-decoration:underline;text-decoration-thickness:1px;text-underline-offset:3px}
.diff .title{background:#f1f5f9;font-family:var(--font);font-weight:700;font-size:12.5px;color:var(--ink2)}
.diff .h{background:#f8fafc;color:var(--info)}.diff .cols{color:var(--muted);font-weight:600}
.diff .del{background:#fee2e2;color:#991b1b}.diff .add{background:#dcfce7;color:#166534}
.diff .ctx{color:var(--muted)}.diff .gap{color:var(--muted);font-style:italic}.diff .none{background:#f8fafc}
.scenario{border-left:4px solid var(--line);padding:4px 0 4px 14px;margin:0 0 18px}
.scenario.tone-good{border-left-color:var(--good)}.scenario.tone-bad{border-left-color:var(--bad)}
.scenario.tone-warn{border-left-color:var(--warn)}
.scenario h3{margin:0 0 4px;display:flex;gap:10px;align-items:center;flex-wrap:wrap}
.path{color:var(--muted);font-family:var(--mono);font-size:12.5px}
.err{background:#fef2f2;border:1px solid #fecaca;border-radius:8px;padding:10px 12px;white-space:pre-wrap;font-family:var(--mono);font-size:12.5px;color:#7f1d1d}
.grid-table th{white-space:nowrap;text-align:center;padding:6px 4px;font-size:12px}
.grid-table td{text-align:center;font-family:var(--mono);font-size:12px;padding:4px 2px;min-width:26px}
.grid-table td.g-ok{background:#dcfce7;color:#166534}.grid-table td.g-late{background:#fee2e2;color:#991b1b}
.grid-table td.g-none{color:#cbd5e1}.grid-table td.g-other{background:#fef3c7;color:#92400e}
.diff-legend .key{font-family:var(--mono);font-size:11.5px;border-radius:4px;padding:0 5px;margin-right:4px}
.key.del{background:#fee2e2;color:#991b1b}.key.add{background:#dcfce7;color:#166534}
.key.chg{font-weight:700;text-decoration:underline;text-underline-offset:3px;color:var(--ink2)}
.key.ctx{background:#f8fafc;color:var(--muted)}.key.h{background:#f8fafc;color:var(--info)}
.legend-row{display:flex;flex-wrap:wrap;gap:10px;margin:8px 0 0;font-size:13px;color:var(--muted)}
.foot{color:var(--muted);font-size:12.5px;padding:8px 24px 36px}
.empty{color:var(--muted);font-style:italic}
@media (max-width:600px){.wrap{padding:0 12px}.card{padding:16px 14px}.top h1{font-size:24px}}
@media print{.top{background:none;color:var(--ink)}.lede,.kind,.fact-k{color:var(--muted)}.card{break-inside:avoid;box-shadow:none}
.wrap{padding:0}.card{padding:12px 10px}th{position:static}details::details-content{content-visibility:visible;display:block}
.scroll,.xscroll,.diff .pane{overflow:visible}.scroll.tall{max-height:none}
table{font-size:10px}th,td{padding:3px}table.wide{font-size:8.5px}table.wide th,table.wide td{padding:3px 2px}
th.num,td.parts{white-space:normal}table .code,table .chip,table .mono{font-size:1em}table .chip{white-space:normal}
.grid-table th,.grid-table td{font-size:9px;padding:2px 1px;min-width:0}
.diff .pane>div{white-space:pre-wrap;overflow-wrap:anywhere;width:auto}}
`;
