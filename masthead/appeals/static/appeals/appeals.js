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
  var beaconUrl = script ? script.getAttribute("data-beacon") : null;
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
    if (!state[name] || typeof state[name] !== "object") state[name] = {};
    return state[name];
  }

  function number(value) {
    value = Number(value);
    return isFinite(value) ? value : 0;
  }

  function within(since, days, now) {
    since = number(since);
    return since > 0 && now - since < days * DAY;
  }

  function send(appeal, event) {
    if (!beaconUrl || !navigator.sendBeacon) return;
    var body = JSON.stringify({
      appeal: appeal.getAttribute("data-appeal"),
      variant: appeal.getAttribute("data-shown") || "",
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
    var key = appeal.getAttribute("data-appeal");
    var options = variants(appeal);
    var i;
    for (i = 0; i < options.length; i++) {
      if (options[i].getAttribute("data-variant") === chosen[key]) return options[i];
    }
    var total = 0;
    for (i = 0; i < options.length; i++) total += number(options[i].getAttribute("data-weight"));
    var roll = Math.random() * total;
    var picked = options[0];
    for (i = 0; i < options.length; i++) {
      roll -= number(options[i].getAttribute("data-weight"));
      if (roll < 0) {
        picked = options[i];
        break;
      }
    }
    chosen[key] = picked.getAttribute("data-variant");
    return picked;
  }

  function eligible(appeal, now) {
    var data = appeal.dataset;
    if (data.start && Date.parse(data.start) > now) return false;
    if (data.end && Date.parse(data.end) <= now) return false;
    if (within(table("snoozed")[data.appeal], number(data.snoozeDays), now)) return false;
    if (within(state.supporter, number(data.supporterDays), now)) return false;
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
    var observer = new IntersectionObserver(function (entries) {
      for (var i = 0; i < entries.length; i++) {
        if (entries[i].isIntersecting) {
          observer.disconnect();
          send(appeal, "impression");
          return;
        }
      }
    }, { threshold: 0.5 });
    observer.observe(appeal);
  }

  function show(appeal) {
    var variant = pick(appeal);
    var options = variants(appeal);
    for (var i = 0; i < options.length; i++) options[i].hidden = options[i] !== variant;
    var heading = variant.querySelector("h2");
    if (heading) appeal.setAttribute("aria-labelledby", heading.id);
    appeal.setAttribute("data-shown", variant.getAttribute("data-variant"));
    var actions = appeal.querySelector("[data-appeal-actions]");
    if (actions) actions.hidden = false;
    appeal.hidden = false;
    if (appeal.getAttribute("data-placement") === "banner") {
      // Fixed at the bottom: nothing on the page moves. The page gains room
      // below its end, so that the banner never covers the footer.
      var root = document.documentElement;
      root.style.setProperty("--appeal-banner-height", appeal.offsetHeight + "px");
      root.classList.add("has-appeal-banner");
    }
    countImpression(appeal);
  }

  function dismiss(appeal) {
    if (appeal.contains(document.activeElement)) {
      var main = document.getElementById("main");
      if (main) main.focus();
    }
    appeal.hidden = true;
    if (appeal.getAttribute("data-placement") === "banner") {
      document.documentElement.classList.remove("has-appeal-banner");
    }
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
      var place = appeals[i].getAttribute("data-placement");
      (places[place] = places[place] || []).push(appeals[i]);
    }
    Object.keys(places).forEach(function (place) {
      var shown = false;
      places[place]
        .sort(function (a, b) {
          return number(a.getAttribute("data-rank")) - number(b.getAttribute("data-rank"));
        })
        .forEach(function (appeal) {
          if (!shown && eligible(appeal, now)) {
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
    var action = target.getAttribute("data-appeal-action");
    if (action === "click") {
      send(appeal, "click");
      return;
    }
    if (action === "snooze") {
      table("snoozed")[appeal.getAttribute("data-appeal")] = Date.now();
      save();
      send(appeal, "snooze");
      dismiss(appeal);
    } else if (action === "supporter") {
      state.supporter = Date.now();
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
