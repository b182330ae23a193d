"""A bar chart as plain SVG, drawn on the server: no scripts, no other hosts."""

from django.utils.html import escape

from masthead.funding.selectors import MonthTotal

WIDTH, HEIGHT = 720, 260
LEFT, BOTTOM, TOP = 56, 40, 16


def months_chart(history: list[MonthTotal], title: str) -> str:
    """Return an accessible SVG bar chart of money received per month."""
    peak = max((total.received.minor for total in history), default=0) or 1
    slot = (WIDTH - LEFT) / max(len(history), 1)
    plot = HEIGHT - BOTTOM - TOP
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="chart-title chart-desc" class="funding-chart">',
        f'<title id="chart-title">{escape(title)}</title>',
        '<desc id="chart-desc">'
        + escape("; ".join(f"{t.month:%B %Y}: {t.received}" for t in history))
        + "</desc>",
        f'<line x1="{LEFT}" y1="{TOP + plot}" x2="{WIDTH}" y2="{TOP + plot}" '
        'stroke="currentColor" stroke-width="1"/>',
    ]
    for index, total in enumerate(history):
        value = max(total.received.minor, 0)
        height = round(plot * value / peak, 1)
        x = round(LEFT + index * slot + slot * 0.15, 1)
        y = round(TOP + plot - height, 1)
        parts.append(
            f'<rect x="{x}" y="{y}" width="{round(slot * 0.7, 1)}" height="{height}" '
            f'fill="#9b1c1c"><title>{escape(f"{total.month:%B %Y}: {total.received}")}'
            "</title></rect>"
        )
        parts.append(
            f'<text x="{round(x + slot * 0.35, 1)}" y="{HEIGHT - BOTTOM + 16}" '
            f'text-anchor="middle" font-size="12" fill="currentColor">'
            f"{total.month:%b}</text>"
        )
    if history:
        top = max(history, key=lambda total: total.received.minor).received
        parts.append(
            f'<text x="{LEFT - 6}" y="{TOP + 10}" text-anchor="end" font-size="12" '
            f'fill="currentColor">{escape(str(top))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
