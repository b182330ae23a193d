from django.db import migrations, models

# The exponents as they were when presets were whole currency units.
ZERO_DECIMALS = {"JPY", "KRW", "ISK", "CLP", "VND", "XOF"}
THREE_DECIMALS = {"BHD", "KWD", "JOD", "TND"}


def _places(currency):
    if currency in ZERO_DECIMALS:
        return 0
    return 3 if currency in THREE_DECIMALS else 2


def presets_to_minor_units(apps, schema_editor):
    """Turn "2, 5, 10" (whole units) into [200, 500, 1000]."""
    DonationOption = apps.get_model("funding", "DonationOption")
    for option in DonationOption.objects.iterator():
        scale = 10 ** _places(option.currency)
        option.presets_minor = [
            int(part.strip()) * scale
            for part in option.presets.split(",")
            if part.strip().isdigit() and int(part.strip()) > 0
        ]
        option.save(update_fields=["presets_minor"])


def presets_to_whole_units(apps, schema_editor):
    DonationOption = apps.get_model("funding", "DonationOption")
    for option in DonationOption.objects.iterator():
        scale = 10 ** _places(option.currency)
        # Amounts with decimals have no whole-unit form: rounded down, at least 1.
        option.presets = ", ".join(
            str(max(1, minor // scale)) for minor in option.presets_minor
        )
        option.save(update_fields=["presets"])


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0002_event_order_retries_and_subscription_state"),
    ]

    operations = [
        migrations.AddField(
            model_name="donationoption",
            name="presets_minor",
            field=models.JSONField(
                default=list,
                help_text="Minor units (cents), in the order offered.",
                verbose_name="preset amounts",
            ),
        ),
        migrations.AlterField(
            model_name="donationoption",
            name="presets",
            field=models.CharField(blank=True, default="", max_length=200),
        ),
        migrations.RunPython(presets_to_minor_units, presets_to_whole_units),
        migrations.RemoveField(
            model_name="donationoption",
            name="presets",
        ),
    ]
