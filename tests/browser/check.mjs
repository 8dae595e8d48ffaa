// WebDriver session against chromedriver (see check.sh). Exits non-zero on the first failure.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const { CHROMIUM, PORT, PAGE, BIG, OUT, ROOT } = process.env;
const base = `http://127.0.0.1:${PORT}`;
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

async function call(method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value)}`);
  return json.value;
}

async function waitForDriver() {
  for (let i = 0; i < 100; i++) {
    try { await call("GET", "/status"); return; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  throw new Error("chromedriver did not start");
}

function fail(message) { throw new Error(message); }

await waitForDriver();
const session = await call("POST", "/session", {
  capabilities: {
    alwaysMatch: {
      browserName: "chrome",
      "goog:loggingPrefs": { browser: "ALL" },
      "goog:chromeOptions": {
        binary: CHROMIUM,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000"],
      },
    },
  },
});
const sid = session.sessionId;
const s = (path) => `/session/${sid}${path}`;
const run = (script, ...args) => call("POST", s("/execute/sync"), { script, args });
const find = async (css) => { const v = await call("POST", s("/element"), { using: "css selector", value: css }); return v[ELEMENT] || v.ELEMENT || fail(`no element ${css}: ${JSON.stringify(v)}`); };
const click = (id) => call("POST", s(`/element/${id}/click`), {});
async function shot(name) {
  const png = await call("GET", s("/screenshot"));
  writeFileSync(join(OUT, name), Buffer.from(png, "base64"));
  console.log(`saved ${join(OUT, name)}`);
}
const normal = (t) => t.replace(/\s+/g, " ").trim();

let status = 0;
try {
  await call("POST", s("/url"), { url: "file://" + PAGE });
  await shot("overview.png");

  // 1. A cell of the municipality heatmap: Vestby × the category of the first current gap of the
  //    record. The expected quote comes from the record file, not from the page.
  const vestby = JSON.parse(readFileSync(join(ROOT, "data/reports/vestby-2025.json"), "utf8"));
  const gap = vestby.gaps.find((g) => g.severity !== "resolved");
  const cell = await run(`
    const t = document.querySelector(".heat-m table.heat");
    const col = [...t.tHead.rows[0].cells].findIndex((c) => (c.title || "").startsWith(arguments[0] + " "));
    const row = [...t.tBodies[0].rows].find((r) => r.dataset.report === "vestby-2025");
    if (col < 0 || !row) return null;
    row.cells[col].id = "check-cell";
    return row.cells[col].textContent.trim();`, gap.category);
  if (!cell) fail(`no Vestby cell for ${gap.category}`);
  await run(`document.getElementById("check-cell").scrollIntoView({block: "center"});`);
  await click(await find("#check-cell"));
  const panel = await run(`const p = document.getElementById("panel"); return p.hidden ? null : p.innerText;`);
  if (!panel) fail("the evidence panel did not open");
  if (!normal(panel).includes(normal(gap.evidence[0].quote))) fail(`the panel lacks the quote of ${gap.id}: ${gap.evidence[0].quote}`);
  const where = `${gap.evidence[0].source}:${gap.evidence[0].line}`;
  if (!panel.includes(where)) fail(`the panel lacks ${where}`);
  const context = await run(`return document.querySelectorAll("#panel .context .line").length;`);
  if (context < 3) fail(`the panel shows ${context} source lines around the quote`);
  const count = await run(`return document.querySelectorAll("#panel-body .item").length;`);
  if (String(count) !== cell) fail(`the cell says ${cell} gaps, the panel lists ${count}`);
  console.log(`ok: Vestby × ${gap.category}: ${count} gaps, quote of ${gap.id} at ${where} with ${context} lines of context`);
  await shot("evidence-panel.png");
  await call("POST", s("/actions"), { actions: [{ type: "key", id: "k", actions: [{ type: "keyDown", value: "\uE00C" }, { type: "keyUp", value: "\uE00C" }] }] });
  if (!(await run(`return document.getElementById("panel").hidden;`))) fail("Escape did not close the panel");

  // 2. The switch to reports, and a cell of nes-2018 (derived from the 2025 report).
  await click(await find("label[for=unit-r]"));
  const visible = await run(`return getComputedStyle(document.querySelector(".heat-r")).display !== "none" && getComputedStyle(document.querySelector(".heat-m")).display === "none";`);
  if (!visible) fail("the switch did not show the report heatmap");
  const nes = JSON.parse(readFileSync(join(ROOT, "data/reports/nes-2018.json"), "utf8"));
  const nesGap = nes.gaps.find((g) => g.severity !== "resolved");
  await run(`
    const t = document.querySelector(".heat-r table.heat");
    const col = [...t.tHead.rows[0].cells].findIndex((c) => (c.title || "").startsWith(arguments[0] + " "));
    const row = [...t.tBodies[0].rows].find((r) => r.dataset.report === "nes-2018");
    row.cells[col].id = "check-cell-2"; row.cells[col].scrollIntoView({block: "center"});`, nesGap.category);
  await click(await find("#check-cell-2"));
  const panel2 = await run(`return document.getElementById("panel").innerText;`);
  if (!normal(panel2).includes(normal(nesGap.evidence[0].quote))) fail(`the panel lacks the quote of nes-2018 ${nesGap.id}`);
  console.log(`ok: switch to reports; nes-2018 × ${nesGap.category} shows its quote`);
  await shot("report-heatmap.png");

  // 3. A box of the Vestby network picture.
  await run(`document.getElementById("panel").hidden = true; document.querySelector("#report-vestby-2025 svg.network").scrollIntoView();`);
  const nodeName = await run(`const g = document.querySelector("#report-vestby-2025 svg.network g.node"); g.id = "check-node"; return g.querySelector("title").textContent.split(" — ")[0];`);
  await click(await find("#check-node rect"));
  const panel3 = await run(`return document.getElementById("panel").innerText;`);
  if (!panel3.includes(nodeName)) fail(`the panel does not show the service ${nodeName}`);
  console.log(`ok: the network box ${nodeName} opens its evidence`);
  await shot("network.png");

  // 4. The print view: no panel or pager, every row, colours kept.
  await run(`document.getElementById("panel").hidden = true; window.scrollTo(0, 0);`);
  await call("POST", s("/goog/cdp/execute"), { cmd: "Emulation.setEmulatedMedia", params: { media: "print" } });
  const printHidden = await run(`return getComputedStyle(document.querySelector("nav")).display === "none";`);
  if (!printHidden) fail("the print view still shows the navigation");
  await run(`document.getElementById("heatmap").scrollIntoView();`);
  await shot("print-view.png");
  await call("POST", s("/goog/cdp/execute"), { cmd: "Emulation.setEmulatedMedia", params: { media: "" } });
  console.log("ok: print view");

  // 5. The page of 1,000 synthetic reports opens and stays usable.
  const t0 = Date.now();
  await call("POST", s("/url"), { url: "file://" + BIG });
  const loaded = Date.now() - t0;
  const rows = await run(`return document.querySelectorAll(".heat-r tbody tr").length;`);
  const shown = await run(`return [...document.querySelectorAll(".heat-r tbody tr")].filter((r) => !r.hidden).length;`);
  if (rows !== 1000) fail(`the synthetic page has ${rows} report rows`);
  await click(await find("label[for=unit-r]"));
  await run(`const c = document.querySelector(".heat-r td[data-items]"); c.id = "big-cell"; c.scrollIntoView({block: "center"});`);
  const t1 = Date.now();
  await click(await find("#big-cell"));
  const opened = await run(`return document.getElementById("panel").hidden ? 0 : document.querySelectorAll("#panel-body .item").length;`);
  const panelMs = Date.now() - t1;
  if (!opened) fail("the synthetic page's evidence panel did not open");
  const noSource = await run(`return document.getElementById("panel").innerText.includes("was not given");`);
  if (!noSource) fail("the panel does not say that synthetic.txt was not given");
  await run(`document.getElementById("panel").hidden = true; const b = [...document.querySelectorAll(".heat-r .pager button")].find((b) => b.textContent.startsWith("next")); b.id = "big-next";`);
  await click(await find("#big-next"));
  const page2 = await run(`return document.querySelector(".heat-r .pager span").textContent;`);
  console.log(`ok: 1,000 synthetic reports: opened in ${loaded} ms (load event, WebDriver included), ${shown} of ${rows} report rows shown a page at a time, a cell's panel (${opened} gaps) in ${panelMs} ms, next page: ${page2}`);
  await shot("synthetic-1000.png");

  // 6. No console error, no failed request.
  const logs = await call("POST", s("/se/log"), { type: "browser" });
  const errors = logs.filter((l) => l.level === "SEVERE");
  if (errors.length) fail("console errors:\n" + errors.map((e) => e.message).join("\n"));
  console.log(`ok: no console error (${logs.length} log entries)`);
} catch (e) {
  console.error("browser check FAILED: " + e.message);
  status = 1;
} finally {
  await call("DELETE", s("")).catch(() => {});
}
process.exit(status);
