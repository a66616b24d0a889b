// Issue 9, dashboard: draws each chart of the reports page with Chart.js from the table that
// holds its numbers (the chart's accessible alternative, one source for both). A table's first
// column names the points, each other column is a series; a cell gives its number in data-value
// and the list of the tickets behind it in data-href, where a click on the bar, point or segment
// goes. Also: choosing a period preset clears the custom dates, and the other way round.
(function () {
  'use strict';

  var PALETTE = ['#206bc4', '#2f9e44', '#667382', '#c2410c', '#6f42c1', '#c92a2a', '#0c8599', '#8a5a00',
    '#d6336c', '#5c940d'];

  /** Bar charts with more labels than this let Chart.js skip some; shorter ones show every one. */
  var EVERY_LABEL_UP_TO = 31;

  /**
   * A label cut into lines of about `width` characters at spaces, at most `lines` lines, the last
   * one ending with an ellipsis when the label is longer: the tooltip shows it whole.
   */
  function wrap(label, width, lines) {
    var words = String(label).split(/\s+/);
    var out = [];
    var line = '';
    words.forEach(function (word) {
      if (line && (line + ' ' + word).length > width) {
        out.push(line);
        line = word;
      } else {
        line = line ? line + ' ' + word : word;
      }
    });
    if (line) {
      out.push(line);
    }
    out = out.map(function (l) { return l.length > width ? l.slice(0, width - 1) + '…' : l; });
    if (out.length > lines) {
      out = out.slice(0, lines);
      var last = out[lines - 1];
      out[lines - 1] = (last.length >= width ? last.slice(0, width - 1) : last) + '…';
    }
    return out.length === 1 ? out[0] : out;
  }

  function cells(row) {
    return Array.prototype.slice.call(row.cells);
  }

  /** The table's labels, series, numbers and links. */
  function read(table) {
    var heads = cells(table.tHead.rows[0]).slice(1);
    var data = {
      labels: [],
      series: heads.map(function (th, i) {
        return { label: th.textContent.trim(), color: th.getAttribute('data-color') || PALETTE[i % PALETTE.length],
          values: [], links: [] };
      })
    };
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var all = cells(row);
      data.labels.push(all[0].getAttribute('data-label') || all[0].textContent.trim());
      all.slice(1).forEach(function (cell, i) {
        if (data.series[i]) {
          data.series[i].values.push(Number(cell.getAttribute('data-value')));
          data.series[i].links.push(cell.getAttribute('data-href'));
        }
      });
    });
    return data;
  }

  function draw(figure) {
    var table = figure.querySelector('table.chart-data');
    var canvas = figure.querySelector('canvas');
    if (!table || !canvas || !table.tBodies.length) {
      return;
    }
    var kind = figure.getAttribute('data-chart') || 'bar';
    var horizontal = figure.hasAttribute('data-horizontal');
    var pie = kind === 'doughnut' || kind === 'pie';
    var data = read(table);
    var unit = figure.getAttribute('data-unit') || '';
    var calm = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    var chart = new Chart(canvas, {
      type: kind,
      data: {
        labels: data.labels,
        datasets: data.series.map(function (s) {
          return {
            label: s.label,
            data: s.values,
            backgroundColor: pie ? data.labels.map(function (_, i) { return PALETTE[i % PALETTE.length]; }) : s.color,
            borderColor: pie ? '#fff' : s.color,
            borderWidth: kind === 'line' ? 2 : 1,
            pointRadius: kind === 'line' ? (data.labels.length > 40 ? 0 : 2) : undefined,
            pointHitRadius: 8,
            tension: 0.2
          };
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: calm ? false : { duration: 300 },
        indexAxis: horizontal ? 'y' : 'x',
        interaction: { mode: kind === 'line' ? 'index' : 'nearest', intersect: kind !== 'line' },
        plugins: {
          legend: { display: pie || data.series.length > 1, position: 'bottom' },
          tooltip: {
            callbacks: {
              title: function (items) {
                return items.length ? data.labels[items[0].dataIndex] : '';
              },
              label: function (context) {
                return (context.dataset.label ? context.dataset.label + ': ' : '') + context.formattedValue + unit;
              }
            }
          }
        },
        scales: pie ? {} : scales(),
        onHover: function (event, elements) {
          var target = event.native && event.native.target;
          if (target) {
            target.style.cursor = link(elements) ? 'pointer' : 'default';
          }
        },
        onClick: function (event, elements) {
          var href = link(elements);
          if (href) {
            window.location.assign(href);
          }
        }
      }
    });

    /**
     * The axes: the category axis of bars (x, or y for horizontal bars) shows every label of a short
     * series, wrapped on two lines or cut with an ellipsis, tilted if it must (the whole label is in
     * the tooltip and the table); a line over days or weeks, or a long series, lets Chart.js skip
     * some. The value axis starts at zero.
     */
    function scales() {
      var every = kind === 'bar' && data.labels.length <= EVERY_LABEL_UP_TO;
      var category = {
        ticks: {
          autoSkip: !every,
          maxRotation: every && !horizontal ? 50 : 0,
          callback: function (value) {
            var label = this.getLabelForValue(value);
            return every ? wrap(label, horizontal ? 22 : 12, 2) : label;
          }
        }
      };
      var values = { ticks: { autoSkip: true }, beginAtZero: true };
      return horizontal ? { x: values, y: category } : { x: category, y: values };
    }

    function link(elements) {
      if (!elements || !elements.length) {
        return null;
      }
      var series = data.series[elements[0].datasetIndex];
      return series ? series.links[elements[0].index] : null;
    }

    figure.setAttribute('data-drawn', 'true');
    return chart;
  }

  if (typeof Chart !== 'undefined') {
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.color = '#49566c';
    document.querySelectorAll('figure.report-chart').forEach(draw);
  }

  var preset = document.getElementById('period');
  var from = document.getElementById('from');
  var to = document.getElementById('to');
  if (preset && from && to) {
    preset.addEventListener('change', function () {
      if (preset.value) {
        from.value = '';
        to.value = '';
      }
    });
    [from, to].forEach(function (field) {
      field.addEventListener('change', function () {
        if (field.value) {
          preset.value = '';
        }
      });
    });
  }
}());
