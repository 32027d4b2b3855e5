// Small bar charts as SVG, built with DOM calls (no inline markup or style).
const svgNs = 'http://www.w3.org/2000/svg';

function svg(name, attributes) {
  const element = document.createElementNS(svgNs, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

export function barChart(title, counts, bucketSeconds) {
  const width = 240, height = 60, gap = 2;
  const max = Math.max(1, ...counts);
  const total = counts.reduce((a, b) => a + b, 0);
  const events = `${total} event${total === 1 ? '' : 's'}`;
  const figure = document.createElement('figure');
  const caption = document.createElement('figcaption');
  caption.textContent = `${title}: ${events}`;
  const chart = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': `${title}: ${events} in the last hour, per ${bucketSeconds / 60} minutes: ${counts.join(', ')}` });
  const barWidth = width / counts.length - gap;
  counts.forEach((count, i) => {
    const barHeight = Math.round((count / max) * (height - 2));
    const bar = svg('rect', { x: i * (barWidth + gap), y: height - barHeight, width: barWidth, height: barHeight });
    const tip = svg('title', {});
    tip.textContent = String(count);
    bar.append(tip);
    chart.append(bar);
  });
  chart.append(svg('line', { x1: 0, y1: height - 0.5, x2: width, y2: height - 0.5 }));
  figure.append(caption, chart);
  return figure;
}
