// Hold a Publish (or any submit) of the page editor until a background save
// in flight has finished.
//
// The first autosave of a new page creates its draft and then points the form
// at the draft's editor. A Publish sent while that save is still on its way
// goes to the new-page form instead, which then finds the draft's slug taken
// ("slug already in use") or a draft left behind on the next try. Waiting for
// the save sends the Publish to the draft it created.
(() => {
  "use strict";

  const autosaveOf = (form) =>
    window.wagtail && window.wagtail.app
      ? window.wagtail.app.getControllerForElementAndIdentifier(form, "w-autosave")
      : null;

  document.addEventListener(
    "submit",
    (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-edit-form")) {
        return;
      }
      const autosave = autosaveOf(form);
      if (!autosave) {
        return;
      }
      const pending = autosave.submitPromise;
      // No save starts once the editor has sent the form.
      autosave.activeValue = false;
      if (!pending) {
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      const submitter = event.submitter;
      pending.finally(() => {
        // The save may have moved the form to the draft's edit view.
        if (!submitter || submitter.form !== form) {
          form.requestSubmit();
          return;
        }
        // The button shows its progress disabled, and a disabled button
        // would not send its name (action-publish).
        const disabled = submitter.disabled;
        submitter.disabled = false;
        form.requestSubmit(submitter);
        submitter.disabled = disabled;
      });
    },
    true,
  );
})();
