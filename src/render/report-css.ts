/**
 * The report's stylesheet. Colours are the Okabe–Ito palette (told apart with colour blindness),
 * and every outcome also carries a mark (✓ ○ ✕), so nothing is said by colour alone. Light and dark
 * follow the reader's preference; print is black on white, with no scroll boxes.
 */
export const REPORT_CSS = `
:root{--bg:#fff;--fg:#1b1b1b;--muted:#5c5c5c;--rule:#d8d8d8;--panel:#f6f6f4;
--jss:#0072B2;--success:#009E73;--neutral:#E69F00;--negative:#D55E00;--pending:#56B4E9;--excluded:#8c8c8c;--observed:#CC79A7;
--success-bg:#e3f4ee;--neutral-bg:#fcf1d9;--negative-bg:#fbe6da;--pending-bg:#e4f2fb;--excluded-bg:#f0f0f0}
@media (prefers-color-scheme:dark){:root{--bg:#121314;--fg:#e9e9e6;--muted:#a6a6a0;--rule:#3a3b3d;--panel:#1c1d1f;
--jss:#56B4E9;--success-bg:#10342a;--neutral-bg:#3a2d0d;--negative-bg:#3d2010;--pending-bg:#132d3d;--excluded-bg:#262626}}
*{box-sizing:border-box}
html{background:var(--bg);color:var(--fg)}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1040px;margin:0 auto;padding:24px 20px 48px}
h2{font-size:1.3rem;margin:2.2rem 0 .6rem;padding-top:.8rem;border-top:1px solid var(--rule)}
h3{font-size:1.05rem;margin:1.4rem 0 .4rem}
a{color:var(--jss)}
.sub{color:var(--muted);font-weight:normal}
.kicker{margin:0;color:var(--muted)}
.jss{margin:.2rem 0}
.big{font-size:3.6rem;font-weight:700;line-height:1.1;color:var(--jss);margin-right:.3rem}
.badges,.legend,.facts{list-style:none;padding:0;margin:.4rem 0;display:flex;flex-wrap:wrap;gap:.4rem 1rem}
.badges li{padding:.1rem .6rem;border-radius:1rem;border:1px solid var(--rule)}
.badges .met{border-color:var(--success);background:var(--success-bg)}
.facts li{margin:0}
.provisional{border-left:4px solid var(--neutral);background:var(--neutral-bg);padding:.4rem .8rem}
.chart{margin:0}
svg.timeline{width:100%;height:auto;display:block;font-size:12px;font-family:inherit}
svg text{fill:var(--fg)}
.grid line{stroke:var(--rule);stroke-width:1}
.tick{fill:var(--muted)}
.thresholds line,.threshold-key{stroke:var(--muted);stroke-width:1.2}
.thresholds text{fill:var(--muted)}
.axis line{stroke:var(--muted)}
path.window{fill:none;stroke:var(--fg);stroke-opacity:.38;stroke-width:1.5}
path.jss{fill:none;stroke:var(--jss);stroke-width:3;stroke-linejoin:round}
.today line{stroke:var(--negative);stroke-width:1.5;stroke-dasharray:4 3}
.today text{fill:var(--negative);font-weight:600}
.observed circle{fill:var(--observed);stroke:var(--bg);stroke-width:1.5}
.observed circle.model{fill:var(--bg);stroke:var(--jss);stroke-width:2}
.observed text{font-size:11px}
.event path{fill:var(--muted)}
.event:hover path{fill:var(--jss)}
svg.key{width:30px;height:10px;vertical-align:middle}
.legend{font-size:.9rem;color:var(--muted)}
#crossings,#events{columns:22rem;column-gap:2rem;padding-left:1.2rem}
#events{font-size:.9rem}
.scroll{overflow-x:auto}
#timeline .scroll{max-height:26rem;overflow-y:auto;border:1px solid var(--rule)}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.3rem 0}
caption{text-align:left;color:var(--muted);padding:.2rem 0;caption-side:top}
th,td{padding:.25rem .5rem;border-bottom:1px solid var(--rule);vertical-align:top}
thead th{position:sticky;top:0;background:var(--panel);text-align:right;font-weight:600}
table.num td,table.num th{text-align:right;font-variant-numeric:tabular-nums}
table.num .text,table.num th.text{text-align:left}
tbody th{text-align:left;font-weight:600}
td.ineligible{color:var(--muted);font-style:italic}
tr.shown{background:var(--pending-bg)}
.note{color:var(--muted);font-size:.85rem}
tr.o-success th{border-left:5px solid var(--success)}
tr.o-neutral th{border-left:5px solid var(--neutral)}
tr.o-negative th{border-left:5px solid var(--negative)}
tr.o-excluded th{border-left:5px solid var(--excluded)}
tr.o-pending th{border-left:5px solid var(--pending)}
tr.o-success{background:var(--success-bg)}
tr.o-neutral{background:var(--neutral-bg)}
tr.o-negative{background:var(--negative-bg)}
tr.o-excluded{background:var(--excluded-bg)}
tr.o-pending{background:var(--pending-bg)}
.open{border:1px solid var(--rule);border-radius:6px;padding:.2rem 1rem .6rem;margin:1rem 0;break-inside:avoid}
.recommendation{border-left:4px solid var(--success);padding:.2rem .8rem;background:var(--success-bg)}
tr.recommended th{color:var(--success)}
.bar-cell{white-space:nowrap;text-align:left!important}
.bar-cell .v{display:inline-block;min-width:5.5em;text-align:right}
svg.bar{width:200px;height:12px;vertical-align:middle}
td.date,th.date{white-space:nowrap}
svg.bar .track{fill:var(--panel);stroke:var(--rule);stroke-width:.5}
svg.bar .fill{fill:var(--jss)}
tr.recommended svg.bar .fill{fill:var(--success)}
svg.bar .mark{stroke:var(--fg);stroke-width:1.2}
footer{margin-top:2.5rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--rule);padding-top:.6rem}
@media print{:root{--bg:#fff;--fg:#000;--muted:#444;--rule:#bbb;--panel:#fff}
body{font-size:10.5pt}main{max-width:none;padding:0}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
#timeline .scroll,.scroll{max-height:none;overflow:visible;border:0}
thead th{position:static}
section,figure,.open{break-inside:auto}h2,h3{break-after:avoid}tr{break-inside:avoid}
.chart{break-inside:avoid}a{color:inherit;text-decoration:none}a::after{content:" (" attr(href) ")";font-size:.85em}}
`.trim();
