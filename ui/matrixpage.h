// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>
#include <cstdint>
#include <vector>

class QComboBox;
class QLabel;

namespace patchwise::ui {

class ChartView;
class Workbench;

// NVD's CVSS severity against one vendor's rating, as a heatmap with the counts in the
// cells (`patchwise-cli matrix`). Clicking a cell asks for exactly its findings in the
// triage table.
class MatrixPage : public QWidget
{
    Q_OBJECT

public:
    explicit MatrixPage(Workbench *workbench, QWidget *parent = nullptr);

    ChartView *chart() const { return m_chart; }
    QComboBox *vendorBox() const { return m_vendor; }
    void setVendor(const QString &vendor);

Q_SIGNALS:
    void showFindings(const std::vector<std::uint32_t> &findings, const QString &label);

private:
    void rebuild();
    void refresh();
    void cellClicked(int row, int column);

    Workbench *m_workbench;
    QComboBox *m_vendor;
    QComboBox *m_count;
    QLabel *m_summary;
    ChartView *m_chart;
};

} // namespace patchwise::ui
