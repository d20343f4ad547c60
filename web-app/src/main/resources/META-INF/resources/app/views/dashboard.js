// The leadership group's dashboard: headline figures updated live, charts by sector, township and stage, the
// township ranking and the lagging-unit ledger; for a campaign or all, live or as of a past date.
import * as echarts from '../vendor/echarts.js';
import { get, query } from '../api.js';
import { followSummary } from '../live.js';
import { t, label, formatNumber, formatPercent, formatTime } from '../i18n.js';
import { h, clear, select, field } from '../dom.js';
import { errorMessage } from '../errors.js';

const STATE_KEY = 'campaign.dashboard';
const SECONDARY_MIN_MILLIS = 3000;
const COLOURS = { made: '#e3a44a', fulfilled: '#c8161d', rate: '#2f6db5' };
const METRICS = ['fulfilmentRate', 'made', 'fulfilled', 'lapsed', 'satisfactionRate', 'lagging'];

const TILES = [
  { key: 'made', value: (s) => s.summary && s.summary.made },
  { key: 'fulfilled', value: (s) => s.summary && s.summary.fulfilled },
  { key: 'rate', value: (s) => s.summary && s.summary.fulfilmentRate, percent: true },
  { key: 'open', value: (s) => s.summary && s.summary.open },
  { key: 'lapsed', value: (s) => s.summary && s.summary.lapsed },
  { key: 'reviews', value: (s) => s.summary && s.summary.reviews && s.summary.reviews.recorded },
  { key: 'satisfaction', value: (s) => s.evaluations && s.evaluations.overall
      && s.evaluations.overall.respondents ? s.evaluations.overall.satisfactionRate : null, percent: true },
  { key: 'lagging', value: (s) => s.assessments && s.assessments.ledger && s.assessments.ledger.onLedger }
];

export function render(main) {
  const saved = JSON.parse(sessionStorage.getItem(STATE_KEY) || '{}');
  const state = {
    campaignId: saved.campaignId || '',
    asOf: saved.asOf || '',
    metric: METRICS.includes(saved.metric) ? saved.metric : 'fulfilmentRate',
    summary: null, ranking: null, evaluations: null, assessments: null
  };
  const charts = [];
  let stopLive = null;
  let secondaryTimer = null;
  let lastSecondary = 0;
  let left = false;

  const modeBadge = h('span', { class: 'mode', dataset: { testid: 'live-mode' } });
  const updated = h('span', { class: 'updated', dataset: { testid: 'updated' } });
  const problems = h('div', { class: 'problems' });
  const campaignSelect = select('campaignId', [['', t('common.allCampaigns')]], state.campaignId,
    { dataset: { testid: 'campaign-filter' } });
  const asOfInput = h('input', { type: 'date', name: 'asOf', value: state.asOf, dataset: { testid: 'as-of' } });
  const liveButton = h('button', { type: 'button', class: 'ghost', hidden: !state.asOf }, t('dash.live'));
  const metricSelect = select('metric', METRICS.map((m) => [m, t(`dash.metric.${m}`)]), state.metric);

  const tiles = TILES.map((tile) => {
    const value = h('div', { class: 'tile-value', dataset: { testid: `tile-${tile.key}` } }, '–');
    return { tile, value, element: h('div', { class: `tile tile-${tile.key}` }, h('div', { class: 'tile-label' }, t(`dash.tile.${tile.key}`)), value) };
  });
  const sectorChart = h('div', { class: 'chart', dataset: { testid: 'chart-sector' } });
  const townshipChart = h('div', { class: 'chart', dataset: { testid: 'chart-township' } });
  const statusChart = h('div', { class: 'chart', dataset: { testid: 'chart-status' } });
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
        field(t('dash.asOf'), asOfInput, t('dash.asOfHint')),
        liveButton),
      problems,
      h('div', { class: 'tiles' }, tiles.map((x) => x.element)),
      h('div', { class: 'charts' },
        h('figure', { class: 'card' }, h('figcaption', {}, t('dash.chart.sector')), sectorChart),
        h('figure', { class: 'card' }, h('figcaption', {}, t('dash.chart.township')), townshipChart),
        h('figure', { class: 'card' }, h('figcaption', {}, t('dash.chart.status')), statusChart)),
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

  [sectorChart, townshipChart, statusChart].forEach((element) => {
    charts.push(echarts.init(element, null, { renderer: 'canvas' }));
  });
  const resize = () => charts.forEach((chart) => chart.resize());
  window.addEventListener('resize', resize);

  function save() {
    sessionStorage.setItem(STATE_KEY, JSON.stringify({ campaignId: state.campaignId, asOf: state.asOf, metric: state.metric }));
  }

  function showProblem(error) {
    clear(problems, error ? errorMessage(error) : null);
  }

  function townshipName(key) {
    const row = state.ranking && state.ranking.rows.find((r) => r.key === key);
    return (row && row.name) || key;
  }

  function drawTiles() {
    tiles.forEach(({ tile, value }) => {
      const number = tile.value(state);
      value.textContent = number === null || number === undefined ? '–'
        : tile.percent ? formatPercent(number) : formatNumber(number);
      value.dataset.value = number === null || number === undefined ? '' : String(number);
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
        { name: t('dash.series.made'), type: 'bar', data: rows.map((r) => r.made) },
        { name: t('dash.series.fulfilled'), type: 'bar', data: rows.map((r) => r.fulfilled) },
        { name: t('dash.series.rate'), type: 'line', yAxisIndex: 1, connectNulls: false,
          data: rows.map((r) => (r.made ? Number(r.fulfilmentRate || 0) : null)) }
      ]
    };
  }

  function drawCharts() {
    const summary = state.summary;
    if (!summary) {
      return;
    }
    charts[0].setOption(barOption(summary.bySector || [], (r) => label('sector', r.key)), true);
    const townships = [...(summary.byTownship || [])].sort((a, b) => b.made - a.made);
    charts[1].setOption(barOption(townships, (r) => townshipName(r.key)), true);
    const stages = (summary.byStatus || []).filter((s) => s.pledges > 0);
    charts[2].setOption({
      animationDuration: 300,
      color: ['#c8161d', '#e3a44a', '#2f6db5', '#4c9a6a', '#8a5cb8', '#d9753b', '#7a7a7a', '#b8b8b8'],
      tooltip: { trigger: 'item', renderMode: 'richText' },
      legend: { bottom: 0, type: 'scroll' },
      series: [{
        type: 'pie', radius: ['36%', '70%'], center: ['50%', '45%'],
        label: { position: 'inside', formatter: '{c}', color: '#fff', fontWeight: 'bold' },
        data: stages.map((s) => ({ name: label('status', s.key), value: s.pledges }))
      }]
    }, true);
  }

  function drawRanking() {
    const rows = (state.ranking && state.ranking.rows) || [];
    clear(rankingBody, rows.length === 0
      ? h('tr', {}, h('td', { colspan: 8, class: 'empty' }, t('dash.noData')))
      : rows.map((r) => h('tr', { dataset: { key: r.key } },
        h('td', {}, r.rank),
        h('td', {}, h('button', { type: 'button', class: 'link', title: t('dash.drill', { name: r.name || r.key }),
          onclick: () => drill(r) }, r.name || r.key)),
        h('td', { class: 'num' }, formatNumber(r.made)), h('td', { class: 'num' }, formatNumber(r.fulfilled)),
        h('td', { class: 'num' }, r.made ? formatPercent(r.fulfilmentRate) : '–'),
        h('td', { class: 'num' }, formatNumber(r.lapsed)),
        h('td', { class: 'num' }, r.respondents ? formatPercent(r.satisfactionRate) : '–'),
        h('td', { class: 'num' }, r.lagging === null || r.lagging === undefined ? '–' : formatNumber(r.lagging)))));
  }

  /** The organisations directly under a township, ranked by the same metric. */
  async function drill(row) {
    clear(drillDown, h('p', { class: 'loading' }, t('common.loading')));
    try {
      const ranking = await get(`/api/reports/rankings${query({ by: 'organisation', parentId: row.key, metric: state.metric,
        campaignId: state.campaignId, asOf: state.asOf || undefined })}`);
      clear(drillDown, h('h3', {}, t('dash.drillTitle', { name: row.name || row.key })),
        ranking.rows.length === 0 ? h('p', { class: 'empty' }, t('dash.noData'))
          : h('table', { class: 'table', dataset: { testid: 'drill-down' } }, h('tbody', {}, ranking.rows.map((r) => h('tr', {},
            h('td', {}, r.rank), h('td', {}, r.name || r.key),
            h('td', { class: 'num' }, formatNumber(r.made)), h('td', { class: 'num' }, formatNumber(r.fulfilled)),
            h('td', { class: 'num' }, r.made ? formatPercent(r.fulfilmentRate) : '–'),
            h('td', { class: 'num' }, r.respondents ? formatPercent(r.satisfactionRate) : '–'))))));
    } catch (error) {
      clear(drillDown, errorMessage(error));
    }
  }

  function drawLedger() {
    const units = (state.assessments && state.assessments.ledger && state.assessments.ledger.units) || [];
    clear(ledgerList, units.length === 0 ? h('p', { class: 'empty' }, t('common.none'))
      : h('ul', { class: 'plain' }, units.map((u) => h('li', {},
        h('strong', {}, u.name || u.organisationId), ' · ', townshipName(u.townshipId), ' · ', u.status))));
  }

  function stamp() {
    updated.textContent = t('dash.updated', { time: formatTime(new Date()) });
  }

  function setMode(mode) {
    modeBadge.dataset.mode = mode;
    modeBadge.textContent = mode === 'asOf' ? t('dash.mode.asOf', { date: state.asOf }) : t(`dash.mode.${mode}`);
  }

  const params = () => query({ campaignId: state.campaignId, asOf: state.asOf || undefined });

  async function loadSecondary() {
    lastSecondary = Date.now();
    const settled = await Promise.allSettled([
      get(`/api/reports/rankings${query({ by: 'township', metric: state.metric, campaignId: state.campaignId, asOf: state.asOf || undefined })}`),
      get(`/api/reports/evaluations${params()}`),
      get(`/api/reports/assessments${params()}`)
    ]);
    if (left) {
      return;
    }
    [state.ranking, state.evaluations, state.assessments] = settled.map((s, i) => (s.status === 'fulfilled' ? s.value
      : [state.ranking, state.evaluations, state.assessments][i]));
    const failed = settled.find((s) => s.status === 'rejected');
    showProblem(failed ? failed.reason : null);
    drawTiles();
    drawRanking();
    drawLedger();
    drawCharts();
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

  function onSummary(summary) {
    if (left) {
      return;
    }
    state.summary = summary;
    drawTiles();
    drawCharts();
    stamp();
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
      setMode('asOf');
      Promise.all([get(`/api/reports/pledges/summary${params()}`), loadSecondary()])
        .then(([summary]) => onSummary(summary))
        .catch(showProblem);
    } else {
      stopLive = followSummary(state.campaignId, { onSummary, onMode: setMode, onError: showProblem });
      loadSecondary();
    }
  }

  campaignSelect.addEventListener('change', () => { state.campaignId = campaignSelect.value; restart(); });
  asOfInput.addEventListener('change', () => { state.asOf = asOfInput.value; restart(); });
  liveButton.addEventListener('click', () => { asOfInput.value = ''; state.asOf = ''; restart(); });
  metricSelect.addEventListener('change', () => { state.metric = metricSelect.value; save(); loadSecondary(); });

  get('/api/reports/campaigns').then((campaigns) => {
    if (left) {
      return;
    }
    (campaigns || []).forEach((c) => campaignSelect.append(
      h('option', { value: c.campaignId, selected: c.campaignId === state.campaignId }, c.name ? `${c.name}（${c.campaignId}）` : c.campaignId)));
  }).catch(showProblem);

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
