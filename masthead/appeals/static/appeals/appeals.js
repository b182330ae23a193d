/* Appeals, decided on the reader's device.
 *
 * Every reader gets the same page; this script decides which appeal, if
 * any, to show in each place. What it remembers stays in localStorage under
 * one key: when the reader snoozed an appeal, said they already support us,
 * or donated; how many articles they have opened (a number, never which
 * ones); and the variant each appeal showed them. Beacons carry only
 * {appeal, variant, event}; no cookie is set and nothing else is sent.
 */
(function () {
  "use strict";

  var KEY = "masthead.appeals";
  var DAY = 864e5;
  var script = document.currentScript;
  var beaconUrl = script ? script.dataset.beacon : null;
  var state = load();

  function load() {
    try {
      var value = JSON.parse(window.localStorage.getItem(KEY) || "{}");
      return value && typeof value === "object" && !Array.isArray(value) ? value : {};
    } catch (error) {
      return {};
    }
  }

  function save() {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(state));
    } catch (error) {
      // Storage is off: decisions last for this page only.
    }
  }

  function table(name) {
    var value = state[name];
    if (!value || typeof value !== "object" || Array.isArray(value)) state[name] = {};
    return state[name];
  }

  function number(value) {
    value = Number(value);
    return isFinite(value) ? value : 0;
  }

  // Whether a moment stored on the device is less than `days` ago. A moment
  // far in the future (the clock was wrong then) counts as never.
  function within(since, days, now) {
    since = number(since);
    return since > 0 && since < now + DAY && now - since < days * DAY;
  }

  function send(appeal, event) {
    if (!beaconUrl || !navigator.sendBeacon) return;
    var body = JSON.stringify({
      appeal: appeal.dataset.appeal,
      variant: appeal.dataset.shown || "",
      event: event
    });
    try {
      navigator.sendBeacon(beaconUrl, body);
    } catch (error) {
      // Counting is best effort; the reader must never notice it.
    }
  }

  function variants(appeal) {
    return Array.prototype.slice.call(appeal.querySelectorAll("[data-variant]"));
  }

  // The reader keeps the variant first drawn for them, by weight.
  function pick(appeal) {
    var chosen = table("variants");
    var key = appeal.dataset.appeal;
    var options = variants(appeal);
    var i;
    for (i = 0; i < options.length; i++) {
      if (options[i].dataset.variant === chosen[key]) return options[i];
    }
    var total = 0;
    for (i = 0; i < options.length; i++) total += number(options[i].dataset.weight);
    var roll = Math.random() * total;
    var picked = options[0];
    for (i = 0; i < options.length; i++) {
      roll -= number(options[i].dataset.weight);
      if (roll < 0) {
        picked = options[i];
        break;
      }
    }
    chosen[key] = picked.dataset.variant;
    return picked;
  }

  function eligible(appeal, now) {
    var data = appeal.dataset;
    if (data.start && Date.parse(data.start) > now) return false;
    if (data.end && Date.parse(data.end) <= now) return false;
    if (within(table("snoozed")[data.appeal], number(data.snoozeDays), now)) return false;
    // "I already support you" holds for the days of the appeal it was said on.
    var supporterDays = number(state.supporterDays) || number(data.supporterDays);
    if (within(state.supporter, supporterDays, now)) return false;
    if (data.audience === "non_donors" && within(state.donated, number(data.donorDays), now)) {
      return false;
    }
    // 1 means from the start, on any page; N waits for the Nth article.
    var from = number(data.minArticles);
    return from <= 1 || number(state.articles) >= from;
  }

  function countImpression(appeal) {
    if (!("IntersectionObserver" in window)) {
      send(appeal, "impression");
      return;
    }
    // Seen: half of it on screen, or half the screen for a tall one.
    var observer = new IntersectionObserver(function (entries) {
      for (var i = 0; i < entries.length; i++) {
        var entry = entries[i];
        if (
          entry.intersectionRatio >= 0.5 ||
          entry.intersectionRect.height >= window.innerHeight / 2
        ) {
          observer.disconnect();
          send(appeal, "impression");
          return;
        }
      }
    }, { threshold: [0, 0.25, 0.5] });
    observer.observe(appeal);
  }

  function show(appeal) {
    var variant = pick(appeal);
    var options = variants(appeal);
    for (var i = 0; i < options.length; i++) options[i].hidden = options[i] !== variant;
    var heading = variant.querySelector("h2");
    if (heading) appeal.setAttribute("aria-labelledby", heading.id);
    appeal.dataset.shown = variant.dataset.variant;
    var actions = appeal.querySelector("[data-appeal-actions]");
    if (actions) actions.hidden = false;
    appeal.hidden = false;
    if (appeal.dataset.placement === "banner") {
      // Fixed at the bottom: nothing on the page moves. The page gains room
      // below its end, so that the banner never covers the footer.
      var root = document.documentElement;
      var measure = function () {
        root.style.setProperty("--appeal-banner-height", appeal.offsetHeight + "px");
      };
      measure();
      if ("ResizeObserver" in window) new ResizeObserver(measure).observe(appeal);
      root.classList.add("has-appeal-banner");
    }
    countImpression(appeal);
  }

  // Focus goes where the reader was: after an appeal in the article, to what
  // follows it; after the banner, to the page's main content.
  function dismiss(appeal) {
    if (appeal.contains(document.activeElement)) {
      var main = document.getElementById("main");
      var next = null;
      if (appeal.dataset.placement !== "banner") {
        for (var node = appeal; node && node !== main && !next; node = node.parentElement) {
          next = node.nextElementSibling;
        }
      }
      next = next || main;
      if (next) {
        if (!next.hasAttribute("tabindex")) next.setAttribute("tabindex", "-1");
        next.focus({ preventScroll: true });
      }
    }
    appeal.hidden = true;
    if (appeal.dataset.placement === "banner") {
      document.documentElement.classList.remove("has-appeal-banner");
    }
  }

  // An inline appeal appears inside text the reader may already see; it is
  // shown only where it would push nothing on screen down.
  function movesVisibleText(appeal) {
    if (appeal.dataset.placement !== "inline" || !appeal.hidden) return false;
    var before = appeal.previousElementSibling;
    while (before && "appeal" in before.dataset) before = before.previousElementSibling;
    return !!before && before.getBoundingClientRect().bottom < window.innerHeight;
  }

  function decide() {
    var now = Date.now();
    if (document.querySelector("[data-appeals-donated]")) state.donated = now;
    if (document.querySelector("[data-appeals-article]")) {
      state.articles = number(state.articles) + 1;
    }
    var places = {};
    var appeals = document.querySelectorAll("[data-appeal]");
    for (var i = 0; i < appeals.length; i++) {
      var place = appeals[i].dataset.placement;
      (places[place] = places[place] || []).push(appeals[i]);
    }
    Object.keys(places).forEach(function (place) {
      var shown = false;
      places[place]
        .sort(function (a, b) {
          return number(a.dataset.rank) - number(b.dataset.rank);
        })
        .forEach(function (appeal) {
          if (!shown && eligible(appeal, now) && !movesVisibleText(appeal)) {
            shown = true;
            show(appeal);
          } else {
            appeal.hidden = true;
          }
        });
    });
    save();
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("[data-appeal-action]") : null;
    var appeal = target && target.closest("[data-appeal]");
    if (!appeal) return;
    var action = target.dataset.appealAction;
    if (action === "click") {
      send(appeal, "click");
      return;
    }
    if (action === "snooze") {
      table("snoozed")[appeal.dataset.appeal] = Date.now();
      save();
      send(appeal, "snooze");
      dismiss(appeal);
    } else if (action === "supporter") {
      state.supporter = Date.now();
      state.supporterDays = number(appeal.dataset.supporterDays);
      save();
      send(appeal, "supporter");
      var all = document.querySelectorAll("[data-appeal]");
      for (var i = 0; i < all.length; i++) dismiss(all[i]);
    }
  });

  // Escape inside the banner snoozes it, like its "Remind me later" button.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !document.activeElement) return;
    var appeal = document.activeElement.closest
      ? document.activeElement.closest("[data-placement='banner']")
      : null;
    var snooze = appeal && appeal.querySelector("[data-appeal-action='snooze']");
    if (snooze) snooze.click();
  });

  decide();
})();
