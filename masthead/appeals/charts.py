"""Conversion per variant as plain SVG: no scripts, no other hosts."""

from django.utils.html import escape

from masthead.appeals.selectors import VariantResult

WIDTH, ROW, LEFT, RIGHT, TOP = 720, 44, 150, 90, 24


def conversion_chart(variants: list[VariantResult], title: str) -> str:
    """Horizontal bars of each variant's conversion, with 95% intervals."""
    shown = [v for v in variants if v.impressions]
    peak = max((v.interval.high for v in shown), default=0) or 0.01
    height = TOP + ROW * max(len(shown), 1) + 24
    span = WIDTH - LEFT - RIGHT
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        'role="img" aria-labelledby="conversion-title conversion-desc" '
        'class="appeal-chart">',
        f'<title id="conversion-title">{escape(title)}</title>',
        '<desc id="conversion-desc">'
        + escape(
            "; ".join(
                f"Variant {v.key}: {v.interval.rate:.2%} "
                f"(95% interval {v.interval.low:.2%} to {v.interval.high:.2%})"
                for v in shown
            )
            or "No impressions yet."
        )
        + "</desc>",
    ]

    def x(rate: float) -> float:
        return round(LEFT + span * rate / peak, 1)

    for index, variant in enumerate(shown):
        y = TOP + index * ROW
        interval = variant.interval
        label = f"Variant {variant.key}"
        parts += [
            f'<text x="{LEFT - 8}" y="{y + 18}" text-anchor="end" font-size="13" '
            f'fill="currentColor">{escape(label)}</text>',
            f'<rect x="{LEFT}" y="{y + 6}" width="{round(x(interval.rate) - LEFT, 1)}" '
            f'height="18" fill="#9b1c1c"><title>{escape(f"{interval.rate:.2%}")}'
            "</title></rect>",
            f'<line x1="{x(interval.low)}" y1="{y + 15}" x2="{x(interval.high)}" '
            f'y2="{y + 15}" stroke="currentColor" stroke-width="2"/>',
            f'<line x1="{x(interval.low)}" y1="{y + 9}" x2="{x(interval.low)}" '
            f'y2="{y + 21}" stroke="currentColor" stroke-width="2"/>',
            f'<line x1="{x(interval.high)}" y1="{y + 9}" x2="{x(interval.high)}" '
            f'y2="{y + 21}" stroke="currentColor" stroke-width="2"/>',
            f'<text x="{x(interval.high) + 6}" y="{y + 19}" font-size="13" '
            f'fill="currentColor">{interval.rate:.2%}</text>',
        ]
    parts.append("</svg>")
    return "".join(parts)
