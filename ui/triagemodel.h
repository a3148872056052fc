// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <cstdint>
#include <optional>
#include <vector>

namespace patchwise::risk {
class Filter;
}

namespace patchwise::ui {

class Workbench;

// The triage table: one row per finding of the workbench's scoring, shown through a
// permutation index (sorted, then filtered) over the in-memory fact table — never a proxy
// model, never display strings for sorting. Filters use the CLI's filter language
// (docs/filter.md); a restriction (a matrix cell, a layer) narrows further.
class TriageModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Rank,
        RankChange,
        Risk,
        Severity,
        Cvss,
        VendorSeverity,
        Vulnerability,
        Package,
        Versions,
        Image,
        Layer,
        Kev,
        Epss,
        Containers,
        Exposure,
        Days,
        SlaDue,
        Decision,
        ColumnCount
    };
    Q_ENUM(Column)
    static constexpr int FindingRole = Qt::UserRole + 1; // fact-table index (uint)

    explicit TriageModel(Workbench *workbench, QObject *parent = nullptr);
    ~TriageModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Applies a filter expression; on a syntax error nothing changes and the error
    // ("column N: …") is returned.
    std::optional<QString> setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }
    // Narrows the rows to these findings (fact-table indices) with a label for the user;
    // an empty label clears it.
    void setRestriction(const std::vector<std::uint32_t> &findings, const QString &label);
    void clearRestriction() { setRestriction({}, {}); }
    QString restrictionLabel() const { return m_restrictionLabel; }
    // Resolved and suppressed findings are hidden unless shown.
    void setShowClosed(bool show);
    bool showClosed() const { return m_showClosed; }

    std::uint32_t findingAt(int row) const { return m_rows[std::size_t(row)]; }
    int rowOf(std::uint32_t finding) const; // -1 when not shown
    int totalFindings() const;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    static QString columnName(int column);

Q_SIGNALS:
    void rowsRebuilt(int shown, int total);

private:
    void reset();    // new fact table
    void resort();   // new sort column or scores
    void refilter(); // new filter or restriction
    QVariant display(int column, std::uint32_t f) const;
    QVariant sortKeyTooltip(int column, std::uint32_t f) const;

    Workbench *m_workbench;
    std::unique_ptr<risk::Filter> m_filter;
    QString m_filterText;
    std::vector<std::uint32_t> m_sorted; // every finding, in the sort order
    std::vector<std::uint32_t> m_rows;   // shown: m_sorted filtered
    std::vector<bool> m_restricted;      // empty = no restriction
    QString m_restrictionLabel;
    bool m_showClosed = false;
    int m_sortColumn = Rank;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace patchwise::ui
