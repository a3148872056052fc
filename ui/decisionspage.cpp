// SPDX-License-Identifier: GPL-3.0-or-later
#include "decisionspage.h"

#include "decisioncontroller.h"
#include "decisionlabels.h"
#include "decisionsmodel.h"
#include "findingdetails.h"
#include "icons.h"
#include "workbench.h"

#include <QAction>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTextBrowser>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <unordered_set>

namespace patchwise::ui {

namespace {

// How many covered findings the details list before "and N more".
constexpr int kFindingsListed = 25;

QString esc(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size())).toHtmlEscaped();
}

QString day(std::int64_t t)
{
    return QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
}

QString when(std::int64_t t)
{
    return QDateTime::fromSecsSinceEpoch(t).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString row(const QString &label, const QString &valueHtml)
{
    return QStringLiteral("<tr><td style='padding-right:12px;color:gray'>%1</td>"
                          "<td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), valueHtml);
}

// Image names keep both ends: "registry.example/…/legacy-admin:2.9.0".
class MiddleElided : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideMiddle;
    }
};

QToolButton *toolButton(QAction *action)
{
    auto *b = new QToolButton;
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setAutoRaise(true);
    return b;
}

} // namespace

DecisionsPage::DecisionsPage(Workbench *workbench, DecisionController *controller, QWidget *parent)
    : QWidget(parent)
    , m_workbench(workbench)
    , m_controller(controller)
    , m_model(new DecisionsModel(workbench, this))
{
    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("decisionsFilter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(themedIcon(Icon::Search), QLineEdit::LeadingPosition);
    m_filter->setPlaceholderText(
        tr("Filter decisions — words from the vulnerability, package, image, reason, owner…"));
    connect(m_filter, &QLineEdit::textChanged, m_model, &DecisionsModel::setFilterText);

    m_show = new QAction(themedIcon(Icon::TriagePage), tr("Show in triage table"), this);
    m_show->setObjectName(QStringLiteral("showDecisionFindings"));
    m_show->setToolTip(tr("Narrow the triage table to the findings the selected decisions cover"));
    connect(m_show, &QAction::triggered, this, &DecisionsPage::showInTriage);
    m_remove = new QAction(themedIcon(Icon::Delete), tr("Remove decision"), this);
    m_remove->setObjectName(QStringLiteral("removeDecision"));
    m_remove->setShortcut(QKeySequence::Delete);
    m_remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_remove->setToolTip(
        tr("Remove the selected decisions (Delete; Edit ▸ Undo brings them back)"));
    connect(m_remove, &QAction::triggered, this, &DecisionsPage::removeSelected);

    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("decisionsCount"));
    auto *bar = new QHBoxLayout;
    bar->setSpacing(4);
    bar->addWidget(toolButton(m_show));
    bar->addWidget(toolButton(m_remove));
    bar->addStretch();
    bar->addWidget(m_count);

    m_empty = new QLabel(tr("No decisions yet. Select findings in the triage table and choose "
                            "Edit ▸ Decide… (Ctrl+D), or record them with "
                            "<code>patchwise-cli decide</code>."));
    m_empty->setObjectName(QStringLiteral("decisionsEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->hide();

    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("decisionsView"));
    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSortIndicator(DecisionsModel::Updated, Qt::DescendingOrder);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setItemDelegateForColumn(DecisionsModel::Target, new MiddleElided(m_view));
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->addAction(m_remove);
    const int widths[DecisionsModel::ColumnCount] = {
        150, 85, 80, 200, 130, 130, 150, 220, 80, 85, 120};
    for (int c = 0; c < DecisionsModel::ColumnCount; ++c)
        m_view->setColumnWidth(c, widths[c]);
    connect(m_view, &QWidget::customContextMenuRequested, this, &DecisionsPage::showContextMenu);
    connect(m_view, &QAbstractItemView::doubleClicked, this, &DecisionsPage::showInTriage);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        showDetails();
    });
    connect(m_view->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &DecisionsPage::showDetails);

    m_details = new QTextBrowser;
    m_details->setObjectName(QStringLiteral("decisionDetails"));
    m_details->setOpenLinks(false);
    m_details->setPlaceholderText(tr("Select a decision to see its history and its findings."));

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("decisionsSplitter"));
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({900, 380});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(m_filter);
    layout->addLayout(bar);
    layout->addWidget(m_empty);
    layout->addWidget(splitter, 1);

    // A reload (after an edit, an undo) or a new filter resets the model: the same decisions
    // stay selected, by what identifies them.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_selectedKeys.clear();
        m_currentKey.clear();
        for (const QModelIndex &r : m_view->selectionModel()->selectedRows())
            m_selectedKeys.push_back(decisionKey(m_model->decision(r.row())));
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            m_currentKey = decisionKey(m_model->decision(current.row()));
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        const std::unordered_set<std::string> keys(m_selectedKeys.begin(), m_selectedKeys.end());
        QItemSelection selection;
        QModelIndex current;
        for (int r = 0; r < m_model->rowCount(); ++r) {
            const std::string key = decisionKey(m_model->decision(r));
            if (keys.count(key))
                selection.select(m_model->index(r, 0),
                                 m_model->index(r, DecisionsModel::ColumnCount - 1));
            if (key == m_currentKey)
                current = m_model->index(r, 0);
        }
        if (current.isValid())
            m_view->selectionModel()->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
        m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
        if (current.isValid())
            m_view->scrollTo(current);
        updateActions();
        showDetails();
    });
    connect(m_model, &DecisionsModel::rowsRebuilt, this, &DecisionsPage::updateCount);
    connect(m_controller, &DecisionController::busyChanged, this, &DecisionsPage::updateActions);
    updateActions();
    updateCount(m_model->rowCount(), m_model->totalDecisions());
}

std::vector<int> DecisionsPage::selectedDecisions() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) {
        return a.row() < b.row();
    });
    std::vector<int> out;
    for (const QModelIndex &r : rows)
        out.push_back(m_model->decisionAt(r.row()));
    return out;
}

std::vector<std::uint32_t> DecisionsPage::coveredFindings(const std::vector<int> &decisions) const
{
    std::vector<std::uint32_t> out;
    if (!m_workbench->isOpen() || decisions.empty())
        return out;
    std::vector<bool> wanted(m_workbench->decisions().size(), false);
    for (int d : decisions)
        if (d >= 0 && std::size_t(d) < wanted.size())
            wanted[std::size_t(d)] = true;
    const std::size_t n = m_workbench->facts().size();
    for (std::size_t f = 0; f < n; ++f) {
        const int d = m_workbench->decisionOf(std::uint32_t(f));
        if (d >= 0 && wanted[std::size_t(d)])
            out.push_back(std::uint32_t(f));
    }
    return out;
}

void DecisionsPage::showInTriage()
{
    const std::vector<int> selected = selectedDecisions();
    if (selected.empty())
        return;
    const std::vector<std::uint32_t> findings = coveredFindings(selected);
    const risk::Scoring &scoring = m_workbench->scoring();
    const bool closed = std::any_of(
        findings.begin(), findings.end(), [&](std::uint32_t f) { return !scoring.isOpen(f); });
    QString label;
    if (selected.size() == 1) {
        const store::Decision &d = m_workbench->decisions()[std::size_t(selected.front())];
        label = tr("Decision: %1 in %2 (%3)")
                    .arg(QString::fromStdString(d.vulnerability),
                         QString::fromStdString(d.package),
                         m_model->targetLabel(d));
    } else {
        label = decisionsText(qint64(selected.size()));
    }
    Q_EMIT showFindings(findings, label, closed);
}

void DecisionsPage::removeSelected()
{
    const std::vector<int> selected = selectedDecisions();
    if (selected.empty() || m_controller->isBusy())
        return;
    std::vector<store::Decision> decisions;
    for (int d : selected)
        decisions.push_back(m_workbench->decisions()[std::size_t(d)]);
    QString text;
    if (decisions.size() == 1)
        text = tr("Remove the decision on %1 in %2")
                   .arg(QString::fromStdString(decisions.front().vulnerability),
                        QString::fromStdString(decisions.front().package));
    else
        text = tr("Remove %1").arg(decisionsText(qint64(decisions.size())));
    m_controller->remove(std::move(decisions), text);
}

void DecisionsPage::updateActions()
{
    const bool any = m_view->selectionModel()->hasSelection();
    m_show->setEnabled(any);
    m_remove->setEnabled(any && !m_controller->isBusy());
}

void DecisionsPage::updateCount(int shown, int total)
{
    m_count->setText(shown == total
                         ? decisionsText(total)
                         : tr("%1 of %2").arg(QLocale().toString(shown), decisionsText(total)));
    m_empty->setVisible(total == 0 && m_workbench->isOpen());
}

void DecisionsPage::showContextMenu(const QPoint &pos)
{
    if (!m_view->indexAt(pos).isValid())
        return;
    QMenu menu(this);
    menu.addAction(m_show);
    menu.addAction(m_remove);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void DecisionsPage::showDetails()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || !m_workbench->isOpen() ||
        !m_view->selectionModel()->isRowSelected(current.row(), {})) {
        m_details->clear();
        return;
    }
    const int index = m_model->decisionAt(current.row());
    const store::Decision &d = m_model->decision(current.row());
    const risk::Facts &facts = m_workbench->facts();
    const bool expired = isExpired(d, facts.now);

    QString html;
    html += QStringLiteral("<h3 style='margin-bottom:2px'>%1 <span style='font-weight:normal'>in "
                           "%2%3</span></h3>")
                .arg(esc(d.vulnerability),
                     esc(d.package),
                     d.version.empty() ? QString() : QStringLiteral(" ") + esc(d.version));
    QString state = triageStateLabel(d.state).toHtmlEscaped();
    if (expired)
        state = QStringLiteral("<span style='color:%1;font-weight:bold'>%2</span>")
                    .arg(expiredColor(m_details->palette()).name(),
                         tr("%1 — expired on %2; its findings are open again")
                             .arg(triageStateLabel(d.state), day(d.expires))
                             .toHtmlEscaped());
    else
        state = QStringLiteral("<b>%1</b>").arg(state);
    html += QStringLiteral("<table>");
    html += row(tr("State"), state);
    html +=
        row(tr("Scope"),
            QStringLiteral("%1 <b>%2</b>")
                    .arg(decisionScopeLabel(d.scope).toHtmlEscaped(),
                         m_model->targetLabel(d).toHtmlEscaped()) +
                (d.scope == model::DecisionScope::Digest && !d.scopeKey.empty()
                     ? QStringLiteral("<br/><small><code>%1</code></small>").arg(esc(d.scopeKey))
                     : QString()));
    if (!d.version.empty())
        html += row(tr("Version"),
                    tr("only %1").arg(QString::fromStdString(d.version)).toHtmlEscaped());
    html += row(tr("Reason"), esc(d.reason));
    if (!d.justification.empty())
        html += row(tr("Justification"), esc(d.justification));
    if (!d.note.empty())
        html += row(tr("Note"), esc(d.note));
    html += row(tr("Owner"), d.owner.empty() ? QStringLiteral("—") : esc(d.owner));
    if (d.expires > 0)
        html += row(tr("Expires"), day(d.expires));
    html += row(tr("Created"), when(d.createdAt));
    html += row(tr("Updated"), when(d.updatedAt));
    html += QStringLiteral("</table>");

    // History, newest first.
    std::vector<const store::DecisionChange *> changes;
    for (const store::DecisionChange &c : m_workbench->decisionHistory())
        if (c.decisionId == d.id)
            changes.push_back(&c);
    html += QStringLiteral("<h4>%1</h4>").arg(tr("History").toHtmlEscaped());
    if (changes.empty()) {
        html += QStringLiteral("<p style='color:gray'>%1</p>").arg(tr("No changes recorded."));
    } else {
        // One paragraph per change: when and who, then before → after on the full width.
        for (auto it = changes.rbegin(); it != changes.rend(); ++it) {
            const store::DecisionChange &c = **it;
            html += QStringLiteral("<p style='margin-top:0;margin-bottom:6px'><span "
                                   "style='color:gray'>%1 · %2</span><br/>%3 → %4</p>")
                        .arg(when(c.at),
                             esc(c.who),
                             decisionSummaryLabel(c.before).toHtmlEscaped(),
                             decisionSummaryLabel(c.after).toHtmlEscaped());
        }
    }

    // The findings it covers now.
    const std::vector<std::uint32_t> covered = coveredFindings({index});
    html += QStringLiteral("<h4>%1</h4>")
                .arg(tr("Covers %1 now").arg(findingsText(qint64(covered.size()))).toHtmlEscaped());
    if (covered.empty()) {
        html += QStringLiteral("<p style='color:gray'>%1</p>")
                    .arg(tr("None: no finding in the workspace matches it now, or a narrower "
                            "decision decides them.")
                             .toHtmlEscaped());
    } else {
        html += QStringLiteral("<table cellspacing='0' cellpadding='1'>");
        const int listed = std::min<int>(int(covered.size()), kFindingsListed);
        for (int i = 0; i < listed; ++i) {
            const std::uint32_t f = covered[std::size_t(i)];
            html += QStringLiteral("<tr><td style='padding-right:8px'>%1 %2</td><td>%3</td></tr>")
                        .arg(esc(facts.strings[facts.package[f]]),
                             esc(facts.strings[facts.version[f]]),
                             esc(facts.images[facts.image[f]].name));
        }
        html += QStringLiteral("</table>");
        if (int(covered.size()) > listed)
            html += QStringLiteral("<p style='color:gray'>%1</p>")
                        .arg(tr("… and %1 more").arg(int(covered.size()) - listed));
    }
    m_details->document()->setDefaultStyleSheet(detailsStyleSheet(m_details->palette()));
    m_details->setHtml(html);
}

} // namespace patchwise::ui
