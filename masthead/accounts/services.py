"""Writes for staff accounts' second factors."""

from base64 import b32encode

from django.db import transaction
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

RECOVERY_CODE_COUNT = 10
RECOVERY_DEVICE_NAME = "Recovery codes"


def primary_devices(user) -> list:
    """The user's confirmed authenticator apps and passkeys."""
    return [
        device
        for device in devices_for_user(user, confirmed=True)
        if isinstance(device, TOTPDevice | WebAuthnCredential)
    ]


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def recovery_codes_create(*, user) -> list[str]:
    """Replace the user's recovery codes with new ones; return them, once."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(
        user=user, name=RECOVERY_DEVICE_NAME, confirmed=True
    )
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=code) for code in codes
    )
    return codes


def totp_device_pending(*, user, device_id: int | None) -> TOTPDevice:
    """Return the unconfirmed authenticator being set up, or start a new one."""
    if device_id is not None:
        device = TOTPDevice.objects.filter(
            pk=device_id, user=user, confirmed=False
        ).first()
        if device is not None:
            return device
    return TOTPDevice.objects.create(
        user=user, name="Authenticator app", confirmed=False
    )


@transaction.atomic
def totp_device_confirm(*, device: TOTPDevice, token: str) -> bool:
    """Confirm the new authenticator if ``token`` is its current code."""
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    return True


@transaction.atomic
def device_delete(*, user, persistent_id: str) -> bool:
    """Remove one of the user's second factors; drop the recovery codes with
    the last authenticator or passkey, since they would then stand alone."""
    device = next(
        (
            device
            for device in devices_for_user(user, confirmed=None)
            if device.persistent_id == persistent_id
        ),
        None,
    )
    if device is None or isinstance(device, StaticDevice):
        return False
    device.delete()
    if not primary_devices(user):
        StaticDevice.objects.filter(user=user).delete()
    return True


def totp_secret_text(device: TOTPDevice) -> str:
    """The key in groups of four, for typing into an app by hand."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
