// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>
#include <cstdint>
#include <vector>

class QLabel;
class QLineEdit;
class QTableView;
class QTextBrowser;
class QToolButton;
class QTimer;

namespace patchwise::ui {

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
    void updateCount(int shown, int total);
    void showContextMenu(const QPoint &pos);
    void showHeaderMenu(const QPoint &pos);
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
    QTimer *m_debounce;
    std::vector<QToolButton *> m_quick;
    QToolButton *m_views = nullptr;
    qint64 m_selected = -1; // the finding selected before a model reset
};

} // namespace patchwise::ui
