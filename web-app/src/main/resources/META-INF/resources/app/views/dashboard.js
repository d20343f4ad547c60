// The leadership group's dashboard: headline figures updated live (with the review coverage of a round), charts by
// sector, township, stage and month, the township ranking and the lagging-unit ledger; for a campaign or all, the
// whole district, one township's subtree or one sector, live or as of a past date.
import * as echarts from '../vendor/echarts.js';
import { get, query } from '../api.js';
import { followSummary } from '../live.js';
import { t, label, formatNumber, formatPercent, formatTime, SECTORS } from '../i18n.js';
import { h, clear, select, field } from '../dom.js';
import { errorMessage } from '../errors.js';

const STATE_KEY = 'campaign.dashboard';
const SECONDARY_MIN_MILLIS = 3000;
const COLOURS = { made: '#e3a44a', fulfilled: '#c8161d', rate: '#2f6db5' };
const METRICS = ['fulfilmentRate', 'made', 'fulfilled', 'lapsed', 'satisfactionRate', 'lagging'];

const present = (value) => value !== null && value !== undefined;

/** Fulfilment rate in percent with one decimal, as the reporting service computes it. */
function rate(fulfilled, made, withdrawn = 0) {
  const base = made - withdrawn;
  return base > 0 ? Math.round((fulfilled * 1000) / base) / 10 : null;
}

/**
 * The headline tiles. Each answers { value, note } for the active scope: the whole district (the summary), one
 * township (its subtree in the organisation report) or one sector (its bySector row). A tile that has no breakdown
 * for the scope shows the district's figure with a note saying so.
 */
const TILES = [
  { key: 'made', value: (v) => v.pledges && v.pledges.made },
  { key: 'fulfilled', value: (v) => v.pledges && v.pledges.fulfilled },
  { key: 'rate', percent: true, value: (v) => v.pledges && v.pledges.fulfilmentRate },
  { key: 'open', value: (v) => v.pledges && v.pledges.open },
  { key: 'lapsed', value: (v) => v.pledges && v.pledges.lapsed },
  { key: 'reviews', value: (v) => v.reviews, districtOnly: (v) => v.reviewsDistrict },
  { key: 'satisfaction', percent: true, value: (v) => v.satisfaction },
  { key: 'lagging', value: (v) => v.lagging, districtOnly: (v) => v.laggingDistrict },
  { key: 'coverage', percent: true, value: (v) => v.coverage && v.coverage.share, districtOnly: (v) => v.coverageDistrict,
    note: (v) => (v.coverage && present(v.coverage.organisations)
      ? t('dash.coverageOf', { covered: formatNumber(v.coverage.covered), organisations: formatNumber(v.coverage.organisations) })
      : null) }
];

export function render(main) {
  const saved = JSON.parse(sessionStorage.getItem(STATE_KEY) || '{}');
  const state = {
    campaignId: saved.campaignId || '',
    asOf: saved.asOf || '',
    round: saved.round || '',
    township: saved.township || '',
    sector: SECTORS.includes(saved.sector) && !saved.township ? saved.sector : '',
    metric: METRICS.includes(saved.metric) ? saved.metric : 'fulfilmentRate',
    summary: null, ranking: null, evaluations: null, assessments: null, coverage: null, timeline: null,
    reviews: null, node: null
  };
  const charts = [];
  let stopLive = null;
  let secondaryTimer = null;
  let lastSecondary = 0;
  let secondaryRun = 0;
  const latestRun = {};
  let left = false;

  const modeBadge = h('span', { class: 'mode', dataset: { testid: 'live-mode' } });
  const updated = h('span', { class: 'updated', dataset: { testid: 'updated' } });
  const problems = h('div', { class: 'problems' });
  const campaignSelect = select('campaignId', [['', t('common.allCampaigns')]], state.campaignId,
    { dataset: { testid: 'campaign-filter' } });
  const townshipSelect = select('township', [['', t('dash.allTownships')]], state.township,
    { dataset: { testid: 'township-filter' } });
  if (state.township) {
    townshipSelect.append(h('option', { value: state.township, selected: true }, state.township));
  }
  const sectorSelect = select('sector', [['', t('dash.allSectors')], ...SECTORS.map((s) => [s, label('sector', s)])],
    state.sector, { dataset: { testid: 'sector-filter' } });
  const rounds = h('datalist', { id: 'dashboard-rounds' });
  const roundInput = h('input', { type: 'text', name: 'round', value: state.round, list: 'dashboard-rounds', maxlength: 32,
    placeholder: t('dash.anyRound'), dataset: { testid: 'round-filter' } });
  const asOfInput = h('input', { type: 'date', name: 'asOf', value: state.asOf, dataset: { testid: 'as-of' } });
  const liveButton = h('button', { type: 'button', class: 'ghost', hidden: !state.asOf }, t('dash.live'));
  const metricSelect = select('metric', METRICS.map((m) => [m, t(`dash.metric.${m}`)]), state.metric);
  const activeFilter = h('span', { class: 'active-filter-text', dataset: { testid: 'active-filter' } });
  const clearFilter = h('button', { type: 'button', class: 'ghost small', dataset: { testid: 'clear-filter' } },
    t('dash.clearFilter'));
  const scopeLine = h('div', { class: 'scope-line', role: 'status' }, activeFilter, clearFilter);

  const tiles = TILES.map((tile) => {
    const name = h('div', { class: 'tile-label' }, t(`dash.tile.${tile.key}`));
    const value = h('div', { class: 'tile-value', dataset: { testid: `tile-${tile.key}` } }, '–');
    const note = h('div', { class: 'tile-note', dataset: { testid: `tile-${tile.key}-note` } });
    return { tile, name, value, note, element: h('div', { class: `tile tile-${tile.key}` }, name, value, note) };
  });
  const sectorChart = h('div', { class: 'chart', dataset: { testid: 'chart-sector' } });
  const townshipChart = h('div', { class: 'chart', dataset: { testid: 'chart-township' } });
  const statusChart = h('div', { class: 'chart', dataset: { testid: 'chart-status' } });
  const timelineChart = h('div', { class: 'chart', dataset: { testid: 'chart-timeline' } });
  const sectorCaption = h('figcaption', {}, t('dash.chart.sector'));
  const townshipCaption = h('figcaption', {}, t('dash.chart.township'));
  const statusCaption = h('figcaption', {}, t('dash.chart.status'));
  const timelineCaption = h('figcaption', {}, t('dash.chart.timeline'));
  const rankingBody = h('tbody');
  const ledgerList = h('div', { class: 'ledger' });
  const drillDown = h('div', { class: 'drill' });

  clear(main,
    h('section', { class: 'dashboard', dataset: { testid: 'dashboard' } },
      h('div', { class: 'view-head' },
        h('h1', {}, t('dash.title')),
        h('div', { class: 'status-line' }, modeBadge, updated)),
      h('form', { class: 'toolbar', onsubmit: (e) => e.preventDefault() },
        field(t('dash.campaign'), campaignSelect),
        field(t('dash.township'), townshipSelect),
        field(t('dash.sector'), sectorSelect),
        field(t('dash.round'), roundInput, t('dash.roundHint')),
        field(t('dash.asOf'), asOfInput, t('dash.asOfHint')),
        liveButton, rounds),
      scopeLine,
      problems,
      h('div', { class: 'tiles' }, tiles.map((x) => x.element)),
      h('div', { class: 'charts' },
        h('figure', { class: 'card' }, sectorCaption, sectorChart),
        h('figure', { class: 'card' }, townshipCaption, townshipChart),
        h('figure', { class: 'card' }, statusCaption, statusChart)),
      h('div', { class: 'charts wide' },
        h('figure', { class: 'card' }, timelineCaption, timelineChart)),
      h('div', { class: 'lower' },
        h('section', { class: 'card ranking' },
          h('div', { class: 'card-head' }, h('h2', {}, t('dash.ranking.title')),
            field(t('dash.ranking.metric'), metricSelect)),
          h('table', { class: 'table', dataset: { testid: 'ranking' } },
            h('thead', {}, h('tr', {},
              h('th', {}, t('dash.ranking.rank')), h('th', {}, t('dash.ranking.name')),
              h('th', { class: 'num' }, t('dash.col.made')), h('th', { class: 'num' }, t('dash.col.fulfilled')),
              h('th', { class: 'num' }, t('dash.col.rate')), h('th', { class: 'num' }, t('dash.col.lapsed')),
              h('th', { class: 'num' }, t('dash.col.satisfaction')), h('th', { class: 'num' }, t('dash.col.lagging')))),
            rankingBody),
          drillDown),
        h('section', { class: 'card' }, h('h2', {}, t('dash.laggingList')), ledgerList))));

  [sectorChart, townshipChart, statusChart, timelineChart].forEach((element) => {
    charts.push(echarts.init(element, null, { renderer: 'canvas' }));
  });
  const resize = () => charts.forEach((chart) => chart.resize());
  window.addEventListener('resize', resize);

  function save() {
    sessionStorage.setItem(STATE_KEY, JSON.stringify({ campaignId: state.campaignId, asOf: state.asOf, metric: state.metric,
      round: state.round, township: state.township, sector: state.sector }));
  }

  function showProblem(error) {
    clear(problems, error ? errorMessage(error) : null);
  }

  function townshipName(key) {
    const row = (state.ranking && state.ranking.rows.find((r) => r.key === key))
      || (state.coverage && (state.coverage.byTownship || []).find((r) => r.key === key));
    return (row && row.name) || (state.node && state.node.organisationId === key && state.node.name) || key;
  }

  /** The node report answers only for the township it was asked for; an older one is ignored. */
  function townshipNode() {
    return state.township && state.node && state.node.organisationId === state.township ? state.node : null;
  }

  /** What the tiles show for the active scope. */
  function scopedFigures() {
    const summary = state.summary || null;
    const district = {
      reviews: summary && summary.reviews ? summary.reviews.recorded : null,
      satisfaction: state.evaluations && state.evaluations.overall ? state.evaluations.overall.satisfactionRate : null,
      lagging: state.assessments && state.assessments.ledger ? state.assessments.ledger.onLedger : null,
      coverage: state.coverage ? state.coverage.organisationsReviewed : null
    };
    if (state.township) {
      const node = townshipNode();
      if (!node) {
        return { pledges: null };
      }
      const figures = node.figures || {};
      const ledger = state.assessments && state.assessments.ledger;
      const ledgerRow = ledger && (ledger.byTownship || []).find((r) => r.key === state.township);
      const satisfaction = figures.satisfaction;
      return {
        pledges: figures.pledges || null,
        reviews: present(figures.reviews) ? figures.reviews : null,
        satisfaction: satisfaction ? satisfaction.satisfactionRate : null,
        lagging: ledger ? (ledgerRow ? ledgerRow.onLedger : 0) : null,
        coverage: figures.reviewed || null
      };
    }
    if (state.sector) {
      const row = summary && (summary.bySector || []).find((r) => r.key === state.sector);
      const evaluated = state.evaluations && (state.evaluations.bySector || []).find((r) => r.key === state.sector);
      return {
        pledges: summary ? (row || { made: 0, fulfilled: 0, open: 0, lapsed: 0, fulfilmentRate: null }) : null,
        satisfaction: evaluated && evaluated.satisfaction ? evaluated.satisfaction.satisfactionRate : null,
        reviews: district.reviews, reviewsDistrict: true,
        lagging: district.lagging, laggingDistrict: true,
        coverage: district.coverage, coverageDistrict: true
      };
    }
    return { pledges: summary, ...district };
  }

  function drawScope() {
    if (state.township) {
      activeFilter.textContent = t('dash.scope.township', { name: townshipName(state.township) });
      activeFilter.dataset.scope = 'township';
    } else if (state.sector) {
      activeFilter.textContent = t('dash.scope.sector', { name: label('sector', state.sector) });
      activeFilter.dataset.scope = 'sector';
    } else {
      activeFilter.textContent = t('dash.scope.district');
      activeFilter.dataset.scope = 'district';
    }
    activeFilter.dataset.township = state.township;
    activeFilter.dataset.sector = state.sector;
    if (state.round) {
      activeFilter.textContent += t('dash.scope.round', { round: state.round });
    }
    clearFilter.hidden = !state.township && !state.sector;
    scopeLine.classList.toggle('filtered', Boolean(state.township || state.sector));
  }

  function drawTiles() {
    drawScope();
    const figures = scopedFigures();
    tiles.forEach(({ tile, name, value, note }) => {
      const number = tile.value(figures);
      value.textContent = !present(number) ? '–' : tile.percent ? formatPercent(number) : formatNumber(number);
      value.dataset.value = present(number) ? String(number) : '';
      value.dataset.scope = tile.districtOnly && tile.districtOnly(figures) ? 'district' : activeFilter.dataset.scope;
      if (tile.key === 'coverage') {
        name.textContent = state.round ? t('dash.tile.coverageRound', { round: state.round }) : t('dash.tile.coverage');
      }
      const notes = [];
      if (tile.note && present(number)) {
        notes.push(tile.note(figures));
      }
      if (tile.districtOnly && tile.districtOnly(figures)) {
        notes.push(t('dash.districtOnly'));
      }
      note.textContent = notes.filter(Boolean).join(' · ');
    });
  }

  function barOption(rows, name) {
    return {
      animationDuration: 300,
      color: [COLOURS.made, COLOURS.fulfilled, COLOURS.rate],
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { top: 0, data: [t('dash.series.made'), t('dash.series.fulfilled'), t('dash.series.rate')] },
      grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: rows.map(name), axisLabel: { interval: 0, rotate: rows.length > 5 ? 30 : 0 } },
      yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } }],
      series: [
        { name: t('dash.series.made'), type: 'bar', barMaxWidth: 36, data: rows.map((r) => r.made) },
        { name: t('dash.series.fulfilled'), type: 'bar', barMaxWidth: 36, data: rows.map((r) => r.fulfilled) },
        { name: t('dash.series.rate'), type: 'line', yAxisIndex: 1, connectNulls: false,
          data: rows.map((r) => (present(r.fulfilmentRate) ? Number(r.fulfilmentRate) : null)) }
      ]
    };
  }

  function pieOption(slices) {
    return {
      animationDuration: 300,
      color: ['#c8161d', '#e3a44a', '#2f6db5', '#4c9a6a', '#8a5cb8', '#d9753b', '#7a7a7a', '#b8b8b8'],
      tooltip: { trigger: 'item', renderMode: 'richText' },
      legend: { bottom: 0, type: 'scroll' },
      series: [{
        type: 'pie', radius: ['36%', '70%'], center: ['50%', '45%'],
        label: { position: 'inside', formatter: '{c}', color: '#fff', fontWeight: 'bold' },
        data: slices.filter((s) => s.value > 0)
      }]
    };
  }

  /** The township's direct children grouped by their sector (each child's subtree counted under its own sector). */
  function childrenBySector(children) {
    const rows = new Map();
    children.forEach((child) => {
      const pledges = (child.figures && child.figures.pledges) || {};
      const key = child.sector || 'UNKNOWN';
      const row = rows.get(key) || { key, made: 0, fulfilled: 0, withdrawn: 0 };
      row.made += pledges.made || 0;
      row.fulfilled += pledges.fulfilled || 0;
      row.withdrawn += pledges.withdrawn || 0;
      rows.set(key, row);
    });
    const order = (key) => (SECTORS.includes(key) ? SECTORS.indexOf(key) : SECTORS.length);
    return [...rows.values()].sort((a, b) => order(a.key) - order(b.key) || a.key.localeCompare(b.key))
      .map((row) => ({ ...row, fulfilmentRate: rate(row.fulfilled, row.made, row.withdrawn) }));
  }

  function drawCharts() {
    const node = townshipNode();
    if (state.township && node) {
      const children = node.children || [];
      const name = node.name || state.township;
      sectorCaption.textContent = t('dash.chart.sectorIn', { name });
      townshipCaption.textContent = t('dash.chart.childrenOf', { name });
      statusCaption.textContent = t('dash.chart.statusIn', { name });
      charts[0].setOption(barOption(childrenBySector(children), (r) => label('sector', r.key)), true);
      const rows = children.map((c) => ({ name: c.name || c.organisationId, ...((c.figures && c.figures.pledges) || {}) }))
        .sort((a, b) => (b.made || 0) - (a.made || 0));
      charts[1].setOption(barOption(rows, (r) => r.name), true);
      const p = (node.figures && node.figures.pledges) || {};
      charts[2].setOption(pieOption([
        { name: label('status', 'FULFILLED'), value: p.fulfilled || 0 },
        { name: t('dash.tile.open'), value: p.open || 0 },
        { name: label('status', 'LAPSED'), value: p.lapsed || 0 },
        { name: label('status', 'WITHDRAWN'), value: p.withdrawn || 0 }]), true);
    } else if (state.summary) {
      const summary = state.summary;
      sectorCaption.textContent = t('dash.chart.sector');
      // With a sector chosen, these charts still cover every sector: their captions say so.
      const wide = state.sector ? ` ${t('dash.districtWide')}` : '';
      townshipCaption.textContent = `${t('dash.chart.township')}${wide}`;
      statusCaption.textContent = `${t('dash.chart.status')}${wide}`;
      charts[0].setOption(barOption(summary.bySector || [], (r) => label('sector', r.key)), true);
      const townships = [...(summary.byTownship || [])].sort((a, b) => b.made - a.made);
      charts[1].setOption(barOption(townships, (r) => townshipName(r.key)), true);
      charts[2].setOption(pieOption((summary.byStatus || []).map((s) => ({ name: label('status', s.key), value: s.pledges }))), true);
    }
    drawTimeline();
  }

  /** Made and fulfilled per month, and the fulfilment rate of everything made up to each month. */
  function drawTimeline() {
    const timeline = state.timeline;
    timelineCaption.textContent = t('dash.chart.timeline');
    if (!timeline) {
      return;
    }
    const points = timeline.points || [];
    let made = 0;
    let fulfilled = 0;
    let withdrawn = 0;
    const cumulative = points.map((p) => {
      made += p.made || 0;
      fulfilled += p.fulfilled || 0;
      withdrawn += p.withdrawn || 0;
      return rate(fulfilled, made, withdrawn);
    });
    charts[3].setOption({
      animationDuration: 300,
      color: [COLOURS.made, COLOURS.fulfilled, COLOURS.rate],
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { top: 0, data: [t('dash.series.made'), t('dash.series.fulfilled'), t('dash.series.cumulativeRate')] },
      grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: points.map((p) => p.period) },
      yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } }],
      series: [
        { name: t('dash.series.made'), type: 'bar', barMaxWidth: 36, data: points.map((p) => p.made || 0) },
        { name: t('dash.series.fulfilled'), type: 'bar', barMaxWidth: 36, data: points.map((p) => p.fulfilled || 0) },
        { name: t('dash.series.cumulativeRate'), type: 'line', yAxisIndex: 1, connectNulls: true, symbolSize: 8, data: cumulative }
      ],
      graphic: points.length ? [] : [{ type: 'text', left: 'center', top: 'middle', style: { text: t('dash.noData'), fill: '#646a73' } }]
    }, true);
    timelineChart.dataset.points = String(points.length);
    timelineChart.dataset.made = String(made);
    timelineChart.dataset.fulfilled = String(fulfilled);
  }

  function drawTownshipOptions() {
    const known = new Map();
    ((state.coverage && state.coverage.byTownship) || []).forEach((r) => known.set(r.key, r.name || r.key));
    ((state.ranking && state.ranking.rows) || []).forEach((r) => known.set(r.key, r.name || known.get(r.key) || r.key));
    if (state.township && !known.has(state.township)) {
      known.set(state.township, townshipName(state.township));
    }
    const options = [...known.entries()].sort((a, b) => String(a[1]).localeCompare(String(b[1]), 'zh-CN'));
    clear(townshipSelect, h('option', { value: '' }, t('dash.allTownships')),
      options.map(([key, name]) => h('option', { value: key, selected: key === state.township }, name === key ? key : `${name}（${key}）`)));
    townshipSelect.value = state.township;
  }

  function drawRounds() {
    const list = ((state.reviews && state.reviews.byRound) || []).map((r) => r.round).filter(Boolean);
    clear(rounds, list.map((round) => h('option', { value: round })));
  }

  function drawRanking() {
    const rows = (state.ranking && state.ranking.rows) || [];
    clear(rankingBody, rows.length === 0
      ? h('tr', {}, h('td', { colspan: 8, class: 'empty' }, t('dash.noData')))
      : rows.map((r) => h('tr', { dataset: { key: r.key }, class: r.key === state.township ? 'selected' : null },
        h('td', {}, r.rank),
        h('td', {}, h('button', { type: 'button', class: 'link', title: t('dash.drill', { name: r.name || r.key }),
          onclick: () => drill(r) }, r.name || r.key)),
        h('td', { class: 'num' }, formatNumber(r.made)), h('td', { class: 'num' }, formatNumber(r.fulfilled)),
        h('td', { class: 'num' }, formatPercent(r.fulfilmentRate)),
        h('td', { class: 'num' }, formatNumber(r.lapsed)),
        h('td', { class: 'num' }, formatPercent(r.satisfactionRate)),
        h('td', { class: 'num' }, r.lagging === null || r.lagging === undefined ? '–' : formatNumber(r.lagging)))));
  }

  /** The organisations directly under a township, ranked by the same metric. */
  async function drill(row) {
    clear(drillDown, h('p', { class: 'loading' }, t('common.loading')));
    try {
      const ranking = await get(`/api/reports/rankings${query({ by: 'organisation', parentId: row.key, metric: state.metric,
        campaignId: state.campaignId, asOf: state.asOf || undefined })}`);
      clear(drillDown,
        h('div', { class: 'drill-head' },
          h('h3', {}, t('dash.drillTitle', { name: row.name || row.key })),
          row.key !== state.township ? h('button', { type: 'button', class: 'ghost small', dataset: { testid: 'drill-filter' },
            onclick: () => chooseTownship(row.key) }, t('dash.filterToTownship')) : null),
        ranking.rows.length === 0 ? h('p', { class: 'empty' }, t('dash.noData'))
          : h('table', { class: 'table', dataset: { testid: 'drill-down' } }, h('tbody', {}, ranking.rows.map((r) => h('tr', {},
            h('td', {}, r.rank), h('td', {}, r.name || r.key),
            h('td', { class: 'num' }, formatNumber(r.made)), h('td', { class: 'num' }, formatNumber(r.fulfilled)),
            h('td', { class: 'num' }, formatPercent(r.fulfilmentRate)),
            h('td', { class: 'num' }, formatPercent(r.satisfactionRate)))))));
    } catch (error) {
      clear(drillDown, errorMessage(error));
    }
  }

  function drawLedger() {
    const all = (state.assessments && state.assessments.ledger && state.assessments.ledger.units) || [];
    const units = state.township ? all.filter((u) => u.townshipId === state.township) : all;
    clear(ledgerList, units.length === 0 ? h('p', { class: 'empty' }, t('common.none'))
      : h('ul', { class: 'plain' }, units.map((u) => h('li', {},
        h('strong', {}, u.name || u.organisationId), ' · ', townshipName(u.townshipId), ' · ', label('ledgerStatus', u.status),
        u.failedChecks ? ` · ${t('ledger.failedChecks', { count: u.failedChecks })}` : ''))));
  }

  function drawAll() {
    drawTownshipOptions();
    drawRounds();
    drawTiles();
    drawRanking();
    drawLedger();
    drawCharts();
  }

  function stamp() {
    updated.textContent = t('dash.updated', { time: formatTime(new Date()) });
  }

  function setMode(mode) {
    modeBadge.dataset.mode = mode;
    modeBadge.textContent = mode === 'asOf' ? t('dash.mode.asOf', { date: state.asOf }) : t(`dash.mode.${mode}`);
  }

  const params = () => query({ campaignId: state.campaignId, asOf: state.asOf || undefined });

  /**
   * Fetches the reports beside the summary — all of them, or only those named — and draws them. An answer overtaken
   * by a newer request of the same report is dropped.
   */
  async function loadSecondary(only) {
    lastSecondary = Date.now();
    const run = ++secondaryRun;
    const asOf = state.asOf || undefined;
    const paths = {
      ranking: `/api/reports/rankings${query({ by: 'township', metric: state.metric, campaignId: state.campaignId, asOf })}`,
      evaluations: `/api/reports/evaluations${params()}`,
      assessments: `/api/reports/assessments${params()}`,
      coverage: `/api/reports/coverage${query({ campaignId: state.campaignId, round: state.round, asOf })}`,
      timeline: `/api/reports/pledges/timeline${query({ campaignId: state.campaignId, period: 'month',
        townshipId: state.township || undefined, sector: state.sector || undefined, asOf })}`,
      reviews: `/api/reports/reviews${params()}`
    };
    if (state.township) {
      paths.node = `/api/reports/organisations/${encodeURIComponent(state.township)}${query({
        campaignId: state.campaignId, round: state.round, asOf })}`;
    }
    const names = Object.keys(paths).filter((name) => !only || only.includes(name));
    names.forEach((name) => { latestRun[name] = run; });
    const settled = await Promise.allSettled(names.map((name) => get(paths[name])));
    const current = (i) => latestRun[names[i]] === run;
    if (left || !names.some((name, i) => current(i))) {
      return;
    }
    settled.forEach((result, i) => {
      if (!current(i)) {
        return;
      }
      if (result.status === 'fulfilled') {
        state[names[i]] = result.value;
      } else if (names[i] === 'node' || names[i] === 'coverage') {
        state[names[i]] = null;
      }
    });
    const failed = settled.find((s, i) => s.status === 'rejected' && current(i));
    showProblem(failed ? failed.reason : null);
    drawAll();
  }

  function scheduleSecondary() {
    if (secondaryTimer) {
      return;
    }
    const wait = Math.max(0, SECONDARY_MIN_MILLIS - (Date.now() - lastSecondary));
    secondaryTimer = setTimeout(() => {
      secondaryTimer = null;
      loadSecondary();
    }, wait);
  }

  function showSummary(summary) {
    state.summary = summary;
    drawTiles();
    drawCharts();
    stamp();
  }

  /** A live summary: drawn at once; the other reports follow, at most every SECONDARY_MIN_MILLIS. */
  function onSummary(summary) {
    if (left) {
      return;
    }
    showSummary(summary);
    scheduleSecondary();
  }

  function restart() {
    if (stopLive) {
      stopLive();
      stopLive = null;
    }
    clearTimeout(secondaryTimer);
    secondaryTimer = null;
    save();
    liveButton.hidden = !state.asOf;
    if (state.asOf) {
      // Figures of a past date do not change: each report is fetched once.
      setMode('asOf');
      Promise.all([get(`/api/reports/pledges/summary${params()}`), loadSecondary()])
        .then(([summary]) => {
          if (!left) {
            showSummary(summary);
          }
        })
        .catch(showProblem);
    } else {
      // The stream's first summary, sent on connecting, brings the other reports at once.
      lastSecondary = 0;
      stopLive = followSummary(state.campaignId, { onSummary, onMode: setMode, onError: showProblem });
    }
  }

  /**
   * A new scope (township, sector or round): the figures already at hand are drawn at once, and the reports that
   * depend on the scope are fetched.
   */
  function rescope() {
    save();
    clearTimeout(secondaryTimer);
    secondaryTimer = null;
    drawAll();
    loadSecondary(['coverage', 'timeline', 'node']);
  }

  /** Township and sector are one filter at a time: choosing one clears the other. */
  function chooseTownship(key) {
    state.township = key;
    if (key) {
      state.sector = '';
      sectorSelect.value = '';
    }
    townshipSelect.value = key;
    rescope();
  }

  campaignSelect.addEventListener('change', () => { state.campaignId = campaignSelect.value; restart(); });
  townshipSelect.addEventListener('change', () => chooseTownship(townshipSelect.value));
  sectorSelect.addEventListener('change', () => {
    state.sector = sectorSelect.value;
    if (state.sector) {
      state.township = '';
      townshipSelect.value = '';
    }
    rescope();
  });
  roundInput.addEventListener('change', () => { state.round = roundInput.value.trim(); rescope(); });
  clearFilter.addEventListener('click', () => {
    state.township = '';
    state.sector = '';
    townshipSelect.value = '';
    sectorSelect.value = '';
    rescope();
  });
  asOfInput.addEventListener('change', () => { state.asOf = asOfInput.value; restart(); });
  liveButton.addEventListener('click', () => { asOfInput.value = ''; state.asOf = ''; restart(); });
  metricSelect.addEventListener('change', () => { state.metric = metricSelect.value; save(); loadSecondary(['ranking']); });

  get('/api/reports/campaigns').then((campaigns) => {
    if (left) {
      return;
    }
    (campaigns || []).forEach((c) => campaignSelect.append(
      h('option', { value: c.campaignId, selected: c.campaignId === state.campaignId }, c.name ? `${c.name}（${c.campaignId}）` : c.campaignId)));
    // A campaign remembered from an earlier visit that the reports no longer know: show the whole district instead.
    if (state.campaignId && !(campaigns || []).some((c) => c.campaignId === state.campaignId)) {
      state.campaignId = '';
      campaignSelect.value = '';
      restart();
    }
  }).catch(showProblem);

  drawScope();
  restart();

  return () => {
    left = true;
    if (stopLive) {
      stopLive();
    }
    clearTimeout(secondaryTimer);
    window.removeEventListener('resize', resize);
    charts.forEach((chart) => chart.dispose());
  };
}
