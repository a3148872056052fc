// SPDX-License-Identifier: GPL-3.0-or-later
#include "triagepage.h"

#include "advisorysource.h"
#include "findingdetails.h"
#include "icons.h"
#include "model/triage.h"
#include "risk/fields.h"
#include "risk/filter.h"
#include "triagemodel.h"
#include "workbench.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCompleter>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStringListModel>
#include <QTableView>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>
#include <unordered_map>

namespace patchwise::ui {

namespace {

struct QuickFilter
{
    const char *label;
    const char *expression;
    const char *tip;
    Icon icon;
};

constexpr QuickFilter kQuick[] = {
    {QT_TRANSLATE_NOOP("TriagePage", "Fixable"),
     "fixable",
     "a fixed version exists",
     Icon::Fixable},
    {QT_TRANSLATE_NOOP("TriagePage", "KEV"),
     "kev",
     "in CISA's Known Exploited Vulnerabilities",
     Icon::Exploited},
    {QT_TRANSLATE_NOOP("TriagePage", "Internet-exposed"),
     "exposed",
     "a running container is reachable from the internet",
     Icon::Exposed},
    {QT_TRANSLATE_NOOP("TriagePage", "Base-image fixes"),
     "basefix",
     "updating the base image fixes it",
     Icon::BaseFix},
    {QT_TRANSLATE_NOOP("TriagePage", "SLA breached"),
     "breached",
     "past its SLA due date",
     Icon::SlaBreached},
};

// The text to filter on for a cell: the field and the value, quoted for the filter language.
QString cellFilter(int column, const QString &value)
{
    const auto quoted = [](QString v) {
        v.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
        return QStringLiteral("\"%1\"").arg(v);
    };
    switch (column) {
    case TriageModel::Severity:
        return QStringLiteral("severity = ") + value.toLower();
    case TriageModel::Vulnerability:
        return QStringLiteral("vuln = ") + quoted(value);
    case TriageModel::Package:
        return QStringLiteral("package = ") + quoted(value);
    case TriageModel::Image:
        return QStringLiteral("image = ") + quoted(value);
    case TriageModel::Ssvc:
        return QStringLiteral("decision = ") + value.toLower();
    case TriageModel::Kev:
        return value.isEmpty() ? QStringLiteral("not kev") : QStringLiteral("kev");
    default:
        break;
    }
    return {};
}

} // namespace

TriagePage::TriagePage(Workbench *workbench, QWidget *parent)
    : QWidget(parent)
    , m_workbench(workbench)
    , m_model(new TriageModel(workbench, this))
{
    // Filter bar.
    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(themedIcon(Icon::Search), QLineEdit::LeadingPosition);
    m_filter->setPlaceholderText(
        tr("Filter (Ctrl+F) — e.g. severity >= high and kev and not fixable, image ~ \"nginx\""));
    QStringList words{QStringLiteral("and"), QStringLiteral("or"), QStringLiteral("not")};
    for (const risk::FieldInfo &info : risk::fieldInfos())
        words << QString::fromUtf8(info.name.data(), qsizetype(info.name.size()));
    auto *completer = new QCompleter(words, m_filter);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setCompletionMode(QCompleter::InlineCompletion);
    m_filter->setCompleter(completer);
    m_filterError = new QLabel;
    m_filterError->setObjectName(QStringLiteral("filterError"));
    m_filterError->setStyleSheet(QStringLiteral("color:#c62828"));
    m_filterError->hide();

    auto *quickBar = new QHBoxLayout;
    quickBar->setSpacing(4);
    for (const QuickFilter &q : kQuick) {
        auto *b = new QToolButton;
        b->setText(tr(q.label));
        b->setIcon(themedIcon(q.icon));
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        b->setToolTip(tr(q.tip) + QStringLiteral(" (") + QLatin1String(q.expression) + u')');
        b->setCheckable(true);
        b->setAutoRaise(true);
        b->setObjectName(QStringLiteral("quick_") + QLatin1String(q.expression));
        connect(b, &QToolButton::toggled, this, &TriagePage::applyFilter);
        quickBar->addWidget(b);
        m_quick.push_back(b);
    }
    auto *closed = m_closed = new QToolButton;
    closed->setText(tr("Show resolved"));
    closed->setIcon(themedIcon(Icon::Resolved));
    closed->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    closed->setCheckable(true);
    closed->setAutoRaise(true);
    closed->setObjectName(QStringLiteral("showClosed"));
    closed->setToolTip(tr("List resolved findings and those a decision took out of the ranking "
                          "too"));
    connect(closed, &QToolButton::toggled, m_model, &TriageModel::setShowClosed);
    quickBar->addWidget(closed);

    // Saved views: a filter, the quick filters, the sort and the column layout, by name.
    m_views = new QToolButton;
    m_views->setObjectName(QStringLiteral("viewsButton"));
    m_views->setText(tr("Views"));
    m_views->setIcon(themedIcon(Icon::Bookmark));
    m_views->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_views->setAutoRaise(true);
    m_views->setPopupMode(QToolButton::InstantPopup);
    m_views->setToolTip(tr("Saved views: filter, quick filters, sort and columns"));
    auto *viewsMenu = new QMenu(m_views);
    m_views->setMenu(viewsMenu);
    connect(viewsMenu, &QMenu::aboutToShow, this, [this, viewsMenu] {
        viewsMenu->clear();
        viewsMenu->addAction(
            themedIcon(Icon::BookmarkAdd), tr("Save the current view…"), this, [this] {
                bool ok = false;
                const QString name =
                    QInputDialog::getText(
                        this, tr("Save view"), tr("View name:"), QLineEdit::Normal, QString(), &ok)
                        .trimmed();
                if (ok && !name.isEmpty())
                    saveView(name);
            });
        const QStringList names = savedViews();
        if (!names.isEmpty())
            viewsMenu->addSeparator();
        for (const QString &name : names)
            viewsMenu->addAction(
                themedIcon(Icon::Bookmark), name, this, [this, name] { applyView(name); });
        if (!names.isEmpty()) {
            QMenu *remove = viewsMenu->addMenu(themedIcon(Icon::Delete), tr("Delete"));
            for (const QString &name : names)
                remove->addAction(name, this, [name] {
                    QSettings settings;
                    QStringList all = settings.value(QStringLiteral("views/names")).toStringList();
                    all.removeAll(name);
                    settings.setValue(QStringLiteral("views/names"), all);
                    settings.remove(QStringLiteral("views/") +
                                    QString::fromLatin1(name.toUtf8().toHex()));
                });
        }
    });
    quickBar->addWidget(m_views);
    auto *columns = new QToolButton;
    columns->setObjectName(QStringLiteral("columnsButton"));
    columns->setText(tr("Columns"));
    columns->setIcon(themedIcon(Icon::Columns));
    columns->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    columns->setAutoRaise(true);
    columns->setPopupMode(QToolButton::InstantPopup);
    columns->setToolTip(tr("Show or hide columns (also on the table header's context menu)"));
    auto *columnsMenu = new QMenu(columns);
    columns->setMenu(columnsMenu);
    connect(columnsMenu, &QMenu::aboutToShow, this, [this, columnsMenu] {
        columnsMenu->clear();
        fillColumnsMenu(columnsMenu);
    });
    quickBar->addWidget(columns);

    m_chip = new QWidget;
    auto *chipLayout = new QHBoxLayout(m_chip);
    chipLayout->setContentsMargins(6, 0, 0, 0);
    m_chipLabel = new QLabel;
    m_chipLabel->setObjectName(QStringLiteral("restrictionLabel"));
    m_chipLabel->setStyleSheet(
        QStringLiteral("QLabel{background:palette(highlight);color:palette(highlighted-text);"
                       "border-radius:8px;padding:1px 8px}"));
    auto *chipClose = new QToolButton;
    chipClose->setText(QStringLiteral("✕"));
    chipClose->setIcon(themedIcon(Icon::Close));
    chipClose->setAutoRaise(true);
    chipClose->setToolTip(tr("Show all findings again"));
    connect(chipClose, &QToolButton::clicked, m_model, &TriageModel::clearRestriction);
    chipLayout->addWidget(m_chipLabel);
    chipLayout->addWidget(chipClose);
    m_chip->hide();
    quickBar->addWidget(m_chip);
    quickBar->addStretch();
    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("countLabel"));
    quickBar->addWidget(m_count);

    // Table.
    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("triageView"));
    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSortIndicator(TriageModel::Rank, Qt::AscendingOrder);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    const int widths[TriageModel::ColumnCount] = {
        55, 45, 50, 70, 45, 120, 140, 150, 190, 230, 90, 50, 60, 60, 120, 80, 85, 65, 150};
    for (int c = 0; c < TriageModel::ColumnCount; ++c)
        m_view->setColumnWidth(c, widths[c]);
    connect(m_view->horizontalHeader(),
            &QWidget::customContextMenuRequested,
            this,
            &TriagePage::showHeaderMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &TriagePage::showContextMenu);
    connect(m_view->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &TriagePage::showDetails);
    connect(m_view->selectionModel(),
            &QItemSelectionModel::selectionChanged,
            this,
            &TriagePage::findingSelectionChanged);

    m_details = new QTextBrowser;
    m_details->setObjectName(QStringLiteral("details"));
    // Every click comes to detailsLinkClicked(), which opens web links only.
    m_details->setOpenLinks(false);
    m_details->setPlaceholderText(tr("Select a finding to see why it ranks where it does."));
    connect(m_details, &QTextBrowser::anchorClicked, this, &TriagePage::detailsLinkClicked);
    m_advisories = new AdvisorySource(m_workbench, this);
    m_advisories->setObjectName(QStringLiteral("advisories"));
    // A busy or briefly unreadable workspace: try the advisory again, a few times.
    m_advisoryRetry = new QTimer(this);
    m_advisoryRetry->setSingleShot(true);
    m_advisoryRetry->setInterval(1000);
    connect(m_advisoryRetry, &QTimer::timeout, this, &TriagePage::showDetails);
    connect(m_workbench, &Workbench::loadingStarted, this, [this] {
        m_detailsFinding = -1;
        keepSelection();
    });

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("triageSplitter"));
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({900, 380});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_filterError);
    layout->addLayout(quickBar);
    layout->addWidget(splitter, 1);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &TriagePage::applyFilter);
    connect(m_filter, &QLineEdit::textEdited, m_debounce, qOverload<>(&QTimer::start));
    connect(m_filter, &QLineEdit::returnPressed, this, &TriagePage::applyFilter);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            applyFilter(); // the clear button
    });
    connect(m_model, &TriageModel::rowsRebuilt, this, &TriagePage::updateCount);
    connect(m_model, &TriageModel::rowsRebuilt, this, [this] {
        if (m_kept.pending && !m_workbench->isLoading())
            restoreSelection();
        Q_EMIT findingSelectionChanged();
    });
    // A refilter or a rescore resets the model: keep the selected finding selected (and its
    // details current), wherever it moved.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        m_selected = current.isValid() ? qint64(m_model->findingAt(current.row())) : -1;
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        const int row = m_selected >= 0 ? m_model->rowOf(std::uint32_t(m_selected)) : -1;
        if (row >= 0) {
            // The reset left no current index, so this emits currentRowChanged, which
            // renders the details once.
            m_view->setCurrentIndex(m_model->index(row, 0));
            m_view->scrollTo(m_model->index(row, 0));
        } else {
            showDetails();
        }
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        const QString label = m_model->restrictionLabel();
        m_chipLabel->setText(label);
        m_chip->setVisible(!label.isEmpty());
    });
}

QStringList TriagePage::savedViews()
{
    return QSettings().value(QStringLiteral("views/names")).toStringList();
}

void TriagePage::saveView(const QString &name)
{
    QVariantMap view;
    view[QStringLiteral("filter")] = m_filter->text();
    QStringList quick;
    for (std::size_t i = 0; i < m_quick.size(); ++i)
        if (m_quick[i]->isChecked())
            quick << QLatin1String(kQuick[i].expression);
    view[QStringLiteral("quick")] = quick;
    view[QStringLiteral("sortColumn")] = m_model->sortColumn();
    view[QStringLiteral("sortOrder")] = int(m_model->sortOrder());
    view[QStringLiteral("header")] = m_view->horizontalHeader()->saveState();
    QSettings settings;
    QStringList names = settings.value(QStringLiteral("views/names")).toStringList();
    if (!names.contains(name))
        names << name;
    settings.setValue(QStringLiteral("views/names"), names);
    settings.setValue(QStringLiteral("views/") + QString::fromLatin1(name.toUtf8().toHex()), view);
    Q_EMIT statusMessage(tr("View \"%1\" saved").arg(name));
}

bool TriagePage::applyView(const QString &name)
{
    const QVariantMap view =
        QSettings()
            .value(QStringLiteral("views/") + QString::fromLatin1(name.toUtf8().toHex()))
            .toMap();
    if (view.isEmpty())
        return false;
    const QStringList quick = view.value(QStringLiteral("quick")).toStringList();
    for (std::size_t i = 0; i < m_quick.size(); ++i) {
        QSignalBlocker block(m_quick[i]);
        m_quick[i]->setChecked(quick.contains(QLatin1String(kQuick[i].expression)));
    }
    m_view->horizontalHeader()->restoreState(view.value(QStringLiteral("header")).toByteArray());
    m_view->sortByColumn(view.value(QStringLiteral("sortColumn")).toInt(),
                         Qt::SortOrder(view.value(QStringLiteral("sortOrder")).toInt()));
    setFilterText(view.value(QStringLiteral("filter")).toString());
    return true;
}

QString TriagePage::combinedFilter() const
{
    QStringList quick;
    for (std::size_t i = 0; i < m_quick.size(); ++i)
        if (m_quick[i]->isChecked())
            quick << QLatin1String(kQuick[i].expression);
    // The typed text in parentheses only when quick filters join it (exports quote it).
    const QString typed = m_filter->text().trimmed();
    QStringList parts;
    if (!typed.isEmpty())
        parts << (quick.isEmpty() ? typed : QStringLiteral("(") + typed + u')');
    return (parts + quick).join(QStringLiteral(" and "));
}

void TriagePage::applyFilter()
{
    m_debounce->stop();
    // Errors point into what the analyst typed, so that text is checked on its own.
    const auto typed = risk::Filter::parse(m_filter->text().trimmed().toStdString());
    const auto error = typed ? m_model->setFilterText(combinedFilter())
                             : std::optional<QString>(QString::fromStdString(typed.error()));
    if (error) {
        m_filterError->setText(tr("Filter not applied: %1").arg(*error));
        m_filterError->show();
        m_filter->setStyleSheet(QStringLiteral("QLineEdit{border:1px solid #c62828}"));
        return;
    }
    m_filterError->hide();
    m_filter->setStyleSheet(QString());
}

void TriagePage::setFilterText(const QString &text)
{
    m_filter->setText(text);
    applyFilter();
}

void TriagePage::restrictTo(const std::vector<std::uint32_t> &findings,
                            const QString &label,
                            bool includeClosed)
{
    if (includeClosed)
        setShowClosed(true);
    m_model->setRestriction(findings, label);
}

void TriagePage::setShowClosed(bool show)
{
    m_closed->setChecked(show);
}

std::vector<std::uint32_t> TriagePage::selectedFindings() const
{
    std::vector<std::uint32_t> out;
    if (!m_workbench->isOpen())
        return out;
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty() && m_view->currentIndex().isValid())
        rows << m_view->currentIndex();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) {
        return a.row() < b.row();
    });
    for (const QModelIndex &r : rows)
        if (r.row() < m_model->rowCount())
            out.push_back(m_model->findingAt(r.row()));
    return out;
}

void TriagePage::keepSelection()
{
    m_kept = Kept();
    if (!m_workbench->isOpen() || m_model->rowCount() == 0)
        return;
    const risk::Facts &facts = m_workbench->facts();
    m_kept.pending = true;
    m_kept.path = m_workbench->path();
    for (const QModelIndex &r : m_view->selectionModel()->selectedRows())
        m_kept.selected.push_back(facts.findingId[m_model->findingAt(r.row())]);
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid()) {
        m_kept.current = facts.findingId[m_model->findingAt(current.row())];
        m_kept.currentRow = current.row();
    }
    m_kept.scroll = m_view->verticalScrollBar()->value();
}

void TriagePage::restoreSelection()
{
    const Kept kept = std::move(m_kept);
    m_kept = Kept();
    if (kept.path != m_workbench->path() || m_model->rowCount() == 0)
        return; // another workspace
    const risk::Facts &facts = m_workbench->facts();
    // The rows of the kept finding ids in the reloaded table.
    std::vector<int> rowOf(facts.size(), -1);
    for (int r = 0; r < m_model->rowCount(); ++r)
        rowOf[m_model->findingAt(r)] = r;
    std::unordered_map<std::int64_t, int> rowOfId;
    for (std::int64_t id : kept.selected)
        rowOfId.emplace(id, -1);
    rowOfId.emplace(kept.current, -1);
    for (std::size_t f = 0; f < facts.size(); ++f)
        if (const auto it = rowOfId.find(facts.findingId[f]); it != rowOfId.end())
            it->second = rowOf[f];
    QItemSelection selection;
    for (std::int64_t id : kept.selected)
        if (const int r = rowOfId[id]; r >= 0)
            selection.select(m_model->index(r, 0), m_model->index(r, TriageModel::ColumnCount - 1));
    int current = kept.current >= 0 ? rowOfId[kept.current] : -1;
    QItemSelectionModel *model = m_view->selectionModel();
    if (current < 0 && selection.isEmpty() && kept.currentRow >= 0) {
        // The decided rows left the table: go on with the row that took their place.
        current = std::min(kept.currentRow, m_model->rowCount() - 1);
        selection.select(m_model->index(current, 0),
                         m_model->index(current, TriageModel::ColumnCount - 1));
    }
    m_view->verticalScrollBar()->setValue(kept.scroll);
    if (current >= 0)
        model->setCurrentIndex(m_model->index(current, 0), QItemSelectionModel::NoUpdate);
    model->select(selection, QItemSelectionModel::ClearAndSelect);
    if (current >= 0) {
        // Stay where the analyst was; move only when the current row is out of sight.
        const QRect visible = m_view->viewport()->rect();
        if (!visible.intersects(m_view->visualRect(m_model->index(current, 0))))
            m_view->scrollTo(m_model->index(current, 0));
    }
}

void TriagePage::focusFilter()
{
    m_filter->setFocus();
    m_filter->selectAll();
}

void TriagePage::updateCount(int shown, int total)
{
    m_count->setText(
        tr("%1 of %2 findings").arg(QLocale().toString(shown), QLocale().toString(total)));
}

void TriagePage::showDetails()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || !m_workbench->isOpen()) {
        m_detailsFinding = -1;
        m_details->clear();
        return;
    }
    const std::uint32_t f = m_model->findingAt(current.row());
    if (qint64(f) != m_detailsFinding) {
        m_detailsFinding = qint64(f);
        m_fullDescription = m_allReferences = false;
        m_advisoryRetries = 0;
        m_advisoryRetry->stop();
    }
    const risk::Facts &facts = m_workbench->facts();
    const AdvisorySource::Lookup lookup = m_advisories->lookup(facts.vulns[facts.vuln[f]].id);
    if (!lookup.error.isEmpty() && m_advisoryRetries < 3) {
        ++m_advisoryRetries;
        m_advisoryRetry->start();
    }
    AdvisoryDisplay display;
    display.advisory = lookup.advisory.get();
    display.unavailable = lookup.error;
    display.fullDescription = m_fullDescription;
    display.allReferences = m_allReferences;
    m_details->document()->setDefaultStyleSheet(detailsStyleSheet(m_details->palette()));
    m_details->setHtml(findingDetailsHtml(*m_workbench, f, display));
}

void TriagePage::detailsLinkClicked(const QUrl &url)
{
    const QString href = url.toString();
    if (href == QLatin1String(kReferencesJumpLink)) {
        m_details->scrollToAnchor(QLatin1String(kReferencesAnchor));
        return;
    }
    const bool description = href == QLatin1String(kDescriptionToggleLink);
    if (description || href == QLatin1String(kReferencesToggleLink)) {
        bool &more = description ? m_fullDescription : m_allReferences;
        more = !more;
        // Showing more or less keeps the pane where the analyst was reading.
        const int scrolled = m_details->verticalScrollBar()->value();
        showDetails();
        m_details->verticalScrollBar()->setValue(scrolled);
        return;
    }
    // The pane only ever links to the web; anything else is not opened, whatever it says.
    if (!webLink(href).isEmpty())
        QDesktopServices::openUrl(url);
}

void TriagePage::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid())
        return;
    QMenu menu(this);
    for (QAction *a : std::as_const(m_rowActions))
        menu.addAction(a);
    if (!m_rowActions.isEmpty())
        menu.addSeparator();
    const QString value = index.data().toString();
    QString expression = cellFilter(index.column(), value);
    if (index.column() == TriageModel::Triage && m_workbench->isOpen()) {
        // The filter language spells states as the CLI does ("risk-accepted").
        const risk::Facts &facts = m_workbench->facts();
        const std::uint32_t f = m_model->findingAt(index.row());
        const int state = f < facts.triage.size() ? facts.triage[f] & 0x7f : 0;
        expression = QStringLiteral("triage = ") +
                     QString::fromStdString(std::string(model::triageStateName(
                         model::TriageState(std::min(state, model::TriageStateCount - 1)))));
    }
    QAction *filterBy = menu.addAction(themedIcon(Icon::Filter), tr("Filter by this value"));
    filterBy->setEnabled(!expression.isEmpty());
    QAction *copy = menu.addAction(themedIcon(Icon::Copy), tr("Copy selected rows"));
    copy->setShortcut(QKeySequence::Copy);
    QAction *advisory = menu.addAction(themedIcon(Icon::ExternalLink), tr("Open the advisory"));
    QAction *chosen = menu.exec(m_view->viewport()->mapToGlobal(pos));
    if (chosen == filterBy) {
        const QString typed = m_filter->text().trimmed();
        setFilterText(typed.isEmpty() ? expression : typed + QStringLiteral(" and ") + expression);
    } else if (chosen == copy) {
        QStringList lines;
        QStringList header;
        for (int c = 0; c < TriageModel::ColumnCount; ++c)
            if (!m_view->isColumnHidden(c))
                header << TriageModel::columnName(c);
        lines << header.join(u'\t');
        for (const QModelIndex &r : m_view->selectionModel()->selectedRows()) {
            QStringList cells;
            for (int c = 0; c < TriageModel::ColumnCount; ++c)
                if (!m_view->isColumnHidden(c))
                    cells << m_model->index(r.row(), c).data().toString();
            lines << cells.join(u'\t');
        }
        QApplication::clipboard()->setText(lines.join(u'\n'));
        Q_EMIT statusMessage(
            (lines.size() == 2 ? tr("Copied 1 row") : tr("Copied %1 rows").arg(lines.size() - 1)));
    } else if (chosen == advisory) {
        const QString id =
            m_model->index(index.row(), TriageModel::Vulnerability).data().toString();
        QDesktopServices::openUrl(QUrl(advisoryUrl(id)));
    }
}

void TriagePage::showHeaderMenu(const QPoint &pos)
{
    QMenu menu(this);
    fillColumnsMenu(&menu);
    menu.exec(m_view->horizontalHeader()->mapToGlobal(pos));
}

void TriagePage::fillColumnsMenu(QMenu *menu)
{
    for (int c = 0; c < TriageModel::ColumnCount; ++c) {
        QAction *a = menu->addAction(TriageModel::columnName(c));
        a->setCheckable(true);
        a->setChecked(!m_view->isColumnHidden(c));
        a->setEnabled(c != TriageModel::Vulnerability);
        connect(
            a, &QAction::toggled, this, [this, c](bool on) { m_view->setColumnHidden(c, !on); });
    }
}

QByteArray TriagePage::saveState() const
{
    return m_view->horizontalHeader()->saveState();
}

void TriagePage::restoreState(const QByteArray &state)
{
    if (!state.isEmpty())
        m_view->horizontalHeader()->restoreState(state);
}

} // namespace patchwise::ui
