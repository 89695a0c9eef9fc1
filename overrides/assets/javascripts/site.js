// Site behaviour, self-hosted. Quick exit: leave for a neutral site without leaving this page in the
// browser history (location.replace). Works as a plain link without
// JavaScript. Pressing Shift three times in a row also leaves, as on GOV.UK.
(function () {
  "use strict";
  var button = document.getElementById("quick-exit");
  if (!button) return;
  var target = button.getAttribute("data-exit-url") || button.href;

  function leave(event) {
    if (event) event.preventDefault();
    document.body.style.visibility = "hidden";
    window.location.replace(target);
  }

  button.addEventListener("click", leave);

  var presses = 0;
  var timer = null;
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") return;
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { presses = 0; }, 1000);
    if (presses >= 3) leave();
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
