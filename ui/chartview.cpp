// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartview.h"

#include <QVBoxLayout>

// qcustomplot.h uses the Qt keywords and foreach our targets turn off: this file is compiled
// without QT_NO_KEYWORDS / QT_NO_FOREACH (ui/CMakeLists.txt).
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

namespace patchwise::ui {

ChartView::ChartView(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setNoAntialiasingOnDrag(true);
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *event) {
        if (m_mode == Mode::Heatmap) {
            const auto [row, column] = cellAt(event->pos());
            if (row >= 0)
                Q_EMIT cellClicked(row, column);
        } else if (m_mode == Mode::Bars) {
            const int bar = barAt(event->pos());
            if (bar >= 0)
                Q_EMIT barClicked(bar);
        }
    });
    reset();
}

void ChartView::reset()
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_plot->legend->setVisible(false);
    const QPalette pal = palette();
    m_plot->setBackground(pal.color(QPalette::Base));
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setBasePen(QPen(pal.color(QPalette::Mid)));
        axis->setTickPen(QPen(pal.color(QPalette::Mid)));
        axis->setSubTickPen(QPen(pal.color(QPalette::Mid)));
        axis->setTickLabelColor(pal.color(QPalette::Text));
        axis->setLabelColor(pal.color(QPalette::Text));
        axis->grid()->setPen(QPen(pal.color(QPalette::Midlight), 1, Qt::DotLine));
        axis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        axis->setRangeReversed(false);
        axis->setLabel(QString());
    }
    m_plot->legend->setBrush(pal.color(QPalette::Base));
    m_plot->legend->setTextColor(pal.color(QPalette::Text));
    m_plot->legend->setBorderPen(QPen(pal.color(QPalette::Mid)));
    m_mode = Mode::None;
    m_rows = m_columns = 0;
}

void ChartView::clear()
{
    reset();
    m_plot->replot();
}

void ChartView::setStackedBars(const QStringList &categories,
                               const std::vector<Series> &series,
                               const QString &valueTitle,
                               int boundaryAfter,
                               const QString &boundaryLabel,
                               bool legend)
{
    reset();
    m_mode = Mode::Bars;
    m_rows = int(categories.size());
    // Category i at key i, drawn top to bottom.
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    QVector<double> keys;
    for (int i = 0; i < categories.size(); ++i) {
        ticker->addTick(i, categories[i]);
        keys << i;
    }
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setRangeReversed(true);
    m_plot->yAxis->grid()->setVisible(false);
    m_plot->yAxis->setRange(-0.7, std::max<double>(categories.size(), 1) - 0.3);
    m_plot->xAxis->setLabel(valueTitle);
    QCPBars *below = nullptr;
    double maxTotal = 0;
    std::vector<double> totals(std::size_t(categories.size()), 0.0);
    for (const Series &s : series) {
        auto *bars = new QCPBars(m_plot->yAxis, m_plot->xAxis);
        bars->setName(s.name);
        bars->setWidth(0.7);
        bars->setPen(Qt::NoPen);
        bars->setBrush(s.color);
        QVector<double> values(s.values.begin(), s.values.end());
        values.resize(keys.size());
        bars->setData(keys, values, true);
        if (below)
            bars->moveAbove(below);
        below = bars;
        for (int i = 0; i < keys.size(); ++i)
            totals[std::size_t(i)] += values[i];
    }
    for (double t : totals)
        maxTotal = std::max(maxTotal, t);
    m_plot->xAxis->setRange(0, std::max(1.0, maxTotal * 1.08));
    if (boundaryAfter >= 0 && boundaryAfter < categories.size()) {
        auto *line = new QCPItemStraightLine(m_plot);
        line->point1->setCoords(0, boundaryAfter + 0.5);
        line->point2->setCoords(1, boundaryAfter + 0.5);
        line->setPen(QPen(palette().color(QPalette::Highlight), 2, Qt::DashLine));
        if (!boundaryLabel.isEmpty()) {
            auto *text = new QCPItemText(m_plot);
            text->position->setCoords(std::max(1.0, maxTotal * 1.08), boundaryAfter + 0.5);
            text->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
            text->setText(boundaryLabel);
            text->setColor(palette().color(QPalette::Highlight));
        }
    }
    if (!series.empty() && legend) {
        m_plot->legend->setVisible(true);
        m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    }
    m_plot->replot();
}

void ChartView::setHeatmap(const QStringList &rowLabels,
                           const QStringList &columnLabels,
                           const std::vector<std::vector<double>> &values,
                           const QString &rowTitle,
                           const QString &columnTitle)
{
    reset();
    m_mode = Mode::Heatmap;
    m_rows = int(rowLabels.size());
    m_columns = int(columnLabels.size());
    auto *map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    map->data()->setSize(m_columns, m_rows);
    map->data()->setRange(QCPRange(0, std::max(0, m_columns - 1)),
                          QCPRange(0, std::max(0, m_rows - 1)));
    double maxValue = 0;
    for (int r = 0; r < m_rows; ++r)
        for (int c = 0; c < m_columns; ++c) {
            const double v = r < int(values.size()) && c < int(values[std::size_t(r)].size())
                                 ? values[std::size_t(r)][std::size_t(c)]
                                 : 0.0;
            // Logarithmic shading: one cell with thousands must not wash out the rest.
            map->data()->setCell(c, r, v > 0 ? std::log10(1.0 + v) : 0.0);
            maxValue = std::max(maxValue, v);
        }
    QCPColorGradient gradient;
    gradient.setColorStopAt(0.0, palette().color(QPalette::Base));
    gradient.setColorStopAt(0.0001, QColor(0xe3, 0xf2, 0xfd));
    gradient.setColorStopAt(1.0, QColor(0x1a, 0x47, 0x8a));
    map->setGradient(gradient);
    map->setDataRange(QCPRange(0, std::max(0.001, std::log10(1.0 + maxValue))));
    map->setInterpolate(false);
    for (int r = 0; r < m_rows; ++r)
        for (int c = 0; c < m_columns; ++c) {
            const double v = r < int(values.size()) && c < int(values[std::size_t(r)].size())
                                 ? values[std::size_t(r)][std::size_t(c)]
                                 : 0.0;
            auto *text = new QCPItemText(m_plot);
            text->position->setCoords(c, r);
            text->setText(QLocale().toString(qlonglong(std::llround(v))));
            // Text readable on the cell's own shade (on light and dark palettes alike).
            const double shade =
                maxValue > 0 ? std::log10(1.0 + v) / std::log10(1.0 + maxValue) : 0;
            if (v <= 0) {
                text->setColor(palette().color(QPalette::Text));
            } else {
                const QColor low(0xe3, 0xf2, 0xfd), high(0x1a, 0x47, 0x8a);
                const double r = low.redF() + (high.redF() - low.redF()) * shade;
                const double g = low.greenF() + (high.greenF() - low.greenF()) * shade;
                const double b = low.blueF() + (high.blueF() - low.blueF()) * shade;
                const double luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
                text->setColor(luminance < 0.5 ? QColor(Qt::white) : QColor(0x1b, 0x1b, 0x1b));
            }
            QFont f = font();
            f.setBold(r == c);
            text->setFont(f);
        }
    QSharedPointer<QCPAxisTickerText> xTicks(new QCPAxisTickerText), yTicks(new QCPAxisTickerText);
    for (int c = 0; c < m_columns; ++c)
        xTicks->addTick(c, columnLabels[c]);
    for (int r = 0; r < m_rows; ++r)
        yTicks->addTick(r, rowLabels[r]);
    m_plot->xAxis->setTicker(xTicks);
    m_plot->yAxis->setTicker(yTicks);
    m_plot->xAxis->setRange(-0.5, m_columns - 0.5);
    m_plot->yAxis->setRange(-0.5, m_rows - 0.5);
    m_plot->yAxis->setRangeReversed(true);
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->grid()->setVisible(false);
    m_plot->xAxis->setLabel(columnTitle);
    m_plot->yAxis->setLabel(rowTitle);
    m_plot->replot();
}

void ChartView::setTimeSeries(const std::vector<double> &times,
                              const std::vector<Series> &series,
                              const QString &valueTitle)
{
    reset();
    m_mode = Mode::Lines;
    QSharedPointer<QCPAxisTickerDateTime> ticker(new QCPAxisTickerDateTime);
    ticker->setDateTimeFormat(QStringLiteral("yyyy-MM-dd"));
    ticker->setDateTimeSpec(Qt::UTC);
    m_plot->xAxis->setTicker(ticker);
    m_plot->yAxis->setLabel(valueTitle);
    double maxValue = 1;
    for (const Series &s : series) {
        QCPGraph *graph = m_plot->addGraph();
        graph->setName(s.name);
        graph->setPen(QPen(s.color, 2));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
        QVector<double> x(times.begin(), times.end()), y(s.values.begin(), s.values.end());
        y.resize(x.size());
        graph->setData(x, y, true);
        for (double v : y)
            maxValue = std::max(maxValue, v);
    }
    if (!times.empty()) {
        const double span = std::max(86400.0, times.back() - times.front());
        m_plot->xAxis->setRange(times.front() - span * 0.03, times.back() + span * 0.03);
    }
    m_plot->yAxis->setRange(0, maxValue * 1.1);
    m_plot->legend->setVisible(!series.empty());
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    m_plot->replot();
}

std::pair<int, int> ChartView::cellAt(const QPoint &pos) const
{
    if (m_mode != Mode::Heatmap)
        return {-1, -1};
    const QPoint p = m_plot->mapFrom(this, pos);
    const int column = int(std::lround(m_plot->xAxis->pixelToCoord(p.x())));
    const int row = int(std::lround(m_plot->yAxis->pixelToCoord(p.y())));
    if (row < 0 || row >= m_rows || column < 0 || column >= m_columns ||
        !m_plot->axisRect()->rect().contains(p))
        return {-1, -1};
    return {row, column};
}

int ChartView::barAt(const QPoint &pos) const
{
    if (m_mode != Mode::Bars)
        return -1;
    const QPoint p = m_plot->mapFrom(this, pos);
    const double key = m_plot->yAxis->pixelToCoord(p.y());
    const int bar = int(std::lround(key));
    if (bar < 0 || bar >= m_rows || std::abs(key - bar) > 0.4 ||
        !m_plot->axisRect()->rect().contains(p))
        return -1;
    return bar;
}

QPoint ChartView::cellCenter(int row, int column) const
{
    const QPoint p(int(m_plot->xAxis->coordToPixel(column)), int(m_plot->yAxis->coordToPixel(row)));
    return m_plot->mapTo(this, p);
}

} // namespace patchwise::ui
