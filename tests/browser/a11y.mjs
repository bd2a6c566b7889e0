// Two accessibility checks run inside the page: every form control has a name, and every piece
// of visible text has WCAG AA contrast against the background it sits on.

/** Controls a screen reader could not name. */
export function unlabelledControls(page) {
  return page.evaluate(() => [...document.querySelectorAll("input, select, textarea, button, a[href]")]
    .filter((el) => el.offsetParent !== null || el.getClientRects().length)
    .filter((el) => {
      if (el.getAttribute("aria-label") || el.getAttribute("aria-labelledby")) return false;
      if (el.labels && el.labels.length && [...el.labels].some((l) => l.textContent.trim())) return false;
      if ((el.tagName === "BUTTON" || el.tagName === "A") && el.textContent.trim()) return false;
      return true;
    })
    .map((el) => el.outerHTML.slice(0, 120)));
}

/** Text whose contrast is below 4.5:1 (3:1 for large text), as "ratio text". */
export function contrastFailures(page) {
  return page.evaluate(() => {
    const parse = (c) => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
      return m ? { r: +m[1], g: +m[2], b: +m[3], a: m[4] === undefined ? 1 : +m[4] } : null;
    };
    const lum = ({ r, g, b }) => {
      const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el) => {
      for (let node = el; node; node = node.parentElement) {
        const bg = parse(getComputedStyle(node).backgroundColor);
        if (bg && bg.a > 0.5) return bg;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const el = text.parentElement;
      if (!text.textContent.trim() || !el || el.closest("svg, option, .visually-hidden, [hidden]")) continue;
      const rects = el.getClientRects();
      if (!rects.length || getComputedStyle(el).visibility === "hidden") continue;
      const style = getComputedStyle(el);
      const fg = parse(style.color);
      if (!fg) continue;
      const l1 = lum(fg);
      const l2 = lum(background(el));
      const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) out.push(`${ratio.toFixed(2)} "${text.textContent.trim().slice(0, 30)}"`);
    }
    return out;
  });
}

/**
 * Controls named by aria-label whose name does not contain their visible text (WCAG 2.5.3, "label
 * in name"; axe-core's label-content-name-mismatch): a person using voice control says what they
 * see, and a screen reader should say it too.
 */
export function labelNotInName(page) {
  return page.evaluate(() => {
    const norm = (s) => s.replace(/\s+/g, " ").trim().toLowerCase();
    return [...document.querySelectorAll("button[aria-label], a[href][aria-label], [role=button][aria-label]")]
      .filter((el) => el.getClientRects().length)
      .filter((el) => {
        const visible = norm([...el.childNodes].filter((n) => !(n.nodeType === 1 && n.closest("[aria-hidden=true], .visually-hidden")))
          .map((n) => n.textContent).join(""));
        return visible && !norm(el.getAttribute("aria-label")).includes(visible);
      })
      .map((el) => `"${el.textContent.trim()}" named "${el.getAttribute("aria-label")}"`);
  });
}
