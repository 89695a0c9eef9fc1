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
// (WCAG 2.1.1): give each one that overflows a focus stop and a name of its
// own (the heading above it), so the regions can be told apart.
(function () {
  "use strict";
  function heading(box) {
    for (var el = box; el && el !== document.body; el = el.parentElement) {
      for (var prev = el.previousElementSibling; prev; prev = prev.previousElementSibling) {
        if (/^H[1-6]$/.test(prev.tagName)) return prev.textContent.replace("\u00b6", "").trim();
      }
    }
    return "";
  }
  function label() {
    var used = {};
    document.querySelectorAll("[data-scroll-name]").forEach(function (box) {
      used[box.getAttribute("aria-label")] = true;
    });
    document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset pre > code").forEach(function (box) {
      if (box.scrollWidth <= box.clientWidth || box.hasAttribute("tabindex")) return;
      var name = (box.tagName === "CODE" ? "Code" : "Table") + (heading(box) ? ": " + heading(box) : "");
      for (var n = 2, base = name; used[name]; n++) name = base + " (" + n + ")";
      used[name] = true;
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", name);
      box.setAttribute("data-scroll-name", "");
    });
  }
  // Material wraps tables after its bundle loads, so label after that too.
  window.addEventListener("load", function () { setTimeout(label, 0); });
  window.addEventListener("resize", label);
})();

// Material's menu and search buttons on small screens are <label>s for
// checkboxes, which a keyboard cannot reach and which may not carry a button
// role. With JavaScript they become real <button>s that tick the same
// checkbox; without it the labels still work with a mouse or finger.
(function () {
  "use strict";
  var names = { __drawer: "Site menu", __search: "Search" };
  var toggles = [];
  Object.keys(names).forEach(function (id) {
    var toggle = document.getElementById(id);
    // Why: Material set autocomplete="off" on these so a browser never
    // restores them ticked; that attribute is not valid there, so reset here.
    if (toggle) toggle.checked = false;
    var label = document.querySelector("label.md-header__button[for='" + id + "']");
    if (!toggle || !label) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className;
    button.setAttribute("data-for", id);
    button.setAttribute("aria-label", names[id]);
    button.setAttribute("aria-expanded", "false");
    while (label.firstChild) button.appendChild(label.firstChild);
    label.replaceWith(button);
    button.addEventListener("click", function () {
      toggle.click();
      // Why: the drawer comes after the header in the page; without this the
      // next Tab would go through the header first, behind the open drawer.
      if (id === "__drawer" && toggle.checked) {
        var links = document.querySelectorAll(".md-sidebar--primary a[href]");
        for (var i = 0; i < links.length; i++) {
          if (links[i].getClientRects().length) { links[i].focus(); break; }
        }
      }
    });
    toggle.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(toggle.checked));
    });
    toggles.push({ toggle: toggle, button: button });
  });
  // Escape closes the open menu and gives focus back to its button.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    toggles.forEach(function (pair) {
      if (pair.toggle.id === "__drawer" && pair.toggle.checked) {
        pair.toggle.click();
        pair.button.focus();
      }
    });
  });
})();

// Light first visits: Material downloads the search index (about 50 KB
// compressed) and starts its search worker on every page view, whether or
// not the reader searches. Both wait here until the reader opens search
// (the search box takes focus, by click, tap or the "s" key), so a phone
// with little data pays for search only when it is used. Runs before
// Material's bundle, which asks for both.
(function () {
  "use strict";
  var RealWorker = window.Worker;
  var XHR = window.XMLHttpRequest;
  if (!RealWorker || !XHR || typeof EventTarget !== "function" || typeof Promise !== "function") return;
  var wanted = new Promise(function (resolve) {
    document.addEventListener("focusin", function (event) {
      if (event.target.matches && event.target.matches(".md-search__input")) resolve();
    });
    var toggle = document.getElementById("__search");
    if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) resolve(); });
  });

  var open = XHR.prototype.open;
  var send = XHR.prototype.send;
  XHR.prototype.open = function (method, url) {
    this.searchIndex = /\/search\/search_index\.json$/.test(String(url));
    return open.apply(this, arguments);
  };
  XHR.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!request.searchIndex) return send.apply(request, args);
    wanted.then(function () { send.apply(request, args); });
  };

  // The worker is made when Material first posts to it (after the index).
  function LazyWorker(url, options) {
    var target = new EventTarget();
    var real = null;
    target.postMessage = function (message, transfer) {
      if (!real) {
        real = new RealWorker(url, options);
        real.addEventListener("message", function (event) {
          target.dispatchEvent(new MessageEvent("message", { data: event.data }));
        });
      }
      real.postMessage(message, transfer);
    };
    target.terminate = function () { if (real) real.terminate(); };
    return target;
  }
  window.Worker = function (url, options) {
    return /\/workers\/search\.[^/]*\.js$/.test(String(url)) ? LazyWorker(url, options) : new RealWorker(url, options);
  };
  window.Worker.prototype = RealWorker.prototype;
})();
