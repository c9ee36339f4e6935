// The live status page: polls /status.json once a second and redraws. The charts plot exactly the
// samples the server took (the same counts /metrics reports), so nothing here invents a number.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const width = () => Math.max(480, Math.min(900, (document.body.clientWidth - 80) / 2));
  const time = (seconds) => new Date(seconds * 1000).toLocaleTimeString();
  const bytes = (n) => n < 0 ? "?" : (n / 1048576).toFixed(0) + " MiB";

  function chart(target, series) {
    return new uPlot({
      width: width(), height: 220,
      scales: { x: { time: true } },
      series: [{}].concat(series),
      axes: [{}, { size: 60 }],
    }, [[], ...series.map(() => [])], $(target));
  }

  const charts = {
    throughput: chart("throughput-chart", [{ label: "requests/s", stroke: "#2563eb", width: 2, fill: "#2563eb22" }]),
    latency: chart("latency-chart", [
      { label: "p50", stroke: "#16a34a", width: 2 },
      { label: "p90", stroke: "#d97706", width: 2 },
      { label: "p99", stroke: "#dc2626", width: 2 },
    ]),
  };
  window.jgiStatus = { charts: charts, last: null };

  function cell(row, text) {
    const td = document.createElement("td");
    td.textContent = text;
    row.appendChild(td);
  }

  function render(s) {
    window.jgiStatus.last = s;
    $("server").textContent = s.server.name + " · pid " + s.server.pid;
    const ready = $("ready");
    ready.textContent = s.server.ready ? "ready" : "not ready";
    ready.className = "badge " + (s.server.ready ? "ready" : "draining");
    $("uptime").textContent = "up " + Math.round((s.server.now - s.server.started) / 1000) + " s";
    const n = s.samples.t.length;
    if (n > 0) {
      const last = n - 1;
      $("rate").textContent = s.samples.rate[last].toFixed(1);
      $("p99").textContent = s.samples.p99[last] == null ? "–" : s.samples.p99[last].toFixed(2);
      $("total").textContent = s.samples.total[last];
      $("total").dataset.sampleTime = s.samples.t[last];
      $("sampled").textContent = time(s.samples.t[last]);
    }
    $("inflight-count").textContent = s.inFlightCount;
    const c = s.connections;
    $("connections").textContent = c.http1 + " · " + c.h2 + " · " + c.websocket;
    $("heap").textContent = bytes(s.jvm.heapUsed) + " / " + bytes(s.jvm.heapMax);
    $("gc").textContent = s.jvm.gcCount + " · " + s.jvm.gcMillis + " ms";
    charts.throughput.setData([s.samples.t, s.samples.rate]);
    charts.latency.setData([s.samples.t, s.samples.p50, s.samples.p90, s.samples.p99]);
    const body = $("inflight").tBodies[0];
    body.replaceChildren();
    for (const r of s.inFlight) {
      const row = document.createElement("tr");
      if (r.ageMillis >= 1000) row.className = "slow";
      cell(row, (r.ageMillis / 1000).toFixed(1) + " s");
      cell(row, r.method);
      cell(row, r.target);
      cell(row, r.thread);
      cell(row, r.id);
      body.appendChild(row);
    }
    const settings = $("settings").tBodies[0];
    if (!settings.rows.length) {
      for (const [key, value] of Object.entries(s.settings)) {
        const row = document.createElement("tr");
        cell(row, key);
        cell(row, value === "" ? "–" : value);
        settings.appendChild(row);
      }
    }
  }

  async function poll() {
    try {
      const response = await fetch("/status.json", { cache: "no-store" });
      if (response.ok) render(await response.json());
    } catch (e) {
      $("ready").textContent = "unreachable";
      $("ready").className = "badge draining";
    }
    setTimeout(poll, period());
  }
  const period = () => (window.jgiStatus.last ? window.jgiStatus.last.server.samplePeriodMillis : 1000);

  $("dump").addEventListener("click", async () => {
    const out = $("threads");
    out.hidden = false;
    out.textContent = "dumping…";
    const response = await fetch("/threads", { cache: "no-store" });
    out.textContent = await response.text();
  });
  window.addEventListener("resize", () => {
    charts.throughput.setSize({ width: width(), height: 220 });
    charts.latency.setSize({ width: width(), height: 220 });
  });
  poll();
})();
