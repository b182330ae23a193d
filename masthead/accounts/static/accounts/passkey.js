// Back to the list of second factors once a passkey is registered.
document.addEventListener("otp_webauthn.register_complete", () => {
  const done = document.querySelector("[data-passkey-done-url]");
  window.setTimeout(() => {
    window.location.assign(done.dataset.passkeyDoneUrl);
  }, 800);
});
