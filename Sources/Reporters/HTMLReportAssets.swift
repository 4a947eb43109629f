/// The HTML report's own stylesheet and script, inlined into every page (no network, no third-party code).
enum HTMLReportAssets {
    static let css = """
    :root { --ok: #1a7f37; --bad: #c62828; --muted: #666; --line: #ddd; font-family: system-ui, sans-serif; }
    body { margin: 0 auto; max-width: 1200px; padding: 1rem 2rem; color: #222; }
    header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 1rem; border-bottom: 2px solid var(--line); }
    h1 { margin: .5rem 0; font-size: 1.6rem; } .meta { color: var(--muted); flex: 1; }
    .filter { font-weight: 600; cursor: pointer; }
    dl.totals { display: flex; flex-wrap: wrap; gap: 1.5rem; margin: 1rem 0; }
    dl.totals div { border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem; }
    dt { color: var(--muted); font-size: .85rem; } dd { margin: 0; font-size: 1.5rem; font-weight: 700; }
    #total-failed-environments, #total-failed-assertions { color: var(--bad); }
    table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; font-size: .9rem; }
    th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
    tr.failed > td:first-child { border-left: 4px solid var(--bad); } tr.passed > td:first-child { border-left: 4px solid var(--ok); }
    td.sent { font-family: ui-monospace, monospace; word-break: break-all; }
    td.result, .badge { font-weight: 700; } tr.failed td.result, .badge.failed { color: var(--bad); }
    tr.passed td.result, .badge.passed { color: var(--ok); }
    tr.details td { background: #fff5f5; } ul.failures { margin: .3rem 0; color: var(--bad); } .name { font-weight: 600; }
    pre { white-space: pre-wrap; word-break: break-all; background: #f6f8fa; padding: .5rem; max-height: 24rem; overflow: auto; }
    section.environment { margin-top: 2rem; } .run-error { color: var(--bad); font-weight: 700; }
    figure.chart { margin: .5rem 0; } figure.chart svg { max-width: 100%; height: auto; font-size: 12px; }
    figure.chart rect { fill: #4a78c2; } figure.chart .failed rect { fill: var(--bad); }
    figure.chart line { stroke: #222; stroke-width: 2; } figure.chart .axis, figure.chart .value { fill: var(--muted); }
    figcaption { color: var(--muted); font-size: .8rem; }
    body.only-failures .passed:not(#summary) { display: none; }
    """

    /// The filter, and a summary line counted from the rendered rows (so a browser test sees that it ran).
    static let script = """
    (function () {
      'use strict';
      var box = document.getElementById('only-failures');
      function apply() { document.body.classList.toggle('only-failures', box.checked); }
      box.addEventListener('change', apply);
      apply();
      var rows = document.querySelectorAll('tr.execution');
      var failedRows = document.querySelectorAll('tr.execution.failed').length;
      var assertions = 0, failedAssertions = 0;
      rows.forEach(function (row) {
        assertions += Number(row.getAttribute('data-assertions'));
        failedAssertions += Number(row.getAttribute('data-failed-assertions'));
      });
      var environments = document.querySelectorAll('section.environment').length;
      document.getElementById('computed-summary').textContent =
        'Counted in this page: ' + environments + ' environment(s), ' + rows.length + ' request execution(s), ' +
        failedRows + ' failed; ' + assertions + ' assertion(s), ' + failedAssertions + ' failed.';
    })();
    """
}
