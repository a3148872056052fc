// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decisionlabels.h"
#include "store/workspace.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <vector>

namespace patchwise::ui {

class Workbench;

// Every decision of the open workspace, one row each: state (an expired acceptance says so),
// scope and what it applies to (the image's name for an image scope), vulnerability, package
// (and the version it is pinned to), justification, reason, owner, expiry, last update, and
// how many findings it covers now (store::DecisionMatcher over the current facts, through the
// workbench). A small table: it keeps its own copy of the decisions, sorts on their values
// and filters by words.
class DecisionsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        State,
        Covers, // what the decision decides now: next to the state, never scrolled away
        Scope,
        Target,
        Vulnerability,
        Package,
        Justification,
        Reason,
        Owner,
        Expires,
        Updated,
        ColumnCount
    };
    Q_ENUM(Column)
    static constexpr int DecisionRole = Qt::UserRole + 1; // index into Workbench::decisions()
    static constexpr int CoversRole = Qt::UserRole + 2;   // findings covered now (int)

    explicit DecisionsModel(Workbench *workbench, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Shows the decisions whose text (state, scope, what it applies to, vulnerability,
    // package, version, justification, reason, note, owner) holds every word of `text`,
    // ignoring case.
    void setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }

    // The Workbench::decisions() index shown in `row`, and the row of one (-1 when hidden).
    int decisionAt(int row) const { return m_rows[std::size_t(row)]; }
    int rowOfDecision(int decision) const;
    // The decision shown in `row` (this model's copy: valid until its next reset).
    const store::Decision &decision(int row) const;
    int coverage(int row) const;
    int totalDecisions() const { return int(m_decisions.size()); }
    // What a decision applies to, for people (decisionTargetLabel).
    QString targetLabel(const store::Decision &decision) const;

Q_SIGNALS:
    void rowsRebuilt(int shown, int total);

private:
    void reload();  // new workbench state
    void rebuild(); // new filter or sort
    std::vector<int> shownRows() const;
    int compare(int a, int b) const;
    QString text(int column, int decision) const;
    bool matches(int decision) const;

    Workbench *m_workbench;
    std::vector<store::Decision> m_decisions;
    std::vector<int> m_coverage;
    ImageNames m_names;
    std::int64_t m_now = 0;
    std::vector<int> m_rows; // shown, in order
    QString m_filterText;
    QStringList m_words;
    int m_sortColumn = Updated;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace patchwise::ui
