// SPDX-License-Identifier: GPL-3.0-or-later
#include "triagemodel.h"

#include "decisionlabels.h"
#include "risk/filter.h"
#include "risk/sortspec.h"
#include "severitystyle.h"
#include "workbench.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace patchwise::ui {

namespace {

using risk::Field;

// The fields that sort a column directly (radix sort in core); the others get keys below.
std::optional<Field> fieldOf(int column)
{
    switch (column) {
    case TriageModel::Rank:
        return Field::Rank;
    case TriageModel::Risk:
        return Field::Risk;
    case TriageModel::Severity:
        return Field::Severity;
    case TriageModel::Cvss:
        return Field::Cvss;
    case TriageModel::Vulnerability:
        return Field::Vuln;
    case TriageModel::Package:
        return Field::Package;
    case TriageModel::Versions:
        return Field::Version;
    case TriageModel::Image:
        return Field::Image;
    case TriageModel::Kev:
        return Field::Kev;
    case TriageModel::Epss:
        return Field::Epss;
    case TriageModel::Containers:
        return Field::Containers;
    case TriageModel::Days:
        return Field::Days;
    case TriageModel::Ssvc:
        return Field::Decision;
    default:
        break;
    }
    return std::nullopt;
}

// The OS vendor's (or, for language packages, GHSA's) rating of a finding's vulnerability.
std::optional<model::Severity> vendorRating(const risk::Facts &facts, std::uint32_t f)
{
    const std::uint16_t source = facts.contexts[facts.context[f]].vendorSource;
    if (source == 0)
        return std::nullopt;
    for (const risk::RatingFact &r : facts.vulns[facts.vuln[f]].ratings)
        if (r.source == source)
            return r.severity;
    return std::nullopt;
}

QString fromStd(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

} // namespace

TriageModel::TriageModel(Workbench *workbench, QObject *parent)
    : QAbstractTableModel(parent)
    , m_workbench(workbench)
    , m_filter(std::make_shared<const risk::Filter>())
{
    m_pool.setMaxThreadCount(1); // requests queue; superseded ones return at once
    connect(workbench, &Workbench::loaded, this, &TriageModel::reset);
    connect(workbench, &Workbench::rescored, this, [this] { rebuild(true); });
    if (workbench->isOpen())
        reset();
}

TriageModel::~TriageModel()
{
    m_pool.waitForDone(); // jobs read the workbench's data through raw pointers too
}

int TriageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TriageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int TriageModel::totalFindings() const
{
    return m_workbench->isOpen() ? int(m_workbench->facts().size()) : 0;
}

QString TriageModel::columnName(int column)
{
    switch (column) {
    case Rank:
        return tr("Rank");
    case RankChange:
        return tr("Δ");
    case Risk:
        return tr("Risk");
    case Severity:
        return tr("Severity");
    case Cvss:
        return tr("CVSS");
    case VendorSeverity:
        return tr("Vendor");
    case Vulnerability:
        return tr("Vulnerability");
    case Package:
        return tr("Package");
    case Versions:
        return tr("Installed → fixed");
    case Image:
        return tr("Image");
    case Layer:
        return tr("Layer");
    case Kev:
        return tr("KEV");
    case Epss:
        return tr("EPSS");
    case Containers:
        return tr("Running");
    case Exposure:
        return tr("Exposure");
    case Days:
        return tr("Days exposed");
    case SlaDue:
        return tr("SLA due");
    case Ssvc:
        return tr("SSVC");
    case Triage:
        return tr("Triage");
    default:
        break;
    }
    return {};
}

QVariant TriageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole)
        return columnName(section);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case RankChange:
            return tr("Rank change against the saved policy (▲ moved up)");
        case VendorSeverity:
            return tr("The OS vendor's rating (GHSA for language packages)");
        case Layer:
            return tr("The layer holding the package; \"base\" when it came with the base "
                      "image, \"base fix\" when updating the base image fixes it");
        case Exposure:
            return tr("Internet-exposed, running, or not running");
        case Triage:
            return fromStd(risk::fieldInfo(risk::Field::Triage).description);
        default:
            if (const auto field = fieldOf(section))
                return fromStd(risk::fieldInfo(*field).description);
        }
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    return {};
}

QVariant TriageModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()) || index.column() >= ColumnCount)
        return {};
    const std::uint32_t f = m_rows[std::size_t(index.row())];
    const risk::Scoring &s = m_workbench->scoring();
    switch (role) {
    case Qt::DisplayRole:
        return display(index.column(), f);
    case FindingRole:
        return QVariant::fromValue(uint(f));
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case Rank:
        case RankChange:
        case Risk:
        case Cvss:
        case Epss:
        case Containers:
        case Days:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case Qt::ForegroundRole:
        if (index.column() == Severity)
            return severityColor(s.severity(f));
        if (index.column() == VendorSeverity)
            if (const auto r = vendorRating(s.facts(), f))
                return severityColor(*r);
        if (index.column() == SlaDue && s.slaBreached(f))
            return QColor(0xc6, 0x28, 0x28);
        if (index.column() == RankChange) {
            const qint64 change = qint64(m_workbench->savedRank(f)) - qint64(s.rank(f));
            if (change != 0)
                return change > 0 ? QColor(0xc6, 0x28, 0x28) : QColor(0x2e, 0x7d, 0x32);
        }
        if (index.column() == Kev && s.facts().vulns[s.facts().vuln[f]].kev)
            return QColor(0xc6, 0x28, 0x28);
        if (index.column() == Triage && f < s.facts().triage.size() &&
            (s.facts().triage[f] & risk::TriageExpired))
            return expiredColor(QGuiApplication::palette());
        if (!s.isOpen(f))
            return QColor(0x9e, 0x9e, 0x9e);
        return {};
    case Qt::ToolTipRole:
        return sortKeyTooltip(index.column(), f);
    default:
        break;
    }
    return {};
}

QVariant TriageModel::display(int column, std::uint32_t f) const
{
    const std::shared_ptr<const std::vector<std::uint32_t>> saved = m_workbench->savedRanks();
    return cellValue({&m_workbench->scoring(), &m_workbench->baseFlags(), saved.get()}, column, f);
}

TriageModel::Snapshot TriageModel::snapshot() const
{
    Snapshot out;
    if (!m_workbench->isOpen())
        return out;
    out.state = m_workbench->stateHandle();
    out.scoringHandle = m_workbench->scoringHandle();
    out.savedRanks = m_workbench->savedRanks();
    out.cells = {&m_workbench->scoring(), &m_workbench->baseFlags(), out.savedRanks.get()};
    out.rows = m_rows;
    return out;
}

QVariant TriageModel::cellValue(const Cells &cells, int column, std::uint32_t f)
{
    const risk::Scoring &s = *cells.scoring;
    const risk::Facts &facts = s.facts();
    const auto savedRank = [&](std::uint32_t finding) -> qint64 {
        return cells.savedRanks && finding < cells.savedRanks->size()
                   ? qint64((*cells.savedRanks)[finding])
                   : 0;
    };
    switch (column) {
    case Rank:
        return qulonglong(s.rank(f));
    case RankChange: {
        const qint64 change = savedRank(f) - qint64(s.rank(f));
        if (change == 0)
            return QString();
        return change > 0 ? QStringLiteral("▲%1").arg(change) : QStringLiteral("▼%1").arg(-change);
    }
    case Risk:
        return QString::number(double(s.risk(f)), 'f', 2);
    case Severity:
        return severityLabel(s.severity(f));
    case Cvss: {
        const int tenths = s.cvssTenths(f);
        return tenths < 0 ? QString() : QString::number(tenths / 10.0, 'f', 1);
    }
    case VendorSeverity: {
        const auto r = vendorRating(facts, f);
        if (!r)
            return QString();
        const std::uint16_t source = facts.contexts[facts.context[f]].vendorSource;
        return QString(fromStd(facts.sources[source]) + QStringLiteral(": ") + severityLabel(*r));
    }
    case Vulnerability:
        return fromStd(facts.vulns[facts.vuln[f]].id);
    case Package:
        return fromStd(facts.strings[facts.package[f]]);
    case Versions: {
        const QString installed = fromStd(facts.strings[facts.version[f]]);
        const std::string &fixed = facts.strings[facts.fixedVersions[f]];
        return fixed.empty() ? installed
                             : QString(installed + QStringLiteral(" → ") + fromStd(fixed));
    }
    case Image:
        return fromStd(facts.images[facts.image[f]].name);
    case Layer: {
        const int layer = f < facts.layerIndex.size() ? facts.layerIndex[f] : -1;
        if (layer < 0)
            return QString();
        const auto &flags = *cells.flags;
        QString text = QStringLiteral("L%1").arg(layer);
        if (f < flags.size() && flags[f].baseImageFix)
            text += tr(" · base fix");
        else if (f < flags.size() && flags[f].inBase == 1)
            text += tr(" · base");
        return text;
    }
    case Kev: {
        const risk::VulnFacts &v = facts.vulns[facts.vuln[f]];
        return v.kev ? (v.ransomware ? tr("KEV · ransomware") : tr("KEV")) : QString();
    }
    case Epss: {
        const float e = facts.vulns[facts.vuln[f]].epss;
        return e < 0 ? QString()
                     : QString(QString::number(double(e) * 100.0, 'f', e < 0.1f ? 2 : 1) + u'%');
    }
    case Containers: {
        const int n = facts.images[facts.image[f]].runningContainers;
        return n ? QVariant(n) : QVariant(QString());
    }
    case Exposure: {
        const risk::ImageFacts &image = facts.images[facts.image[f]];
        if (image.runningContainers == 0)
            return tr("not running");
        QString text = image.internetExposed ? tr("internet") : tr("internal");
        if (image.privileged || image.hostNamespace)
            text += tr(" · privileged");
        else if (image.runsAsRoot == risk::Tri::Yes)
            text += tr(" · root");
        return text;
    }
    case Days: {
        const double days = s.exposureDays(f);
        return days > 0 ? QVariant(qlonglong(std::floor(days))) : QVariant(QString());
    }
    case SlaDue: {
        const std::int64_t due = s.slaDue(f);
        return due ? QDateTime::fromSecsSinceEpoch(due, Qt::UTC)
                         .toString(QStringLiteral("yyyy-MM-dd"))
                   : QString();
    }
    case Ssvc:
        return fromStd(risk::decisionName(s.decision(f)));
    case Triage:
        return triageLabel(f < facts.triage.size() ? facts.triage[f] : 0);
    default:
        break;
    }
    return {};
}

QVariant TriageModel::sortKeyTooltip(int column, std::uint32_t f) const
{
    const risk::Scoring &s = m_workbench->scoring();
    if (column == Risk) {
        const risk::Breakdown b = s.breakdown(f);
        QStringList lines;
        for (int k = 0; k < risk::FactorCount; ++k)
            if (b[std::size_t(k)] > 0)
                lines << QStringLiteral("%1: %2")
                             .arg(fromStd(risk::factorName(risk::Factor(k))))
                             .arg(double(b[std::size_t(k)]), 0, 'f', 2);
        return lines.join(u'\n');
    }
    if (column == SlaDue && s.slaBreached(f))
        return tr("SLA breached");
    if (column == Image)
        return display(column, f);
    return {};
}

struct TriageModel::Request
{
    quint64 generation = 0;
    std::shared_ptr<const std::atomic<quint64>> latest; // the newest request's generation
    // What the job reads, kept alive (and unchanged) until it ends.
    std::shared_ptr<const void> state, scoringHandle;
    const risk::Scoring *scoring = nullptr;
    const risk::ScoredRows *rows = nullptr;
    const std::vector<layers::BaseFlags> *flags = nullptr;
    std::shared_ptr<const std::vector<std::uint32_t>> savedRanks;
    bool resort = false;
    int column = Rank;
    bool descending = false;
    std::shared_ptr<const std::vector<std::uint32_t>> sorted; // when not resorting
    std::shared_ptr<const risk::Filter> filter;
    std::shared_ptr<const std::vector<bool>> restricted;
    bool showClosed = false;

    bool superseded() const { return latest->load(std::memory_order_relaxed) != generation; }
};

struct TriageModel::Rebuilt
{
    quint64 generation = 0;
    bool resorted = false;
    std::shared_ptr<const std::vector<std::uint32_t>> sorted;
    std::vector<std::uint32_t> rows;
};

void TriageModel::reset()
{
    // The rows index the previous fact table: they go now, not when the new ones are ready.
    beginResetModel();
    m_restricted.reset();
    m_restrictionLabel.clear();
    m_rows.clear();
    m_sorted.reset();
    m_sortValid = false;
    endResetModel();
    rebuild(true);
}

void TriageModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    rebuild(true);
}

void TriageModel::rebuild(bool resort)
{
    if (!m_workbench->isOpen())
        return;
    if (resort)
        m_sortValid = false;
    Request r;
    r.generation = ++m_generation;
    m_latest->store(r.generation, std::memory_order_relaxed);
    r.latest = m_latest;
    r.state = m_workbench->stateHandle();
    r.scoringHandle = m_workbench->scoringHandle();
    r.scoring = &m_workbench->scoring();
    r.rows = &m_workbench->rows();
    r.flags = &m_workbench->baseFlags();
    r.savedRanks = m_workbench->savedRanks();
    r.resort = !m_sortValid;
    r.column = m_sortColumn;
    r.descending = m_sortOrder == Qt::DescendingOrder;
    r.sorted = m_sorted;
    r.filter = m_filter;
    r.restricted = m_restricted;
    r.showClosed = m_showClosed;
    if (r.scoring->size() <= m_backgroundThreshold) {
        apply(run(r));
        return;
    }
    ++m_pending;
    auto *watcher = new QFutureWatcher<Rebuilt>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        --m_pending;
        apply(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [r = std::move(r)] { return run(r); }));
}

TriageModel::Rebuilt TriageModel::run(const Request &r)
{
    Rebuilt out;
    out.generation = r.generation;
    if (r.superseded())
        return out; // dropped on arrival anyway
    if (r.resort) {
        out.sorted = std::make_shared<const std::vector<std::uint32_t>>(sorted(r));
        out.resorted = true;
        if (r.superseded())
            return out;
    } else {
        out.sorted = r.sorted;
    }
    const risk::Scoring &s = *r.scoring;
    std::vector<std::uint32_t> rows =
        r.filter->isEmpty() ? *out.sorted : r.filter->select(*r.rows, *out.sorted);
    const std::vector<bool> *restricted = r.restricted.get();
    if (restricted || !r.showClosed)
        rows.erase(std::remove_if(rows.begin(),
                                  rows.end(),
                                  [&](std::uint32_t f) {
                                      return (restricted && !(*restricted)[f]) ||
                                             (!r.showClosed && !s.isOpen(f));
                                  }),
                   rows.end());
    out.rows = std::move(rows);
    return out;
}

std::vector<std::uint32_t> TriageModel::sorted(const Request &r)
{
    const risk::Scoring &s = *r.scoring;
    const std::size_t n = s.size();
    if (r.column == Rank) {
        std::vector<std::uint32_t> order = s.ranking();
        if (r.descending)
            std::reverse(order.begin(), order.end());
        return order;
    }
    // Ties keep the ranking's order.
    if (const auto field = fieldOf(r.column)) {
        const risk::SortKey key{*field, r.descending};
        return risk::sortRows(*r.rows, s.ranking(), {&key, 1});
    }
    // Columns outside the field catalogue: a key per finding, then the same radix sort.
    const risk::Facts &facts = s.facts();
    const std::vector<layers::BaseFlags> &flags = *r.flags;
    std::vector<std::uint64_t> keys(n);
    // Signed values shifted into unsigned order.
    const auto key = [](std::int64_t v) { return std::uint64_t(v) ^ (std::uint64_t(1) << 63); };
    for (std::size_t f = 0; f < n; ++f) {
        switch (r.column) {
        case RankChange: {
            const std::vector<std::uint32_t> &saved = *r.savedRanks;
            keys[f] =
                key((f < saved.size() ? std::int64_t(saved[f]) : 0) - std::int64_t(s.rank(f)));
            break;
        }
        case VendorSeverity: {
            const auto rating = vendorRating(facts, std::uint32_t(f));
            keys[f] = rating ? std::uint64_t(*rating) + 1 : 0;
            break;
        }
        case Layer: {
            const int layer = f < facts.layerIndex.size() ? facts.layerIndex[f] : -1;
            keys[f] =
                key(std::int64_t(layer) * 4 +
                    (f < flags.size() ? (flags[f].baseImageFix ? 2 : flags[f].inBase == 1) : 0));
            break;
        }
        case Exposure: {
            const risk::ImageFacts &image = facts.images[facts.image[f]];
            keys[f] = image.runningContainers == 0 ? 0 : image.internetExposed ? 2 : 1;
            break;
        }
        case SlaDue: {
            const std::int64_t due = s.slaDue(f);
            keys[f] = key(due ? due : std::numeric_limits<std::int64_t>::max());
            break;
        }
        case Triage: {
            // By state (in model::TriageState order), an expired acceptance after a live one.
            const std::uint8_t t = f < facts.triage.size() ? facts.triage[f] : 0;
            keys[f] = std::uint64_t(t & 0x7f) * 2 + ((t & risk::TriageExpired) ? 1 : 0);
            break;
        }
        default:
            keys[f] = 0;
        }
    }
    return risk::sortByKey(s.ranking(), keys, r.descending);
}

void TriageModel::apply(Rebuilt rebuilt)
{
    if (rebuilt.generation != m_generation)
        return; // a later request supersedes it
    if (rebuilt.resorted) {
        m_sorted = std::move(rebuilt.sorted);
        m_sortValid = true;
    }
    beginResetModel();
    m_rows = std::move(rebuilt.rows);
    endResetModel();
    Q_EMIT rowsRebuilt(int(m_rows.size()), totalFindings());
}

std::optional<QString> TriageModel::setFilterText(const QString &text)
{
    auto parsed = risk::Filter::parse(text.toStdString());
    if (!parsed)
        return QString::fromStdString(parsed.error());
    m_filter = std::make_shared<const risk::Filter>(std::move(*parsed));
    m_filterText = text;
    rebuild(false);
    return std::nullopt;
}

void TriageModel::setRestriction(const std::vector<std::uint32_t> &findings, const QString &label)
{
    m_restrictionLabel = label;
    m_restricted.reset();
    if (!label.isEmpty() && m_workbench->isOpen()) {
        auto restricted = std::make_shared<std::vector<bool>>(m_workbench->facts().size(), false);
        for (std::uint32_t f : findings)
            if (f < restricted->size())
                (*restricted)[f] = true;
        m_restricted = std::move(restricted);
    }
    rebuild(false);
}

void TriageModel::setShowClosed(bool show)
{
    if (m_showClosed == show)
        return;
    m_showClosed = show;
    rebuild(false);
}

int TriageModel::rowOf(std::uint32_t finding) const
{
    const auto it = std::find(m_rows.begin(), m_rows.end(), finding);
    return it == m_rows.end() ? -1 : int(it - m_rows.begin());
}

} // namespace patchwise::ui
