// SPDX-License-Identifier: GPL-3.0-or-later
#include "matrixpage.h"

#include "chartview.h"
#include "severitystyle.h"
#include "workbench.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace patchwise::ui {

MatrixPage::MatrixPage(Workbench *workbench, QWidget *parent)
    : QWidget(parent)
    , m_workbench(workbench)
{
    m_vendor = new QComboBox;
    m_vendor->setObjectName(QStringLiteral("vendorBox"));
    m_vendor->setMinimumContentsLength(12);
    m_count = new QComboBox;
    m_count->setObjectName(QStringLiteral("countBox"));
    m_count->addItems({tr("Distinct vulnerabilities"), tr("Findings")});
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("matrixSummary"));
    m_summary->setWordWrap(true);
    m_chart = new ChartView;
    m_chart->setObjectName(QStringLiteral("matrixChart"));
    m_chart->setMinimumSize(420, 320);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Vendor:")));
    bar->addWidget(m_vendor);
    bar->addSpacing(16);
    bar->addWidget(new QLabel(tr("Count:")));
    bar->addWidget(m_count);
    bar->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_summary);
    layout->addWidget(m_chart, 1);
    auto *hint = new QLabel(tr("Rows: NVD's CVSS severity. Columns: the vendor's own rating. "
                               "Click a cell to see exactly its findings in the triage table."));
    hint->setStyleSheet(QStringLiteral("color:gray"));
    layout->addWidget(hint);

    connect(m_vendor, &QComboBox::currentTextChanged, this, &MatrixPage::refresh);
    connect(m_count, &QComboBox::currentIndexChanged, this, &MatrixPage::refresh);
    connect(m_chart, &ChartView::cellClicked, this, &MatrixPage::cellClicked);
    connect(workbench, &Workbench::loaded, this, &MatrixPage::rebuild);
    connect(workbench, &Workbench::rescored, this, &MatrixPage::refresh);
    if (workbench->isOpen())
        rebuild();
}

void MatrixPage::setVendor(const QString &vendor)
{
    m_vendor->setCurrentText(vendor);
}

void MatrixPage::rebuild()
{
    const QString previous = m_vendor->currentText();
    const risk::Scoring &s = m_workbench->scoring();
    QSignalBlocker block(m_vendor);
    m_vendor->clear();
    for (const std::string &v : s.matrix("").vendors)
        m_vendor->addItem(QString::fromStdString(v));
    // Default to the vendor that rates the most findings.
    const QString best = QString::fromStdString(s.busiestVendor());
    m_vendor->setCurrentText(m_vendor->findText(previous) >= 0 ? previous : best);
    block.unblock();
    refresh();
}

void MatrixPage::refresh()
{
    if (!m_workbench->isOpen())
        return;
    const std::string vendor = m_vendor->currentText().toStdString();
    const risk::SeverityMatrix m = m_workbench->scoring().matrix(vendor);
    const bool findings = m_count->currentIndex() == 1;
    const auto &grid = findings ? m.findings : m.distinctVulnerabilities;
    std::vector<std::vector<double>> values(5, std::vector<double>(5));
    QStringList labels;
    for (int i = 0; i < 5; ++i)
        labels << severityColumnLabel(i);
    int agree = 0, vendorLower = 0, vendorHigher = 0, unrated = 0, total = 0;
    for (int r = 0; r < 5; ++r)
        for (int c = 0; c < 5; ++c) {
            const int n = grid[std::size_t(r)][std::size_t(c)];
            values[std::size_t(r)][std::size_t(c)] = n;
            total += n;
            if (c == 4 || r == 4)
                unrated += n;
            else if (r == c)
                agree += n;
            else if (c > r) // columns run critical → low: further right is lower
                vendorLower += n;
            else
                vendorHigher += n;
        }
    m_chart->setHeatmap(labels, labels, values, tr("NVD (CVSS)"), QString::fromStdString(vendor));
    const int both = agree + vendorLower + vendorHigher;
    const auto pct = [&](int n) {
        return both ? QString::number(100.0 * n / both, 'f', 0) : QStringLiteral("0");
    };
    const QString unit = findings ? tr("findings") : tr("vulnerabilities");
    m_summary->setText(
        vendor.empty()
            ? tr("No vendor ratings in this workspace.")
            : tr("Of %1 %2 rated by both NVD and %3: <b>%4% agree</b>, %5% rated lower by %3, "
                 "%6% rated higher by %3. %7 %2 lack a rating from one of them.")
                  .arg(QLocale().toString(both),
                       unit,
                       m_vendor->currentText().toHtmlEscaped(),
                       pct(agree),
                       pct(vendorLower),
                       pct(vendorHigher),
                       QLocale().toString(unrated)));
    (void)total;
}

void MatrixPage::cellClicked(int row, int column)
{
    if (!m_workbench->isOpen())
        return;
    const std::string vendor = m_vendor->currentText().toStdString();
    const auto found = m_workbench->scoring().matrixFindings(vendor, row, column);
    Q_EMIT showFindings(
        found,
        tr("NVD %1 × %2 %3")
            .arg(severityColumnLabel(row), m_vendor->currentText(), severityColumnLabel(column)));
}

} // namespace patchwise::ui
