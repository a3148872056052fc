// SPDX-License-Identifier: GPL-3.0-or-later
#include "veximportdialog.h"

#include "decisioncontroller.h"
#include "icons.h"
#include "risk/facts.h"
#include "workbench.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace patchwise::ui {

namespace {

enum Column
{
    VulnerabilityColumn,
    StateColumn,
    ProductColumn,
    MatchesColumn,
    ColumnCount
};

constexpr int kListedFindings = 100;

QString text(const std::string &s)
{
    return QString::fromStdString(s);
}

// Tooltips are rich text when they look like it: scan-file text goes in escaped.
QString plainTip(const QString &s)
{
    return QStringLiteral("<p style='white-space:pre-wrap'>") + s.toHtmlEscaped() +
           QStringLiteral("</p>");
}

QString stateLabel(model::TriageState state)
{
    return QString::fromLatin1(model::triageStateName(state)).replace(u'-', u' ');
}

} // namespace

VexImportDialog::VexImportDialog(const Workbench *workbench, QWidget *parent)
    : QDialog(parent)
    , m_workbench(workbench)
    , m_summary(new QLabel(this))
    , m_tree(new QTreeWidget(this))
    , m_onlyUnmatched(new QCheckBox(tr("Show only statements that match nothing"), this))
    , m_recordUnmatched(
          new QCheckBox(tr("Also record statements that match no finding now (they apply to "
                           "later scans)"),
                        this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("vexImportDialog"));
    setWindowTitle(tr("Import VEX"));
    m_summary->setObjectName(QStringLiteral("vexSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_tree->setObjectName(QStringLiteral("vexStatements"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels(
        {tr("Vulnerability"), tr("Decision"), tr("Product"), tr("Matches now")});
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(true);
    m_onlyUnmatched->setObjectName(QStringLiteral("vexOnlyUnmatched"));
    m_recordUnmatched->setObjectName(QStringLiteral("vexRecordUnmatched"));
    m_recordUnmatched->setChecked(true);
    m_buttons->button(QDialogButtonBox::Ok)->setIcon(themedIcon(Icon::Apply));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_onlyUnmatched);
    layout->addWidget(m_recordUnmatched);
    layout->addWidget(m_buttons);
    resize(980, 620);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_onlyUnmatched, &QCheckBox::toggled, this, [this](bool only) {
        for (const Row &row : m_rows)
            row.item->setHidden(only && !row.match.findings.empty());
    });
    connect(m_recordUnmatched, &QCheckBox::toggled, this, &VexImportDialog::updateSummary);
    connect(m_tree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *, int column) {
        if (column == VulnerabilityColumn)
            updateSummary();
    });
}

bool VexImportDialog::load(const QStringList &paths)
{
    m_documents.clear();
    m_rows.clear();
    m_error.clear();
    for (const QString &path : paths) {
        auto doc = ingest::readVexFile(path.toStdString());
        if (!doc) {
            m_error = text(doc.error());
            m_documents.clear();
            return false;
        }
        m_documents.push_back(std::move(*doc));
    }
    if (m_workbench && m_workbench->isOpen()) {
        const std::string owner = DecisionController::userName().toStdString();
        for (std::size_t d = 0; d < m_documents.size(); ++d) {
            const std::string name = QFileInfo(text(m_documents[d].path)).fileName().toStdString();
            for (store::VexMatch &match : store::matchVex(m_documents[d],
                                                          m_workbench->facts(),
                                                          m_workbench->imageLayers(),
                                                          {owner, name}))
                m_rows.push_back({d, std::move(match), nullptr});
        }
    }
    populate();
    return true;
}

void VexImportDialog::populate()
{
    const QSignalBlocker block(m_tree);
    m_tree->clear();
    const risk::Facts *facts =
        m_workbench && m_workbench->isOpen() ? &m_workbench->facts() : nullptr;
    const QColor warning = palette().color(QPalette::Disabled, QPalette::WindowText);
    for (Row &row : m_rows) {
        const ingest::VexDocument &doc = m_documents[row.document];
        const ingest::VexStatement &st = doc.statements[row.match.statement];
        auto *item = new QTreeWidgetItem(m_tree);
        row.item = item;
        item->setText(VulnerabilityColumn, text(st.vulnerability));
        item->setText(StateColumn,
                      QStringLiteral("%1 → %2").arg(text(st.status), stateLabel(st.state)));
        QStringList products;
        for (const ingest::VexProduct &p : st.products) {
            QString product = text(p.id);
            if (!p.subcomponents.empty()) {
                QStringList subs;
                for (const std::string &s : p.subcomponents)
                    subs << text(s);
                product += QStringLiteral(" ▸ ") + subs.join(QStringLiteral(", "));
            }
            products << product;
        }
        item->setText(ProductColumn, products.join(QStringLiteral("; ")));
        item->setToolTip(ProductColumn, plainTip(products.join(u'\n')));
        item->setToolTip(
            VulnerabilityColumn,
            plainTip(tr("%1, %2").arg(QFileInfo(text(doc.path)).fileName(), text(st.where))));
        const std::size_t found = row.match.findings.size();
        item->setText(MatchesColumn,
                      found == 0   ? tr("nothing now")
                      : found == 1 ? tr("1 finding")
                                   : tr("%1 findings").arg(found));
        if (found == 0)
            item->setIcon(MatchesColumn, themedIcon(Icon::About));
        if (row.match.decisions.empty()) {
            // Nothing it could record (no product Patchwise can identify).
            item->setFlags(item->flags() & ~Qt::ItemIsUserCheckable);
            item->setData(VulnerabilityColumn, Qt::CheckStateRole, QVariant());
            item->setForeground(MatchesColumn, warning);
            item->setText(MatchesColumn, tr("cannot be recorded"));
        } else {
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(VulnerabilityColumn, Qt::Checked);
        }
        for (const std::string &problem : row.match.problems) {
            auto *child = new QTreeWidgetItem(item);
            child->setFirstColumnSpanned(true);
            child->setText(VulnerabilityColumn, text(problem));
            child->setToolTip(VulnerabilityColumn, plainTip(text(problem)));
            child->setIcon(VulnerabilityColumn, themedIcon(Icon::About));
        }
        if (facts) {
            int listed = 0;
            for (std::uint32_t f : row.match.findings) {
                if (listed++ == kListedFindings) {
                    auto *more = new QTreeWidgetItem(item);
                    more->setFirstColumnSpanned(true);
                    more->setText(VulnerabilityColumn,
                                  tr("… and %1 more").arg(found - kListedFindings));
                    break;
                }
                auto *child = new QTreeWidgetItem(item);
                child->setFirstColumnSpanned(true);
                child->setText(VulnerabilityColumn,
                               tr("%1 — %2 %3 (%4)")
                                   .arg(text(facts->images[facts->image[f]].name),
                                        text(facts->strings[facts->package[f]]),
                                        text(facts->strings[facts->version[f]]),
                                        text(facts->vulns[facts->vuln[f]].id)));
                child->setData(VulnerabilityColumn, Qt::UserRole, f);
            }
        }
    }
    for (int c = 0; c < MatchesColumn; ++c)
        m_tree->resizeColumnToContents(c);
    m_tree->setColumnWidth(ProductColumn, std::min(m_tree->columnWidth(ProductColumn), 420));
    updateSummary();
}

int VexImportDialog::unmatchedCount() const
{
    int n = 0;
    for (const Row &row : m_rows)
        n += row.match.findings.empty() ? 1 : 0;
    return n;
}

std::vector<store::Decision> VexImportDialog::decisions() const
{
    std::vector<store::Decision> out;
    const bool unmatched = m_recordUnmatched->isChecked();
    for (const Row &row : m_rows) {
        if (!row.item || row.item->checkState(VulnerabilityColumn) != Qt::Checked)
            continue;
        if (!unmatched && row.match.findings.empty())
            continue;
        out.insert(out.end(), row.match.decisions.begin(), row.match.decisions.end());
    }
    return out;
}

void VexImportDialog::updateSummary()
{
    std::size_t findings = 0;
    for (const Row &row : m_rows)
        findings += row.match.findings.size();
    const int unmatched = unmatchedCount();
    QStringList names;
    for (const ingest::VexDocument &doc : m_documents)
        names << QFileInfo(text(doc.path)).fileName();
    m_summary->setText(
        tr("%1: %2 statements. %3 match %4 findings now; %5 match nothing (unfold a row to see "
           "why).")
            .arg(names.join(QStringLiteral(", ")))
            .arg(m_rows.size())
            .arg(int(m_rows.size()) - unmatched)
            .arg(findings)
            .arg(unmatched));
    const std::size_t n = decisions().size();
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(n == 1 ? tr("Record 1 decision") : tr("Record %1 decisions").arg(n));
    ok->setEnabled(n > 0);
}

} // namespace patchwise::ui
