"""A horizontal bar chart per scenario, written as plain SVG (no plotting library needed)."""
from xml.sax.saxutils import escape

import scenarios
import variants

WIDTH, LABEL_W, VALUE_W, BAR_H, GAP = 960, 190, 150, 16, 4
COLOURS = {"jgi": "#d95f02", "baseline": "#7f8fa6"}


def write_svg(path, results):
    parts, y = [], 10
    for s in scenarios.SCENARIOS:
        rows = [r for r in results if r["scenario"] == s.name]
        if not rows:
            continue
        metric, unit = s.metric, s.unit
        rows.sort(key=lambda r: -r[metric])
        ideal = next((r["ideal_rps"] for r in rows if r.get("ideal_rps")), None)
        top = max([r[metric] for r in rows] + [ideal or 0]) or 1
        title = s.title + ("  (lower is better)" if s.metric != "rps" else "")
        parts.append(f'<text x="10" y="{y + 14}" font-weight="bold">{escape(title)}</text>')
        y += 22
        span = WIDTH - LABEL_W - VALUE_W
        for r in rows:
            v = variants.BY_NAME[r["variant"]]
            w = max(1.0, span * max(r[metric], 0) / top)
            parts.append(f'<text x="{LABEL_W - 6}" y="{y + 12}" text-anchor="end">{escape(v.name)}</text>')
            parts.append(f'<rect x="{LABEL_W}" y="{y}" width="{w:.1f}" height="{BAR_H}" '
                         f'fill="{COLOURS[v.family]}"/>')
            value = f"{r[metric]:,.2f}" if r[metric] < 100 else f"{r[metric]:,.0f}"
            parts.append(f'<text x="{LABEL_W + w + 6:.1f}" y="{y + 12}">{value} {unit}</text>')
            y += BAR_H + GAP
        if ideal:
            x = LABEL_W + span * ideal / top
            parts.append(f'<line x1="{x:.1f}" y1="{y - len(rows) * (BAR_H + GAP) - 2}" x2="{x:.1f}" '
                         f'y2="{y}" stroke="black" stroke-dasharray="4 3"/>')
            parts.append(f'<text x="{x - 4:.1f}" y="{y + 12}" text-anchor="end">ideal {ideal:,.0f}</text>')
            y += 16
        y += 14
    legend = (f'<rect x="{LABEL_W}" y="{y}" width="12" height="12" fill="{COLOURS["jgi"]}"/>'
              f'<text x="{LABEL_W + 18}" y="{y + 11}">JGI</text>'
              f'<rect x="{LABEL_W + 70}" y="{y}" width="12" height="12" fill="{COLOURS["baseline"]}"/>'
              f'<text x="{LABEL_W + 88}" y="{y + 11}">baselines (same run)</text>')
    height = y + 24
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
           f'viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" font-size="12">'
           f'<rect width="100%" height="100%" fill="white"/>' + "".join(parts) + legend + "</svg>\n")
    path.write_text(svg)
