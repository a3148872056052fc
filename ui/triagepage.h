// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>
#include <cstdint>
#include <vector>

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
    // Narrows the table to these findings (a matrix cell, a layer), shown as a removable chip.
    void restrictTo(const std::vector<std::uint32_t> &findings, const QString &label);
    void focusFilter();

    // Saved views (filter, quick filters, sort, columns), kept in the settings by name.
    void saveView(const QString &name);
    bool applyView(const QString &name); // false when there is no such view
    static QStringList savedViews();

    QByteArray saveState() const;
    void restoreState(const QByteArray &state);

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    void applyFilter();
    void showDetails();
    void detailsLinkClicked(const QUrl &url);
    void updateCount(int shown, int total);
    void showContextMenu(const QPoint &pos);
    void showHeaderMenu(const QPoint &pos);
    void fillColumnsMenu(QMenu *menu); // one checkable action per column
    QString combinedFilter() const;

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
};

} // namespace patchwise::ui
