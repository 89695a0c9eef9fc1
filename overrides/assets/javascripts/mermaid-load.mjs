// Structure charts: Mermaid's ESM build, self-hosted and loaded only on
// pages with a chart. The entry and core chunks load with this module; the
// flowchart code is fetched only when a chart is drawn (about 350 KB
// compressed in all, instead of 725 KB for mermaid.min.js).
// Why a module and a global: Material's bundle draws the charts with a global
// `mermaid` and fetches it from unpkg.com when there is none. Module scripts
// run before DOMContentLoaded, which is when Material starts drawing.
//
// Readable on a phone: Material calls mermaid.initialize with its own
// settings; ours are added to them:
// - useMaxWidth false: the chart is drawn at its natural size (labels at
//   16 px, sub-labels at 14 px) and scrolls sideways inside its figure,
//   instead of being shrunk to the column until the words are specks;
// - label sizes set here, not left to Mermaid's <small> (13.3 px);
// - dark text on the light fills in both schemes.
import mermaid from "../vendor/mermaid/mermaid.esm.min.mjs";

// Why the colour: diagrams.py gives other partnerships' and planned or
// joint groups a light fill in both schemes; Material's dark scheme made their
// labels light too (white on pale blue).
const READABLE = ".nodeLabel, .nodeLabel p { font-size: 16px; } .nodeLabel small { font-size: 14px; }"
  + " g.node:is(.external, .outside, .planned, .joint) :is(.nodeLabel, .nodeLabel *) { color: #0b0c0c; }";
const initialize = mermaid.initialize.bind(mermaid);
mermaid.initialize = (config) => {
  const ours = Object.assign({}, config || {});
  ours.flowchart = Object.assign({}, ours.flowchart, { useMaxWidth: false });
  ours.themeCSS = (ours.themeCSS || "") + READABLE;
  return initialize(ours);
};
window.mermaid = mermaid;


// A chart wider than its figure scrolls sideways: give it a focus stop and a
// name so it can be scrolled from the keyboard, and show the text cue
// (site.css) only when there is something to scroll to.
(function () {
  "use strict";
  function mark(figure) {
    var chart = figure.querySelector("div.mermaid");
    if (!chart) return;
    var wide = chart.scrollWidth > chart.clientWidth + 1;
    figure.classList.toggle("structure-chart--wide", wide);
    if (wide && !chart.hasAttribute("tabindex")) {
      // Start in the middle, where the top of the structure is drawn.
      chart.scrollLeft = (chart.scrollWidth - chart.clientWidth) / 2;
      chart.setAttribute("tabindex", "0");
      chart.setAttribute("role", "region");
      chart.setAttribute("aria-label", "Structure chart (scrolls sideways)");
    }
  }
  document.querySelectorAll("figure.structure-chart").forEach(function (figure) {
    // Material swaps the <pre class="mermaid"> for the drawn chart later on.
    new MutationObserver(function () { mark(figure); }).observe(figure, { childList: true });
    window.addEventListener("resize", function () { mark(figure); });
  });
})();
