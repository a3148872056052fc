// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QStringList>
#include <QWidget>
#include <vector>

class QCustomPlot;

namespace patchwise::ui {

// The one adapter over QCustomPlot (the only file that includes it): the charts the pages
// draw, with clicks reported in the pages' own terms (a category, a cell).
class ChartView : public QWidget
{
    Q_OBJECT

public:
    struct Series
    {
        QString name;
        QColor color;
        std::vector<double> values; // one per category (or time point)
    };

    explicit ChartView(QWidget *parent = nullptr);

    // Horizontal bars, one per category from top to bottom, stacked by series; a dashed line
    // is drawn below category `boundaryAfter` (-1: none) with `boundaryLabel` next to it.
    void setStackedBars(const QStringList &categories,
                        const std::vector<Series> &series,
                        const QString &valueTitle,
                        int boundaryAfter = -1,
                        const QString &boundaryLabel = {},
                        bool legend = true);
    // A grid of counts (values[row][column]) coloured by size, with the counts written in
    // the cells; rows from top to bottom, columns left to right.
    void setHeatmap(const QStringList &rowLabels,
                    const QStringList &columnLabels,
                    const std::vector<std::vector<double>> &values,
                    const QString &rowTitle,
                    const QString &columnTitle);
    // Lines over time (`times` in Unix seconds), one per series.
    void setTimeSeries(const std::vector<double> &times,
                       const std::vector<Series> &series,
                       const QString &valueTitle);
    void clear();

    // The grid cell or bar at a widget position (-1 when none); what a click reports.
    std::pair<int, int> cellAt(const QPoint &pos) const;
    int barAt(const QPoint &pos) const;
    QPoint cellCenter(int row, int column) const; // for tests

Q_SIGNALS:
    void barClicked(int category);
    void cellClicked(int row, int column);

private:
    enum class Mode
    {
        None,
        Bars,
        Heatmap,
        Lines,
    };
    void reset();

    QCustomPlot *m_plot;
    Mode m_mode = Mode::None;
    int m_rows = 0, m_columns = 0;
};

} // namespace patchwise::ui
