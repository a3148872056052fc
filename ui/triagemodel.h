// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <QThreadPool>
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace patchwise::risk {
class Filter;
class Scoring;
} // namespace patchwise::risk
namespace patchwise::layers {
struct BaseFlags;
}

namespace patchwise::ui {

class Workbench;

// The triage table: one row per finding of the workbench's scoring, shown through a
// permutation index (sorted, then filtered) over the in-memory fact table — never a proxy
// model, never display strings for sorting. Filters use the CLI's filter language
// (docs/filter.md); a restriction (a matrix cell, a layer) narrows further.
//
// Sorting and filtering a large table run on a worker thread, off the GUI thread: the rows
// shown stay the previous ones until the new ones are complete, then the model resets once
// and emits rowsRebuilt(). The latest request wins; superseded ones are dropped.
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
        Ssvc,   // the SSVC decision (track … act)
        Triage, // the analyst's decision: new, in triage, … ("risk accepted (expired)")
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

    // Tables of more findings than this sort and filter on the worker thread; smaller ones
    // synchronously (default 50,000; tests lower it to exercise the worker path).
    void setBackgroundThreshold(std::size_t findings) { m_backgroundThreshold = findings; }
    // True from a sort/filter/restriction/rescore request until its rows are shown.
    bool isRebuilding() const { return m_pending != 0; }

    std::uint32_t findingAt(int row) const { return m_rows[std::size_t(row)]; }
    int rowOf(std::uint32_t finding) const; // -1 when not shown
    int totalFindings() const;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    static QString columnName(int column);

    // What a cell reads.
    struct Cells
    {
        const risk::Scoring *scoring = nullptr;
        const std::vector<layers::BaseFlags> *flags = nullptr;
        const std::vector<std::uint32_t> *savedRanks = nullptr;
    };
    // The rows shown now and what their cells read, kept alive and unchanged for as long as
    // the snapshot is held (an export on a worker thread reads it while the table moves on).
    struct Snapshot
    {
        std::shared_ptr<const void> state, scoringHandle;
        std::shared_ptr<const std::vector<std::uint32_t>> savedRanks;
        Cells cells;
        std::vector<std::uint32_t> rows;
    };
    Snapshot snapshot() const;
    // The text (or number) a cell of `column` shows for `finding`: what data() displays.
    // Thread-safe for a snapshot's cells.
    static QVariant cellValue(const Cells &cells, int column, std::uint32_t finding);

Q_SIGNALS:
    void rowsRebuilt(int shown, int total);

private:
    struct Request;
    struct Rebuilt;
    void reset(); // new fact table
    // Recomputes the rows (and the sort order first when `resort`) for the current state.
    void rebuild(bool resort);
    void apply(Rebuilt rebuilt);
    static Rebuilt run(const Request &request);
    static std::vector<std::uint32_t> sorted(const Request &request);
    QVariant display(int column, std::uint32_t f) const;
    QVariant sortKeyTooltip(int column, std::uint32_t f) const;

    Workbench *m_workbench;
    std::shared_ptr<const risk::Filter> m_filter;
    QString m_filterText;
    // Every finding in the sort order, valid for the scoring shown while m_sortValid.
    std::shared_ptr<const std::vector<std::uint32_t>> m_sorted;
    bool m_sortValid = false;
    std::vector<std::uint32_t> m_rows;                     // shown: m_sorted filtered
    std::shared_ptr<const std::vector<bool>> m_restricted; // null = no restriction
    QString m_restrictionLabel;
    bool m_showClosed = false;
    int m_sortColumn = Rank;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    std::size_t m_backgroundThreshold = 50000;
    quint64 m_generation = 0; // of the latest request
    int m_pending = 0;        // requests whose result has not arrived
    std::shared_ptr<std::atomic<quint64>> m_latest = std::make_shared<std::atomic<quint64>>(0);
    QThreadPool m_pool;
};

} // namespace patchwise::ui
