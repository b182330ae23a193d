"""Building appeals, for the tests and the demo newsroom alike."""

from masthead.appeals.models import Appeal, AppealVariant, Placement


def appeal_build(
    key: str = "end", *, variants: list[dict] | None = None, sections=(), **fields
) -> Appeal:
    """Create an appeal and its variants (one dict of fields per variant)."""
    fields.setdefault("name", key.replace("-", " ").capitalize())
    fields.setdefault("placement", Placement.END)
    appeal = Appeal.objects.create(key=key, **fields)
    for index, variant in enumerate(variants or [{}]):
        AppealVariant.objects.create(
            appeal=appeal,
            sort_order=index,
            **{
                "headline": f"{key} headline {index}",
                "body": "<p>Please support us.</p>",
                "button_label": "Support us",
                **variant,
            },
        )
    if sections:
        appeal.sections.set(sections)
        appeal.save()  # a cluster's many-to-many is written on save
    return appeal
