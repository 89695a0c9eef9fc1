/*
 * Find your agency: filters the table of named relevant agencies as you type.
 *
 * The table is complete without this script; the script only hides rows.
 * Each row carries the words it can be found by (name, kind of body and its
 * keywords, partnership and area) in data-search, so "school" finds an
 * "Academy" row. The count is announced through a polite live region, after
 * a short pause in typing so screen readers are not interrupted per key.
 * Loaded only on the lookup page.
 */
(function () {
  "use strict";

  var ANNOUNCE_DELAY = 400;
  var PARAM = "agency";

  // Why: "Ysgol" and "ysgol", "St. Mary's" and "st marys" should match alike.
  function normalise(text) {
    return text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  }

  function countText(shown, total) {
    return shown === total
      ? "All " + total + (total === 1 ? " agency" : " agencies") + " shown"
      : shown + " of " + total + (total === 1 ? " agency" : " agencies") + " shown";
  }

  function setUp(root) {
    if (!root || root.dataset.ready) return;
    root.dataset.ready = "true";
    var form = root.querySelector("form");
    var input = root.querySelector("#agency-filter");
    var status = root.querySelector("#agency-count");
    var empty = root.querySelector("#agency-empty");
    var rows = Array.prototype.slice.call(root.querySelectorAll("tbody tr"));
    var total = rows.length;
    var haystacks = rows.map(function (row) {
      return " " + normalise(row.getAttribute("data-search") || row.textContent) + " ";
    });
    var timer = null;

    function filter(announce) {
      var words = normalise(input.value).split(" ").filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, i) {
        var match = words.every(function (word) { return haystacks[i].indexOf(word) !== -1; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      empty.hidden = shown !== 0;
      window.clearTimeout(timer);
      var update = function () { status.textContent = countText(shown, total); };
      if (announce) timer = window.setTimeout(update, ANNOUNCE_DELAY);
      else update();
      // Why: the address keeps the search, so a filtered list can be bookmarked or shared.
      // Not `q`: Material's site search opens itself for `?q=`.
      var url = new URL(window.location.href);
      if (input.value) url.searchParams.set(PARAM, input.value);
      else url.searchParams.delete(PARAM);
      window.history.replaceState(window.history.state, "", url.toString());
    }

    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      filter(false);
    });
    input.addEventListener("input", function () { filter(true); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && input.value) {
        input.value = "";
        filter(false);
      }
    });
    var initial = new URL(window.location.href).searchParams.get(PARAM);
    if (initial) {
      input.value = initial;
      filter(false);
    } else {
      status.textContent = countText(total, total);
    }
  }

  function start() {
    setUp(document.getElementById("agency-lookup"));
  }

  // Why both: Material's instant navigation swaps pages without a full load.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(start);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
