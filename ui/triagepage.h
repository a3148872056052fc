// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>
#include <cstdint>
#include <vector>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QTableView;
class QTextBrowser;
class QToolButton;
class QTimer;
class QUrl;

namespace patchwise::ui {

class AdvisorySource;
class TriageModel;
class Workbench;

// The main page: the filter bar (the CLI's filter language, with completion and inline
// errors), one-click quick filters, the triage table, and the selected finding's details.
class TriagePage : public QWidget
{
    Q_OBJECT

public:
    explicit TriagePage(Workbench *workbench, QWidget *parent = nullptr);

    TriageModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }

    // Applies `text` as the filter at once (as if typed and Enter pressed).
    void setFilterText(const QString &text);
    // Narrows the table to these findings (a matrix cell, a layer, a decision), shown as a
    // removable chip. `includeClosed` turns "Show resolved" on (a decision's findings are
    // closed when it took them out of the ranking).
    void restrictTo(const std::vector<std::uint32_t> &findings,
                    const QString &label,
                    bool includeClosed = false);
    void focusFilter();
    // "Show resolved": resolved and suppressed (decided-away) findings are listed too.
    void setShowClosed(bool show);

    // The selected findings (fact-table indices) in table order; the current one when no row
    // is selected.
    std::vector<std::uint32_t> selectedFindings() const;
    // Actions offered first on the table's context menu (Decide…).
    void setRowActions(const QList<QAction *> &actions) { m_rowActions = actions; }

    // Saved views (filter, quick filters, sort, columns), kept in the settings by name.
    void saveView(const QString &name);
    bool applyView(const QString &name); // false when there is no such view
    static QStringList savedViews();

    QByteArray saveState() const;
    void restoreState(const QByteArray &state);

Q_SIGNALS:
    void statusMessage(const QString &message);
    void findingSelectionChanged();

private:
    void applyFilter();
    void showDetails();
    void detailsLinkClicked(const QUrl &url);
    void updateCount(int shown, int total);
    void showContextMenu(const QPoint &pos);
    void showHeaderMenu(const QPoint &pos);
    void fillColumnsMenu(QMenu *menu); // one checkable action per column
    QString combinedFilter() const;
    void keepSelection(); // before a reload
    void restoreSelection();

    Workbench *m_workbench;
    TriageModel *m_model;
    QLineEdit *m_filter;
    QLabel *m_filterError;
    QLabel *m_count;
    QWidget *m_chip;
    QLabel *m_chipLabel;
    QTableView *m_view;
    QTextBrowser *m_details;
    AdvisorySource *m_advisories;
    QTimer *m_advisoryRetry;
    qint64 m_detailsFinding = -1; // the finding the details show
    int m_advisoryRetries = 0;    // of the finding shown; reset when another is shown
    bool m_fullDescription = false;
    bool m_allReferences = false;
    QTimer *m_debounce;
    std::vector<QToolButton *> m_quick;
    QToolButton *m_views = nullptr;
    qint64 m_selected = -1; // the finding selected before a model reset
    QToolButton *m_closed = nullptr;
    QList<QAction *> m_rowActions;
    // What was selected and where the table was scrolled when a reload started, by finding id
    // (fact-table indices change with the facts): restored once the reloaded rows are shown.
    struct Kept
    {
        bool pending = false;
        QString path;
        std::vector<std::int64_t> selected;
        std::int64_t current = -1;
        int currentRow = -1;
        int scroll = 0;
    } m_kept;
};

} // namespace patchwise::ui
