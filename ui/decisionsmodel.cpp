// SPDX-License-Identifier: GPL-3.0-or-later
#include "decisionsmodel.h"

#include "workbench.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPalette>
#include <QRegularExpression>
#include <algorithm>
#include <limits>

namespace patchwise::ui {

namespace {

QString fromStd(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString day(std::int64_t t)
{
    return QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
}

} // namespace

DecisionsModel::DecisionsModel(Workbench *workbench, QObject *parent)
    : QAbstractTableModel(parent)
    , m_workbench(workbench)
{
    connect(workbench, &Workbench::loaded, this, &DecisionsModel::reload);
    if (workbench->isOpen())
        reload();
}

int DecisionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DecisionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DecisionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case State:
            return tr("State");
        case Scope:
            return tr("Scope");
        case Target:
            return tr("Applies to");
        case Vulnerability:
            return tr("Vulnerability");
        case Package:
            return tr("Package");
        case Justification:
            return tr("Justification");
        case Reason:
            return tr("Reason");
        case Owner:
            return tr("Owner");
        case Expires:
            return tr("Expires");
        case Updated:
            return tr("Updated");
        case Covers:
            return tr("Covers now");
        default:
            break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Target:
            return tr("The image (by its digest), the repository (every tag), or every image");
        case Package:
            return tr("With the installed version when the decision is pinned to one");
        case Covers:
            return tr("The findings this decision decides now; a narrower decision (an image's, "
                      "or one pinned to a version) wins over a broader one");
        default:
            break;
        }
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    return {};
}

const store::Decision &DecisionsModel::decision(int row) const
{
    return m_decisions[std::size_t(m_rows[std::size_t(row)])];
}

int DecisionsModel::coverage(int row) const
{
    return m_coverage[std::size_t(m_rows[std::size_t(row)])];
}

QString DecisionsModel::targetLabel(const store::Decision &decision) const
{
    return decisionTargetLabel(decision, m_names);
}

QString DecisionsModel::text(int column, int i) const
{
    const store::Decision &d = m_decisions[std::size_t(i)];
    switch (column) {
    case State:
        return isExpired(d, m_now) ? tr("%1 (expired)").arg(triageStateLabel(d.state))
                                   : triageStateLabel(d.state);
    case Scope:
        return decisionScopeLabel(d.scope);
    case Target:
        return targetLabel(d);
    case Vulnerability:
        return fromStd(d.vulnerability);
    case Package:
        return d.version.empty() ? fromStd(d.package)
                                 : QString(fromStd(d.package) + u' ' + fromStd(d.version));
    case Justification:
        return fromStd(d.justification);
    case Reason:
        return fromStd(d.reason).simplified();
    case Owner:
        return fromStd(d.owner);
    case Expires:
        if (d.expires > 0)
            return day(d.expires);
        return d.state == model::TriageState::RiskAccepted ? tr("never") : QString();
    case Updated:
        return d.updatedAt ? QDateTime::fromSecsSinceEpoch(d.updatedAt)
                                 .toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                           : QString();
    case Covers: {
        const int n = m_coverage[std::size_t(i)];
        return n ? QLocale().toString(n) : tr("none now");
    }
    default:
        break;
    }
    return {};
}

QVariant DecisionsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()) || index.column() >= ColumnCount)
        return {};
    const int i = m_rows[std::size_t(index.row())];
    const store::Decision &d = m_decisions[std::size_t(i)];
    switch (role) {
    case Qt::DisplayRole:
        return text(index.column(), i);
    case DecisionRole:
        return i;
    case CoversRole:
        return m_coverage[std::size_t(i)];
    case Qt::TextAlignmentRole:
        return QVariant::fromValue((index.column() == Covers ? Qt::AlignRight : Qt::AlignLeft) |
                                   Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (index.column() == State && isExpired(d, m_now))
            return expiredColor(QApplication::palette());
        if (index.column() == Covers && m_coverage[std::size_t(i)] == 0)
            return QApplication::palette().color(QPalette::PlaceholderText);
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case State:
            if (isExpired(d, m_now))
                return tr("Expired on %1: the findings it covers are open again")
                    .arg(day(d.expires));
            return {};
        case Target:
            return d.scope == model::DecisionScope::Fleet ? QVariant() : fromStd(d.scopeKey);
        case Reason:
            return d.note.empty() ? fromStd(d.reason)
                                  : QString(fromStd(d.reason) + u'\n' + fromStd(d.note));
        case Package:
            return d.version.empty() ? QVariant()
                                     : tr("Pinned to version %1").arg(fromStd(d.version));
        default:
            return {};
        }
    default:
        break;
    }
    return {};
}

void DecisionsModel::reload()
{
    // One reset: views read the previous copy until beginResetModel() (a page keeps its
    // selection by it).
    beginResetModel();
    m_decisions = m_workbench->decisions();
    m_coverage = m_workbench->decisionCoverage();
    m_names = imageNamesByIdentity(m_workbench->facts());
    m_now = m_workbench->facts().now;
    m_rows = shownRows();
    endResetModel();
    Q_EMIT rowsRebuilt(int(m_rows.size()), int(m_decisions.size()));
}

bool DecisionsModel::matches(int i) const
{
    if (m_words.isEmpty())
        return true;
    const store::Decision &d = m_decisions[std::size_t(i)];
    const QString haystack = QStringList{text(State, i),
                                         text(Scope, i),
                                         text(Target, i),
                                         fromStd(d.scopeKey),
                                         fromStd(d.vulnerability),
                                         fromStd(d.package),
                                         fromStd(d.version),
                                         fromStd(d.justification),
                                         fromStd(d.reason),
                                         fromStd(d.note),
                                         fromStd(d.owner)}
                                 .join(u'\n');
    for (const QString &word : m_words)
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    return true;
}

// -1, 0, 1 as decision a sorts before, with, after b on the sort column (ascending).
int DecisionsModel::compare(int a, int b) const
{
    const store::Decision &da = m_decisions[std::size_t(a)];
    const store::Decision &db = m_decisions[std::size_t(b)];
    const auto cmp = [](auto x, auto y) { return x < y ? -1 : y < x ? 1 : 0; };
    switch (m_sortColumn) {
    case State:
        return cmp(int(da.state) * 2 + int(isExpired(da, m_now)),
                   int(db.state) * 2 + int(isExpired(db, m_now)));
    case Scope:
        return cmp(int(da.scope), int(db.scope));
    case Expires: {
        // Never-expiring ones after every dated one.
        constexpr std::int64_t never = std::numeric_limits<std::int64_t>::max();
        return cmp(da.expires > 0 ? da.expires : never, db.expires > 0 ? db.expires : never);
    }
    case Updated:
        return cmp(da.updatedAt, db.updatedAt);
    case Covers:
        return cmp(m_coverage[std::size_t(a)], m_coverage[std::size_t(b)]);
    default:
        return QString::compare(text(m_sortColumn, a), text(m_sortColumn, b), Qt::CaseInsensitive);
    }
}

std::vector<int> DecisionsModel::shownRows() const
{
    std::vector<int> rows;
    for (int i = 0; i < int(m_decisions.size()); ++i)
        if (matches(i))
            rows.push_back(i);
    // Ties keep the store's order (oldest first), in either direction.
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
        const int c = compare(a, b);
        return descending ? c > 0 : c < 0;
    });
    return rows;
}

void DecisionsModel::rebuild()
{
    beginResetModel();
    m_rows = shownRows();
    endResetModel();
    Q_EMIT rowsRebuilt(int(m_rows.size()), int(m_decisions.size()));
}

void DecisionsModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    rebuild();
}

void DecisionsModel::setFilterText(const QString &text)
{
    m_filterText = text;
    m_words = text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    rebuild();
}

int DecisionsModel::rowOfDecision(int decision) const
{
    const auto it = std::find(m_rows.begin(), m_rows.end(), decision);
    return it == m_rows.end() ? -1 : int(it - m_rows.begin());
}

} // namespace patchwise::ui
