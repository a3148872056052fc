// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>
#include <cstdint>
#include <string>
#include <vector>

class QAction;
class QLabel;
class QLineEdit;
class QTableView;
class QTextBrowser;
class QToolButton;

namespace patchwise::ui {

class DecisionController;
class DecisionsModel;
class Workbench;

// The analysts' decisions (issue 8): every decision with what it covers now, a word filter,
// and for the selected one its history (who, when, before → after) and its findings. "Show
// in triage table" narrows the triage table to the findings it covers; "Remove decision" is
// an undoable edit.
class DecisionsPage : public QWidget
{
    Q_OBJECT

public:
    DecisionsPage(Workbench *workbench, DecisionController *controller, QWidget *parent = nullptr);

    DecisionsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    QTextBrowser *details() const { return m_details; }
    QAction *removeAction() const { return m_remove; }
    QAction *showAction() const { return m_show; }

    // Workbench::decisions() indices of the selected rows, in row order.
    std::vector<int> selectedDecisions() const;
    // The findings (fact-table indices) these decisions cover now.
    std::vector<std::uint32_t> coveredFindings(const std::vector<int> &decisions) const;

    void showInTriage();   // the selected decisions' findings
    void removeSelected(); // as one undoable edit

Q_SIGNALS:
    // `includeClosed`: some of them are closed (decided away), so the table must show those.
    void showFindings(const std::vector<std::uint32_t> &findings,
                      const QString &label,
                      bool includeClosed);

private:
    void showDetails();
    void updateActions();
    void updateCount(int shown, int total);
    void showContextMenu(const QPoint &pos);

    Workbench *m_workbench;
    DecisionController *m_controller;
    DecisionsModel *m_model;
    QLineEdit *m_filter;
    QLabel *m_count;
    QLabel *m_empty;
    QTableView *m_view;
    QTextBrowser *m_details;
    QAction *m_show;
    QAction *m_remove;
    std::vector<std::string> m_selectedKeys; // kept across a model reset
    std::string m_currentKey;
};

} // namespace patchwise::ui
