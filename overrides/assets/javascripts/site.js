// Quick exit, modelled on GOV.UK's "Exit this page" (govuk-frontend).
// The button and the skip link are plain links that work without JavaScript.
// With it: the page is blanked behind a "Loading." overlay and left with
// location.replace, so Back does not return here. Pressing Shift three times,
// with at most 5 seconds between presses, also leaves. A Shift release counts
// only when Shift was pressed on its own: typing capitals ("Isle Of Wight")
// never counts, whichever key is released first. Screen readers hear each
// press counted and hear when the count runs out.
(function () {
  "use strict";
  var button = document.getElementById("quick-exit");
  var status = document.getElementById("quick-exit-status");
  if (!button || !status) return;
  var target = button.href;
  var WINDOW = 5000;
  var presses = 0;
  var timer = null;
  var clearMessage = null;
  var shiftUsedWithAnotherKey = false;
  var lastKeyWasModified = false;
  var overlay = null;
  var lights = document.createElement("span");
  lights.className = "quick-exit__lights";
  lights.setAttribute("aria-hidden", "true");
  for (var i = 0; i < 3; i++) lights.appendChild(document.createElement("span"));
  button.appendChild(lights);

  function say(text) { status.textContent = text; }

  function show() {
    lights.classList.toggle("quick-exit__lights--on", presses > 0);
    Array.prototype.forEach.call(lights.children, function (light, index) {
      light.classList.toggle("quick-exit__light--on", index < presses);
    });
  }

  function leave(event) {
    if (event) event.preventDefault();
    say("");
    overlay = document.createElement("div");
    overlay.className = "quick-exit-overlay";
    overlay.setAttribute("role", "alert");
    document.body.classList.add("quick-exit-leaving");
    document.body.appendChild(overlay);
    // Why: text set after insertion is announced more reliably (as GOV.UK does).
    overlay.textContent = "Loading.";
    window.location.replace(target);
  }

  function expire() {
    clearTimeout(timer);
    timer = null;
    presses = 0;
    show();
    say("Exit this page expired.");
    clearMessage = setTimeout(function () { say(""); }, WINDOW);
  }

  document.querySelectorAll("#quick-exit, .quick-exit-skip").forEach(function (link) {
    link.addEventListener("click", leave);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") shiftUsedWithAnotherKey = false;
    else if (event.shiftKey) shiftUsedWithAnotherKey = true;
  }, true);

  document.addEventListener("keyup", function (event) {
    var alone = event.key === "Shift" && !lastKeyWasModified && !shiftUsedWithAnotherKey;
    lastKeyWasModified = event.shiftKey;
    if (!alone) {
      if (timer) expire();
      return;
    }
    presses += 1;
    show();
    clearTimeout(clearMessage);
    clearTimeout(timer);
    if (presses >= 3) {
      presses = 0;
      timer = null;
      leave();
      return;
    }
    say(presses === 1 ? "Shift, press 2 more times to exit." : "Shift, press 1 more time to exit.");
    timer = setTimeout(expire, WINDOW);
  }, true);

  // Why: a page restored from the back/forward cache must not stay blank.
  window.addEventListener("pageshow", function () {
    document.body.classList.remove("quick-exit-leaving");
    if (overlay) overlay.remove();
    overlay = null;
    presses = 0;
    show();
    say("");
  });
})();

// Scrollable areas (wide tables, code) must be reachable by keyboard
// (WCAG 2.1.1): give each one that overflows a focus stop and a name.
(function () {
  "use strict";
  function label() {
    var boxes = document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset pre > code");
    boxes.forEach(function (box) {
      if (box.scrollWidth > box.clientWidth && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", "Scrollable content");
      }
    });
  }
  // Material wraps tables after its bundle loads, so label after that too.
  window.addEventListener("load", function () { setTimeout(label, 0); });
  window.addEventListener("resize", label);
})();

// Material's menu and search buttons on small screens are <label>s that a
// keyboard cannot reach. Make them real buttons for keyboard and screen
// reader users: focusable, named, and toggled by Enter or Space.
(function () {
  "use strict";
  var names = { __drawer: "Open the site menu", __search: "Open search" };
  document.querySelectorAll("label.md-header__button[for]").forEach(function (button) {
    var target = document.getElementById(button.getAttribute("for"));
    if (!target || button.hasAttribute("tabindex")) return;
    button.setAttribute("tabindex", "0");
    button.setAttribute("role", "button");
    if (names[target.id]) button.setAttribute("aria-label", names[target.id]);
    button.addEventListener("keydown", function (event) {
      // Material already clicks a focused label on Enter; Space is ours.
      if (event.key !== " ") return;
      event.preventDefault();
      button.click();
    });
  });
})();
