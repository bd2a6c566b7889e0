// The simple page for old webviews: one classic script (ES2017, no modules, no optional
// chaining or object spread) over the engine engine-loader.js picks: the no-modules build
// (global wasm_bindgen), or the pure-JS build where WebAssembly cannot run. One form, the same
// URL parameters as the main page, the same answers, the same notice.
(function () {
  "use strict";

  var TEXT = {
    zh: {
      title: "门诊慢特病试算（简易版）", other: "English", insured: "参保信息", region: "参保地", scheme: "医保类型",
      employee: "职工医保", resident: "城乡居民医保", status: "在职/退休", working: "在职", retired: "退休",
      filing: "备案信息", category: "备案类别", unfiled: "还没有备案", fplace: "备案的就医地", fstart: "备案开始日期",
      fend: "备案结束日期（可不填）", disease: "病种", recognized: "参保地已认定该病种吗", yes: "已认定", no: "还没有认定",
      unknown: "不清楚", visit: "就医信息", vdate: "就诊日期", vplace: "就医地", level: "医院等级", networked: "医院已联网直接结算",
      netYes: "已开通", netNo: "没有开通", costs: "费用", a: "甲类费用（元）", b: "乙类费用（元）", c: "丙类/自费费用（元）",
      yf: "今年这个病种医保已付（元）", yd: "今年已付起付线（元）", choose: "请选择", fund: "医保支付", patient: "个人支付",
      total: "费用合计", next: "下一步：", loading: "正在加载……", slower: "正在加载兼容版，第一次计算会慢一些……", failed: "计算工具没有加载成功，请稍后重试。",
      incomplete: "请把上面的选项填完整。", full: "打开完整版", lines: "另含 {n} 条明细费用（来自链接）",
      direct: "可以直接结算", manual: "不能直接结算，可回参保地报销", none: "这次费用医保不予支付",
      pass: "通过", fail: "未通过", warn: "需注意", levels: ["一级医院", "二级医院", "三级医院"],
      cats: { retired_relocated: "异地安置退休人员", long_term_resident: "异地长期居住人员", stationed_worker: "常驻异地工作人员",
        referral: "异地转诊人员", emergency: "异地急诊抢救人员（无需备案）", other_temporary: "其他临时外出就医人员" },
    },
    en: {
      title: "Chronic-disease estimate (simple)", other: "中文", insured: "Insurance", region: "Insured place", scheme: "Type of insurance",
      employee: "Employee", resident: "Resident", status: "Working or retired", working: "Working", retired: "Retired",
      filing: "Filing", category: "Filing category", unfiled: "Not filed", fplace: "Place named in the filing", fstart: "Filing start",
      fend: "Filing end (optional)", disease: "Disease", recognized: "Recognised by the insured place?", yes: "Yes", no: "Not yet",
      unknown: "Not sure", visit: "Visit", vdate: "Date of the visit", vplace: "Treatment place", level: "Hospital level",
      networked: "Hospital networked for direct settlement", netYes: "Yes", netNo: "No", costs: "Costs", a: "Class A (yuan)",
      b: "Class B (yuan)", c: "Class C / self-paid (yuan)", yf: "Fund already paid this year for this disease", yd: "Deductible already paid this year",
      choose: "Choose", fund: "Fund pays", patient: "You pay", total: "Total", next: "Next step:", loading: "Loading…",
      slower: "Loading the compatible version; the first answer takes a little longer…",
      failed: "The calculator did not load; please try again later.", incomplete: "Please complete the choices above.",
      full: "Open the full version", lines: "Plus {n} itemised cost lines (from the link)",
      direct: "Direct settlement possible", manual: "No direct settlement: claim at home", none: "The fund pays nothing for this visit",
      pass: "passed", fail: "failed", warn: "check", levels: ["Level 1", "Level 2", "Level 3"],
      cats: { retired_relocated: "Retired, relocated", long_term_resident: "Long-term resident", stationed_worker: "Worker stationed elsewhere",
        referral: "Referred", emergency: "Emergency (no filing needed)", other_temporary: "Other temporary trip" },
    },
  };

  var params = new URLSearchParams(location.search);
  var lang = params.get("lang") === "en" ? "en" : "zh";
  var L = TEXT[lang];
  var engine = null;
  var form = document.getElementById("lite-form");
  var out = document.getElementById("lite-result");

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }
  function pick(text) { return text ? (text[lang] || text.zh) : ""; }
  function today() {
    var d = new Date();
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }
  function money(v) { return lang === "en" ? "¥" + v : v + " 元"; }

  function field(key, label, control) {
    control.id = "lite-" + key;
    control.name = key;
    var wrap = el("div", { "class": "field", "data-key": key }, [el("label", { "for": control.id, text: label }), control,
      el("p", { "class": "field-error", id: "lite-" + key + "-err", hidden: "" })]);
    control.setAttribute("aria-describedby", "lite-" + key + "-err");
    return wrap;
  }
  function select(key, label, options, value) {
    var s = el("select", {}, [el("option", { value: "", text: L.choose })].concat(options.map(function (o) {
      return el("option", { value: o[0], text: o[1] });
    })));
    s.value = value || "";
    return field(key, label, s);
  }
  function input(key, label, type, value) {
    var i = el("input", { type: type, value: value || "" });
    if (type === "text") i.setAttribute("inputmode", "decimal");
    return field(key, label, i);
  }
  function section(title, children) {
    return el("fieldset", { "class": "card" }, [el("legend", { text: title })].concat(children));
  }
  function get(key) {
    var node = document.getElementById("lite-" + key);
    return node ? node.value.trim() : "";
  }

  function placeOptions() {
    var list = [];
    engine.places().forEach(function (p) {
      list.push([p.code, pick(p.name)]);
      p.cities.forEach(function (c) { list.push([c.code, pick(p.name) + " · " + pick(c.name)]); });
    });
    return list;
  }

  function buildForm() {
    var v = function (k, d) { return params.get(k) || d || ""; };
    var filing = v("f") === "0" ? "none" : v("f") === "1" ? v("fc") : "";
    var regions = engine.regions().map(function (r) { return [r.code, pick(r.name)]; });
    var diseases = engine.diseases(v("r") || engine.regions()[0].code, v("vd", today())).map(function (d) { return [d.id, pick(d.name)]; });
    var places = placeOptions();
    var cats = Object.keys(L.cats).map(function (k) { return [k, L.cats[k]]; });
    form.textContent = "";
    [
      section(L.insured, [
        select("r", L.region, regions, v("r")),
        select("sc", L.scheme, [["employee", L.employee], ["resident", L.resident]], v("sc", "employee")),
        select("es", L.status, [["working", L.working], ["retired", L.retired]], v("es", "working")),
      ]),
      section(L.filing, [
        select("fc", L.category, [["none", L.unfiled]].concat(cats), filing),
        select("fp", L.fplace, places, v("fp")),
        input("fs", L.fstart, "date", v("fs")),
        input("fe", L.fend, "date", v("fe")),
      ]),
      section(L.disease, [
        select("d", L.disease, diseases, v("d")),
        select("rec", L.recognized, [["yes", L.yes], ["no", L.no], ["unknown", L.unknown]], v("rec", "unknown")),
      ]),
      section(L.visit, [
        input("vd", L.vdate, "date", v("vd", today())),
        select("vp", L.vplace, places, v("vp")),
        select("hl", L.level, [["1", L.levels[0]], ["2", L.levels[1]], ["3", L.levels[2]]], v("hl")),
        select("net", L.networked, [["1", L.netYes], ["0", L.netNo]], v("net", "1")),
      ]),
      section(L.costs, [
        input("qa", L.a, "text", v("qa")), input("qb", L.b, "text", v("qb")), input("qc", L.c, "text", v("qc")),
        input("yd", L.yd, "text", v("yd")), input("yf", L.yf, "text", v("yf")),
        params.getAll("li").length ? el("p", { "class": "hint", text: L.lines.replace("{n}", params.getAll("li").length) }) : null,
      ]),
    ].forEach(function (node) { form.appendChild(node); });
  }

  function lineItems() {
    return params.getAll("li").map(function (text) {
      var p = text.split("*");
      if (p[0] === "c") return { code: p[1], amount: p[2] };
      var item = { "class": p[1] || "A", amount: p[2] };
      if (p[3]) item.selfPayRatio = p[3];
      if (p[4]) item.ceilingAmount = p[4];
      if (p.slice(5).join("*")) item.name = p.slice(5).join("*");
      return item;
    }).filter(function (i) { return i.amount; });
  }

  function request() {
    var fc = get("fc");
    if (!get("r") || !fc || !get("d") || !get("vp") || !get("hl")) return null;
    var req = {
      insured: { region: get("r"), scheme: get("sc") || "employee", status: get("es") || "working" },
      filing: null,
      visit: { date: get("vd"), place: get("vp"), hospitalLevel: Number(get("hl")), networked: get("net") !== "0", disease: get("d") },
      items: [],
    };
    if (fc !== "none") {
      req.filing = { category: fc };
      ["fp:place", "fs:start", "fe:end"].forEach(function (pair) {
        var kv = pair.split(":");
        if (get(kv[0])) req.filing[kv[1]] = get(kv[0]);
      });
    }
    if (get("rec") === "yes") req.insured.recognizedDiseases = [get("d")];
    if (get("rec") === "no") req.insured.recognizedDiseases = [];
    [["qa", "A"], ["qb", "B"], ["qc", "C"]].forEach(function (pair) {
      if (get(pair[0])) req.items.push({ "class": pair[1], amount: get(pair[0]) });
    });
    req.items = req.items.concat(lineItems());
    var ytd = {};
    if (get("yd")) ytd.deductiblePaid = get("yd");
    if (get("yf")) ytd.fundPaid = get("yf");
    ["ym:fundPaidMonth", "yt:fundPaidTotal"].forEach(function (pair) {
      var kv = pair.split(":");
      if (params.get(kv[0])) ytd[kv[1]] = params.get(kv[0]);
    });
    if (Object.keys(ytd).length) req.ytd = ytd;
    return req;
  }

  // Engine paths → the form's keys, so the message lands beside its field.
  var PATHS = { "insured.region": "r", "filing.place": "fp", "filing.start": "fs", "filing.end": "fe", "visit.date": "vd",
    "visit.place": "vp", "visit.disease": "d", "ytd.fundPaid": "yf", "ytd.deductiblePaid": "yd" };

  function showError(err) {
    Array.prototype.forEach.call(form.querySelectorAll(".field-error"), function (p) { p.hidden = true; });
    if (!err) return;
    var key = PATHS[err.path];
    var m = /^items\[(\d+)\]/.exec(err.path || "");
    if (m) key = ["qa", "qb", "qc"].filter(function (k) { return get(k); })[Number(m[1])];
    var slot = key && document.getElementById("lite-" + key + "-err");
    if (slot) { slot.textContent = lang === "en" ? err.message : err.messageZh; slot.hidden = false; }
  }

  function render() {
    out.textContent = "";
    var req = request();
    syncUrl();
    if (!req || !req.items.length) {
      showError(null);
      out.appendChild(el("p", { "class": "hint", text: L.incomplete }));
      return;
    }
    var r;
    try {
      r = engine.estimate(req);
      showError(null);
    } catch (e) {
      showError(e);
      out.appendChild(el("p", { "class": "callout fail", text: lang === "en" ? e.message : e.messageZh }));
      return;
    }
    var s = r.settlement;
    out.appendChild(el("div", { "class": "verdict " + r.mode }, [el("p", { "class": "verdict-title", text: L[r.mode] })]));
    out.appendChild(el("div", { "class": "numbers" }, [
      el("div", { "class": "number fund" }, [el("p", { "class": "number-label", text: L.fund }), el("p", { "class": "number-value", "data-testid": "fund-pays", text: money(s.fundPays) })]),
      el("div", { "class": "number patient" }, [el("p", { "class": "number-label", text: L.patient }), el("p", { "class": "number-value", "data-testid": "patient-pays", text: money(s.patientPays) })]),
      el("p", { "class": "number-total", text: L.total + " " + money(s.total) }),
    ]));
    out.appendChild(el("ul", { "class": "checklist card" }, r.eligibility.checks.map(function (c) {
      return el("li", { "class": "check " + c.status, "data-code": c.code }, [
        el("span", { "class": "check-icon", "aria-hidden": "true", text: c.status === "pass" ? "✓" : c.status === "fail" ? "✗" : "!" }),
        el("div", {}, [el("p", { "class": "check-message", text: pick(c.message) + (lang === "en" ? " (" + L[c.status] + ")" : "（" + L[c.status] + "）") }),
          c.action ? el("p", { "class": "next-step", text: L.next + " " + pick(c.action.message) }) : null]),
      ]);
    })));
    out.appendChild(el("p", { "class": "notice strong", text: pick(r.notice) }));
    var wx = window.wx;
    var embedded = params.get("embed") === "miniprogram" || window.__wxjs_environment === "miniprogram";
    if (embedded && wx && wx.miniProgram && typeof wx.miniProgram.postMessage === "function") {
      try {
        wx.miniProgram.postMessage({ data: { type: "yibao-policy/estimate", mode: r.mode, total: s.total, fundPays: s.fundPays, patientPays: s.patientPays, request: req } });
      } catch (e) { /* never let the bridge break the page */ }
    }
  }

  function syncUrl() {
    var keys = ["r", "sc", "es", "fp", "fs", "fe", "d", "rec", "vd", "vp", "hl", "net", "qa", "qb", "qc", "yd", "yf"];
    keys.forEach(function (k) { if (get(k)) params.set(k, get(k)); else params.delete(k); });
    var fc = get("fc");
    if (fc === "none") { params.set("f", "0"); params.delete("fc"); } else if (fc) { params.set("f", "1"); params.set("fc", fc); } else { params.delete("f"); params.delete("fc"); }
    history.replaceState(null, "", "?" + params.toString());
    document.getElementById("lite-full").href = "./?" + params.toString() + "&p=result";
    var other = new URLSearchParams(params.toString());
    other.set("lang", lang === "en" ? "zh" : "en");
    document.getElementById("lite-lang").href = "?" + other.toString();
  }

  function start() {
    document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
    document.getElementById("lite-title").textContent = L.title;
    var sw = document.getElementById("lite-lang");
    sw.textContent = L.other;
    sw.setAttribute("lang", lang === "en" ? "zh-CN" : "en");
    document.getElementById("lite-full").textContent = L.full;
    out.textContent = L.loading;
    // js/legacy/engine-loader.js: WebAssembly where it runs here, else the pure-JS engine.
    yibaoLoadEngine(function () { out.textContent = L.slower; }).then(function (loaded) {
      engine = loaded;
      buildForm();
      form.addEventListener("input", render);
      form.addEventListener("change", function (e) {
        // A new region or date changes the disease list.
        if (e.target.name === "r" || e.target.name === "vd") { syncUrl(); params = new URLSearchParams(location.search); buildForm(); }
        render();
      });
      render();
      document.documentElement.setAttribute("data-boot", "ready");
    }).catch(function (e) {
      out.textContent = L.failed + " " + (e && e.message ? e.message : e);
    });
  }

  start();
})();
